import type { MachineView } from '../../sim/read-model';

export interface QuorumSummary {
  /** Managers in the swarm, whatever their daemon does. */
  readonly managers: number;
  /** floor(N/2)+1: how many must agree for Raft to commit or elect. */
  readonly majority: number;
  /** floor((N-1)/2): how many managers can be lost. */
  readonly tolerated: number;
  /** Managers whose daemon runs and that follow the current leader (the leader included). */
  readonly withLeader: number;
  readonly leader: string | null;
  readonly holds: boolean;
}

/**
 * The quorum panel's figures, from the managers' own Raft state: a leader counts only with the
 * managers that acknowledge it in its term, so a leader cut off in a minority partition (which
 * steps down within an election timeout, CheckQuorum) does not make quorum look held.
 */
export function summariseQuorum(machines: readonly MachineView[]): QuorumSummary | null {
  const managers = machines.filter((machine) => machine.swarmRole === 'manager');
  if (managers.length === 0) return null;
  const majority = Math.floor(managers.length / 2) + 1;
  const tolerated = Math.floor((managers.length - 1) / 2);
  const leaderView = managers.find((machine) => machine.raft?.role === 'leader');
  const leader = leaderView?.hostname ?? null;
  const term = leaderView?.raft?.term;
  const withLeader =
    leader === null
      ? 0
      : managers.filter(
          (machine) =>
            machine.daemon === 'running' &&
            machine.raft?.term === term &&
            (machine.hostname === leader || machine.raft?.leader === leader),
        ).length;
  return {
    managers: managers.length,
    majority,
    tolerated,
    withLeader,
    leader,
    holds: leader !== null && withLeader >= majority,
  };
}
