import { TextValue, parseGoDuration } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface InitOptions {
  advertiseAddr: string;
  autolock: boolean;
  availability: string;
  certExpiry: bigint;
  dataPathAddr: string;
  dataPathPort: number;
  defaultAddrPool: TextValue;
  defaultAddrPoolMaskLength: number;
  dispatcherHeartbeat: bigint;
  externalCa: TextValue;
  forceNewCluster: boolean;
  listenAddr: TextValue;
  maxSnapshots: number;
  snapshotInterval: number;
  taskHistoryLimit: number;
}

/** `docker swarm init`: initialize a swarm. */
export function newInitCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InitOptions = {
    advertiseAddr: '',
    autolock: false,
    availability: 'active',
    certExpiry: parseGoDuration('2160h0m0s'),
    dataPathAddr: '',
    dataPathPort: 0,
    defaultAddrPool: new TextValue('ipNetSlice', '[]'),
    defaultAddrPoolMaskLength: 24,
    dispatcherHeartbeat: parseGoDuration('5s'),
    externalCa: new TextValue('external-ca'),
    forceNewCluster: false,
    listenAddr: new TextValue('node-addr', '0.0.0.0:2377'),
    maxSnapshots: 0,
    snapshotInterval: 10000,
    taskHistoryLimit: 5,
  };
  const command = new Command({
    use: 'init [OPTIONS]',
    short: 'Initialize a swarm',
    args: noArgs,
    annotations: {
      version: '1.24',
      swarm: '',
    },
    run: (invocation) => runInit(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(
    options,
    'advertiseAddr',
    'advertise-addr',
    '',
    'Advertised address (format: "<ip|interface>[:port]")',
  );
  flags.boolVar(
    options,
    'autolock',
    'autolock',
    '',
    'Enable manager autolocking (requiring an unlock key to start a stopped manager)',
  );
  flags.stringVar(
    options,
    'availability',
    'availability',
    '',
    'Availability of the node ("active", "pause", "drain")',
  );
  flags.durationVar(
    options,
    'certExpiry',
    'cert-expiry',
    '',
    'Validity period for node certificates (ns|us|ms|s|m|h)',
  );
  flags.stringVar(
    options,
    'dataPathAddr',
    'data-path-addr',
    '',
    'Address or interface to use for data path traffic (format: "<ip|interface>")',
  );
  flags.uintVar(
    options,
    'dataPathPort',
    'data-path-port',
    '',
    'Port number to use for data path traffic (1024 - 49151). If no value is set or is set to 0, the default port (4789) is used.',
    'uint32',
  );
  flags.add(
    options.defaultAddrPool,
    'default-addr-pool',
    '',
    'default address pool in CIDR format',
  );
  flags.uintVar(
    options,
    'defaultAddrPoolMaskLength',
    'default-addr-pool-mask-length',
    '',
    'default address pool subnet mask length',
    'uint32',
  );
  flags.durationVar(
    options,
    'dispatcherHeartbeat',
    'dispatcher-heartbeat',
    '',
    'Dispatcher heartbeat period (ns|us|ms|s|m|h)',
  );
  flags.add(
    options.externalCa,
    'external-ca',
    '',
    'Specifications of one or more certificate signing endpoints',
  );
  flags.boolVar(
    options,
    'forceNewCluster',
    'force-new-cluster',
    '',
    'Force create a new cluster from current state',
  );
  flags.add(
    options.listenAddr,
    'listen-addr',
    '',
    'Listen address (format: "<ip|interface>[:port]")',
  );
  flags.uintVar(
    options,
    'maxSnapshots',
    'max-snapshots',
    '',
    'Number of additional Raft snapshots to retain',
  );
  flags.uintVar(
    options,
    'snapshotInterval',
    'snapshot-interval',
    '',
    'Number of log entries between Raft snapshots',
  );
  flags.intVar(
    options,
    'taskHistoryLimit',
    'task-history-limit',
    '',
    'Task history retention limit',
  );
  return command;
}

export function runInit(
  _cli: DockerCli,
  _options: InitOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
