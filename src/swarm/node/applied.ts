import type { Entry } from '../../raft';
import { clusterHeartbeatPeriodMs } from '../dispatcher';
import { applyEntry, getNode, type StoreProposal, type StoreState } from '../store';
import { tell } from '../runtime/control';
import type { SwarmDaemonState } from './daemon-state';
import type { Control } from '../runtime/control';
import { reconcile, runControlLoops } from '../manager';
import { checkLeadership } from './leadership';
import { checkRemoval, followCluster } from './own-node';
import { storeChanges } from './swarm-changes';

/**
 * What the daemon does as its Raft member applies entries, and once the Ready loop has settled:
 * entries only note what is to be done, and `settle()` does it, when proposing is safe again.
 */

export function entryApplied(
  daemon: SwarmDaemonState,
  control: Control,
  entry: Entry<StoreProposal>,
  before: StoreState,
): void {
  const data = entry.data;
  if (data.type === 'conf-change') {
    daemon.continuations.confChangeApplied(`${data.change.kind}:${data.change.nodeId}`);
    // A member that was removed from the group stops being a manager here. Raft IDs are
    // machine ids, so a node demoted and later promoted again replays its own old removal
    // while it catches up: decide once the log is caught up, from the configuration then.
    if (data.change.kind === 'remove-voter' && data.change.nodeId === control.machineId) {
      daemon.removalSeen = true;
    }
    return;
  }
  if (data.type !== 'normal') return;
  const awaited = daemon.continuations.awaitsProposal(data.payload.requestId);
  // Every manager applies every entry; only the leader tells what changed, so the event log has
  // one line per change. Its dispatcher and role manager made most of these changes anyway.
  const tells = control.raft()?.role === 'leader';
  if (awaited || tells) {
    const result = applyEntry(before, data.payload, entry.index);
    daemon.continuations.proposalApplied(data.payload.requestId, result.error);
    if (tells) {
      const changes = storeChanges(result.events, {
        hostname: control.hostname,
        hostnameOf: (nodeId) => getNode(result.store, nodeId)?.node.Description.Hostname ?? '',
        heartbeatPeriodMs: clusterHeartbeatPeriodMs(result.store),
      });
      for (const change of changes) tell(control, change, entry.index);
    }
  }
  daemon.continuations.defer((c) => {
    followCluster(c);
    reconcile(daemon.manager, c);
    runControlLoops(daemon.manager, c);
  });
}

/** Acts on what was applied: a removal, a change of leadership, then the deferred work. */
export function settle(daemon: SwarmDaemonState, control: Control): void {
  checkRemoval(daemon, control);
  checkLeadership(daemon, control);
  // Deferred work may defer more, and may win or lose leadership: checked after each.
  let next = daemon.continuations.nextDeferred();
  while (next !== undefined) {
    next(control);
    checkLeadership(daemon, control);
    next = daemon.continuations.nextDeferred();
  }
}
