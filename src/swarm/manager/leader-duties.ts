import { expireHeartbeats, startDispatcher } from '../dispatcher';
import { ROLE_RECONCILE_INTERVAL_MS, reconcileRoles } from '../rolemanager';
import { leaderContext, storeContext, type Control } from '../runtime/control';
import type { StoreProposal } from '../store';
import type { LeaderState, ManagerContext } from './leader';
import { EMPTY_ORCHESTRATOR } from '../orchestrator/orchestrate';
import { runControlLoops } from './control-loops';

/**
 * Becoming and ceasing to be the leader, and what the leader does on its own: the dispatcher
 * marks silent nodes down, the role manager carries out promotions and demotions.
 */

/**
 * The leader's state as it starts leading: a fresh dispatcher (and the proposal that starts it,
 * if any), the role manager due in one interval. The caller installs it before it proposes, as
 * proposing runs the Ready loop, which looks at whether this member leads.
 */
export function startLeading(control: Control): {
  readonly leader: LeaderState;
  readonly proposal: StoreProposal | null;
} {
  const start = startDispatcher(storeContext(control));
  return {
    leader: {
      dispatcher: start.state,
      nextReconcileMs: control.nowMs + ROLE_RECONCILE_INTERVAL_MS,
      busy: new Map(),
      orchestrator: EMPTY_ORCHESTRATOR,
      inFlight: new Set(),
      assignmentsSent: new Map(),
      statusQueue: [],
      quietIndex: -1,
    },
    proposal: start.proposal,
  };
}

/** The leader's tick: in-flight marks expire, the dispatcher expires heartbeats, roles reconcile. */
export function leaderDuties(manager: ManagerContext, control: Control): void {
  const leader = manager.leader();
  if (leader === null) return;
  for (const [key, until] of leader.busy) if (until <= control.nowMs) leader.busy.delete(key);
  const context = storeContext(control);
  const expired = expireHeartbeats(leader.dispatcher, context);
  leader.dispatcher = expired.state;
  if (expired.proposal !== null) {
    manager.proposals.propose(control, expired.proposal, () => undefined);
  }
  reconcile(manager, control);
  runControlLoops(manager, control);
}

/**
 * One pass of the role manager when it is due. swarmkit's role manager reacts to every node
 * change at once (it watches the store), so a demotion's Raft removal, and the role flip that
 * follows it, happen within milliseconds, not on the next 5 s retry: otherwise two demotions
 * typed back to back would both pass the last-manager check.
 */
export function reconcile(manager: ManagerContext, control: Control): void {
  const leader = manager.leader();
  if (leader === null || control.nowMs < leader.nextReconcileMs) return;
  leader.nextReconcileMs = control.nowMs + ROLE_RECONCILE_INTERVAL_MS;
  const activity = manager.activity();
  const result = reconcileRoles({ ...leaderContext(control, activity), activity });
  const proposals = manager.proposals;
  for (const step of result.steps) {
    if (leader.busy.has(step.nodeId)) continue;
    leader.busy.set(step.nodeId, control.nowMs + ROLE_RECONCILE_INTERVAL_MS);
    const raft = control.raft();
    if (raft === undefined) return;
    if (step.kind === 'propose') {
      proposals.propose(control, step.proposal, (c) => {
        reconcileSoon(manager, c, step.nodeId);
      });
    } else if (step.kind === 'transfer-leadership') {
      if (step.toRaftId !== null) raft.transferLeadership(step.toRaftId);
    } else {
      proposals.onConfChange(`remove-voter:${step.raftId}`, (c) => {
        proposals.propose(c, step.recordRemoval, (c2) => {
          reconcileSoon(manager, c2, step.nodeId);
        });
      });
      raft.proposeConfChange({ kind: 'remove-voter', nodeId: step.raftId });
    }
    control.settle();
  }
}

/** A role-manager step finished: the next one for that node may run at once. */
function reconcileSoon(manager: ManagerContext, control: Control, nodeId: string): void {
  const leader = manager.leader();
  if (leader === null) return;
  leader.busy.delete(nodeId);
  leader.nextReconcileMs = control.nowMs;
}
