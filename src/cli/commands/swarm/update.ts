import { TextValue, parseGoDuration } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface UpdateOptions {
  autolock: boolean;
  certExpiry: bigint;
  dispatcherHeartbeat: bigint;
  externalCa: TextValue;
  maxSnapshots: number;
  snapshotInterval: number;
  taskHistoryLimit: number;
}

/** `docker swarm update`: update the swarm. */
export function newUpdateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: UpdateOptions = {
    autolock: false,
    certExpiry: parseGoDuration('2160h0m0s'),
    dispatcherHeartbeat: parseGoDuration('5s'),
    externalCa: new TextValue('external-ca'),
    maxSnapshots: 0,
    snapshotInterval: 10000,
    taskHistoryLimit: 5,
  };
  const command = new Command({
    use: 'update [OPTIONS]',
    short: 'Update the swarm',
    args: noArgs,
    annotations: {
      version: '1.24',
      swarm: 'manager',
    },
    run: (invocation) => runUpdate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(
    options,
    'autolock',
    'autolock',
    '',
    'Change manager autolocking setting (true|false)',
  );
  flags.durationVar(
    options,
    'certExpiry',
    'cert-expiry',
    '',
    'Validity period for node certificates (ns|us|ms|s|m|h)',
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

export function runUpdate(
  _cli: DockerCli,
  _options: UpdateOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
