import { MemoryStorage, type NodeId, type RaftOptions } from '../../raft';
import type { ReplicatedStateMachine } from '../../machine-api';
import type { MachineSnapshot, MachineSpec } from './types';
import type { DaemonData } from '../../machine-api';

/**
 * A machine that was just installed: daemon stopped, nothing run yet. A manager's storage starts
 * with the bootstrap configuration `voters` (empty for a manager that joins later and learns the
 * configuration from the leader's log).
 */
export function newMachineSnapshot<P, S, D extends DaemonData>(options: {
  readonly spec: MachineSpec;
  readonly voters: readonly NodeId[];
  readonly raftOptions: RaftOptions;
  readonly seed: number;
  readonly stateMachine: ReplicatedStateMachine<P, S, D>;
}): MachineSnapshot<P, S, D> {
  const isManager = options.spec.role === 'manager';
  return {
    spec: options.spec,
    daemon: 'stopped',
    raftOptions: options.raftOptions,
    storage: isManager
      ? MemoryStorage.bootstrap<P, S>(options.voters, options.stateMachine.initial).toData()
      : null,
    prngState: options.seed >>> 0,
    bootCount: 0,
  };
}
