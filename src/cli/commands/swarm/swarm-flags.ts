import { TextValue, parseGoDuration, type FlagSet } from '../../flags';
import { validateExternalCA } from './external-ca';

/**
 * The cluster flags `swarm init` and `swarm update` share: docker's swarmOptions, defined by
 * `addSwarmFlags` in cli/command/swarm/opts.go. Each command adds its own --autolock text.
 */
export interface SwarmOptions {
  certExpiry: bigint;
  dispatcherHeartbeat: bigint;
  externalCa: TextValue;
  maxSnapshots: number;
  snapshotInterval: number;
  taskHistoryLimit: number;
}

export function newSwarmOptions(): SwarmOptions {
  return {
    certExpiry: parseGoDuration('2160h0m0s'),
    dispatcherHeartbeat: parseGoDuration('5s'),
    externalCa: new TextValue('external-ca', '', validateExternalCA),
    maxSnapshots: 0,
    snapshotInterval: 10000,
    taskHistoryLimit: 5,
  };
}

export function addSwarmFlags(flags: FlagSet, options: SwarmOptions): void {
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
}
