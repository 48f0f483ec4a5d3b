import type { SwarmSpec } from '../../../api/swarm';
import type { FlagSet } from '../../flags';
import { parseExternalCA } from './external-ca';
import type { SwarmOptions } from './swarm-flags';

/** The cluster flags `swarm init` and `swarm update` share, with each one's --autolock. */
export interface SwarmSpecOptions extends SwarmOptions {
  autolock: boolean;
}

/**
 * `var spec swarm.Spec`: what `swarm init` sends when no cluster flag is given. Zero values
 * mean "swarmkit's default" to the daemon.
 */
export const EMPTY_SWARM_SPEC: SwarmSpec = {
  Labels: {},
  Orchestration: {},
  Raft: { ElectionTick: 0, HeartbeatTick: 0 },
  Dispatcher: {},
  CAConfig: {},
  TaskDefaults: {},
  EncryptionConfig: { AutoLockManagers: false },
};

/**
 * docker's mergeSwarmSpec: only the flags the user gave change the spec; everything else is
 * sent back as it was. `caCert` is the current root CA, given to every new external CA.
 */
export function mergeSwarmSpec(
  spec: SwarmSpec,
  flags: FlagSet,
  options: SwarmSpecOptions,
  caCert: string,
): SwarmSpec {
  const changed = (name: string): boolean => flags.changed(name);
  return {
    ...spec,
    Orchestration: changed('task-history-limit')
      ? { ...spec.Orchestration, TaskHistoryRetentionLimit: options.taskHistoryLimit }
      : spec.Orchestration,
    Raft: {
      ...spec.Raft,
      ...(changed('max-snapshots') ? { KeepOldSnapshots: options.maxSnapshots } : {}),
      ...(changed('snapshot-interval') ? { SnapshotInterval: options.snapshotInterval } : {}),
    },
    Dispatcher: changed('dispatcher-heartbeat')
      ? { ...spec.Dispatcher, HeartbeatPeriod: Number(options.dispatcherHeartbeat) }
      : spec.Dispatcher,
    CAConfig: {
      ...spec.CAConfig,
      ...(changed('cert-expiry') ? { NodeCertExpiry: Number(options.certExpiry) } : {}),
      ...(changed('external-ca')
        ? {
            ExternalCAs: options.externalCa.values.map((text) => ({
              ...parseExternalCA(text),
              CACert: caCert,
            })),
          }
        : {}),
    },
    EncryptionConfig: changed('autolock')
      ? { ...spec.EncryptionConfig, AutoLockManagers: options.autolock }
      : spec.EncryptionConfig,
  };
}
