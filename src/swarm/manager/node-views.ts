import { listNodes } from '../controlapi';
import { PEER_SILENCE_MS, type RaftMemberStatus } from '../raftmembers';
import { getNode } from '../store';
import { tell, type Control } from '../runtime/control';
import type { SwarmStatusView } from '../../machine-api';
import { sortedEntries } from '../record-utils';

/** How the leader last told one manager's reachability, as exported with a moving daemon. */
export interface ReachabilityVolatile {
  readonly told: 'reachable' | 'unreachable' | null;
  readonly listedSinceMs: number;
}

/**
 * The leader's node table as the graph shows it, and the MANAGER STATUS flips it tells, both
 * refreshed on every tick (1 s). Only the leader has them: another member's are cleared.
 */
export class NodeViews {
  #views: SwarmStatusView['nodes'] = null;
  /**
   * Each manager's reachability as the leader last told it (null: not yet known), and since when
   * the leader has listed it, by node ID.
   */
  readonly #reachability = new Map<string, ReachabilityVolatile>();

  /** Replaced, never mutated: a caller may keep it. */
  get views(): SwarmStatusView['nodes'] {
    return this.#views;
  }

  /** The leader's table from its store and its Raft `members`, telling reachability changes. */
  refresh(control: Control, members: readonly RaftMemberStatus[]): void {
    this.#tellReachability(control, members);
    this.#views = listNodes(control.appState, members).map((node) => {
      const status = node.ManagerStatus;
      const managerStatus =
        status === undefined
          ? null
          : status.Leader === true
            ? 'Leader'
            : status.Reachability === 'reachable'
              ? 'Reachable'
              : 'Unreachable';
      return {
        nodeId: node.ID,
        hostname: node.Description.Hostname ?? '',
        role: node.Spec.Role,
        state: node.Status.State,
        availability: node.Spec.Availability,
        managerStatus,
      };
    });
  }

  /**
   * MANAGER STATUS is not stored: the leader derives it from its transport (swarmkit
   * `GetMemberlist`), so it tells a flip when its once-a-tick view of the members changes. A
   * member it has never reached is told Unreachable only once it has been listed for longer than
   * a send takes to time out: a new leader, or a member just added, has not heard from the
   * others yet, and that is not news.
   */
  #tellReachability(control: Control, members: readonly RaftMemberStatus[]): void {
    const listed = new Set<string>();
    for (const member of members) {
      listed.add(member.nodeId);
      const seen = this.#reachability.get(member.nodeId) ?? {
        told: null,
        listedSinceMs: control.nowMs,
      };
      const now = member.reachability;
      const news =
        seen.told === null
          ? now === 'unreachable' && control.nowMs - seen.listedSinceMs > PEER_SILENCE_MS
          : seen.told !== now;
      const told = news || seen.told !== null || now === 'reachable' ? now : null;
      this.#reachability.set(member.nodeId, { told, listedSinceMs: seen.listedSinceMs });
      if (!news) continue;
      const hostname = getNode(control.appState, member.nodeId)?.node.Description.Hostname;
      tell(control, {
        kind: 'manager-reachability-changed',
        hostname: hostname ?? member.nodeId,
        reachability: now,
      });
    }
    for (const nodeId of [...this.#reachability.keys()]) {
      if (!listed.has(nodeId)) this.#reachability.delete(nodeId);
    }
  }

  /** Not the leader (any more): nothing to show, nothing told yet. */
  reset(): void {
    this.#views = null;
    this.#reachability.clear();
  }

  /** By node ID: only looked up and pruned, so the order carries nothing. */
  exportReachability(): [string, ReachabilityVolatile][] {
    return sortedEntries(this.#reachability);
  }

  load(
    views: SwarmStatusView['nodes'],
    reachability: readonly (readonly [string, ReachabilityVolatile])[],
  ): void {
    this.#views = views;
    this.#reachability.clear();
    for (const [nodeId, seen] of reachability) this.#reachability.set(nodeId, seen);
  }
}
