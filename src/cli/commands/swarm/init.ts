import { TextValue } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import type { InitRequest } from '../../../api/swarm';
import { DaemonError } from '../../../api/errors';
import { CliError } from '../../command/errors';
import { engineErrorText } from '../../command/errors-text';
import { checkedAvailability } from './availability';
import { DEFAULT_LISTEN_ADDR, parseNodeAddr } from './node-addr';
import {
  printJoinCommand,
  printUnlockCommand,
  UNLOCK_KEY_FETCH_ERROR,
  wrapEngineError,
} from './printers';
import { EMPTY_SWARM_SPEC, mergeSwarmSpec } from './swarm-spec';
import { addSwarmFlags, newSwarmOptions, type SwarmOptions } from './swarm-flags';

export interface InitOptions extends SwarmOptions {
  advertiseAddr: string;
  autolock: boolean;
  availability: string;
  dataPathAddr: string;
  dataPathPort: number;
  defaultAddrPool: TextValue;
  defaultAddrPoolMaskLength: number;
  forceNewCluster: boolean;
  listenAddr: TextValue;
}

/** `docker swarm init`: initialize a swarm. */
export function newInitCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InitOptions = {
    ...newSwarmOptions(),
    advertiseAddr: '',
    autolock: false,
    availability: 'active',
    dataPathAddr: '',
    dataPathPort: 0,
    defaultAddrPool: new TextValue('ipNetSlice', '[]'),
    defaultAddrPoolMaskLength: 24,
    forceNewCluster: false,
    listenAddr: new TextValue('node-addr', DEFAULT_LISTEN_ADDR, (raw) => parseNodeAddr(raw)),
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
  addSwarmFlags(flags, options);
  return command;
}

/** The daemon errors docker completes with a hint (init.go). */
const ADVERTISE_HINTS = [
  'could not choose an IP address to advertise',
  "could not find the system's IP address",
];

function initRequest(options: InitOptions, invocation: Invocation): InitRequest {
  const flags = invocation.command.flags;
  return {
    // NodeAddrOption keeps the last value given.
    ListenAddr: options.listenAddr.values.at(-1) ?? DEFAULT_LISTEN_ADDR,
    AdvertiseAddr: options.advertiseAddr,
    DataPathAddr: options.dataPathAddr,
    DataPathPort: options.dataPathPort,
    ForceNewCluster: options.forceNewCluster,
    Spec: mergeSwarmSpec(EMPTY_SWARM_SPEC, flags, options, ''),
    AutoLockManagers: options.autolock,
    Availability: checkedAvailability(flags.changed('availability'), options.availability),
    DefaultAddrPool: options.defaultAddrPool.values.flatMap((text) => text.split(',')),
    SubnetSize: options.defaultAddrPoolMaskLength,
  };
}

async function initSwarm(cli: DockerCli, request: InitRequest): Promise<string> {
  try {
    return await cli.engine.swarmInit({ request }, cli.cancel);
  } catch (error) {
    const message = error instanceof DaemonError ? error.message : '';
    if (ADVERTISE_HINTS.some((hint) => message.includes(hint))) {
      throw new CliError(`${engineErrorText(error)} - specify one with --advertise-addr`);
    }
    throw error;
  }
}

/**
 * docker swarm init: the new node ID, the worker join command, the pointer to the manager
 * token, then the unlock key when --autolock was given. Up to v27 a blank line ends the
 * manager sentence.
 */
export async function runInit(
  cli: DockerCli,
  options: InitOptions,
  invocation: Invocation,
): Promise<void> {
  const request = initRequest(options, invocation);
  const nodeId = await initSwarm(cli, request);
  cli.out.write(`Swarm initialized: current node (${nodeId}) is now a manager.\n\n`);
  await printJoinCommand(cli, nodeId, { worker: true, manager: false });
  cli.out.write(
    "To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n\n",
  );
  if (!request.AutoLockManagers) return;
  let unlockKey: string;
  try {
    unlockKey = (await cli.engine.swarmUnlockKey(cli.cancel)).UnlockKey;
  } catch (error) {
    throw wrapEngineError(UNLOCK_KEY_FETCH_ERROR, error);
  }
  printUnlockCommand(cli.out, unlockKey);
}
