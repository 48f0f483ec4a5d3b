import type { SwarmSpec } from '../../api/swarm';

/**
 * The cluster spec `docker swarm init` starts from (swarmkit `manager/manager.go`
 * `defaultClusterObject`, `api/defaults`, moby `daemon/cluster`), and the init-time merge of the
 * user's flags into it (moby `convert.MergeSwarmSpecToGRPC`: a field the user left at zero keeps
 * the default).
 */

export const DEFAULT_CLUSTER_NAME = 'default';
export const DEFAULT_TASK_HISTORY_RETENTION_LIMIT = 5;
/** 5 s in nanoseconds (dispatcher.go `DefaultHeartBeatPeriod`). */
export const DEFAULT_HEARTBEAT_PERIOD_NS = 5_000_000_000;
/** 90 days in nanoseconds (ca/certificates.go `DefaultNodeCertExpiration`). */
export const DEFAULT_NODE_CERT_EXPIRY_NS = 7_776_000_000_000_000;
/** 1 h in nanoseconds (ca `MinNodeCertExpiration`). */
export const MIN_NODE_CERT_EXPIRY_NS = 3_600_000_000_000;
export const DEFAULT_ADDR_POOL: readonly string[] = ['10.0.0.0/8'];
export const DEFAULT_SUBNET_SIZE = 24;
export const DEFAULT_DATA_PATH_PORT = 4789;

export function defaultSwarmSpec(autoLockManagers: boolean): SwarmSpec {
  return {
    Name: DEFAULT_CLUSTER_NAME,
    Labels: {},
    Orchestration: { TaskHistoryRetentionLimit: DEFAULT_TASK_HISTORY_RETENTION_LIMIT },
    Raft: {
      SnapshotInterval: 10_000,
      KeepOldSnapshots: 0,
      LogEntriesForSlowFollowers: 500,
      ElectionTick: 10,
      HeartbeatTick: 1,
    },
    Dispatcher: { HeartbeatPeriod: DEFAULT_HEARTBEAT_PERIOD_NS },
    CAConfig: { NodeCertExpiry: DEFAULT_NODE_CERT_EXPIRY_NS },
    TaskDefaults: {},
    EncryptionConfig: { AutoLockManagers: autoLockManagers },
  };
}

function nonZero(value: number | undefined): value is number {
  return value !== undefined && value !== 0;
}

/**
 * The user's init spec over the defaults. Pointer fields in moby (task history limit, kept
 * snapshots) override whenever present, even at 0; plain numbers only when not 0.
 */
export function mergeInitSpec(base: SwarmSpec, user: SwarmSpec): SwarmSpec {
  const raft = user.Raft;
  return {
    ...base,
    Labels: { ...base.Labels, ...user.Labels },
    Orchestration:
      user.Orchestration.TaskHistoryRetentionLimit === undefined
        ? base.Orchestration
        : user.Orchestration,
    Raft: {
      ...base.Raft,
      ...(nonZero(raft.SnapshotInterval) ? { SnapshotInterval: raft.SnapshotInterval } : {}),
      ...(raft.KeepOldSnapshots === undefined ? {} : { KeepOldSnapshots: raft.KeepOldSnapshots }),
      ...(nonZero(raft.LogEntriesForSlowFollowers)
        ? { LogEntriesForSlowFollowers: raft.LogEntriesForSlowFollowers }
        : {}),
      ...(nonZero(raft.ElectionTick) ? { ElectionTick: raft.ElectionTick } : {}),
      ...(nonZero(raft.HeartbeatTick) ? { HeartbeatTick: raft.HeartbeatTick } : {}),
    },
    Dispatcher: nonZero(user.Dispatcher.HeartbeatPeriod) ? user.Dispatcher : base.Dispatcher,
    CAConfig: nonZero(user.CAConfig.NodeCertExpiry)
      ? { ...base.CAConfig, NodeCertExpiry: user.CAConfig.NodeCertExpiry }
      : base.CAConfig,
    TaskDefaults: user.TaskDefaults.LogDriver === undefined ? base.TaskDefaults : user.TaskDefaults,
  };
}

/** The heartbeat period a spec asks for, in ms; 0 or absent means the 5 s default. */
export function heartbeatPeriodMs(spec: SwarmSpec): number {
  const periodNs = spec.Dispatcher.HeartbeatPeriod;
  return nonZero(periodNs) ? periodNs / 1_000_000 : DEFAULT_HEARTBEAT_PERIOD_NS / 1_000_000;
}
