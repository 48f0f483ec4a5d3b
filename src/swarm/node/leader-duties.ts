import { ERR_LOST_LEADERSHIP } from '../controlapi';
import { expireHeartbeats, startDispatcher } from '../dispatcher';
import { rpcError } from '../errors';
import { ROLE_RECONCILE_INTERVAL_MS, reconcileRoles } from '../rolemanager';
import { getCluster } from '../store';
import { leaderContext, storeContext, tell } from './daemon-helpers';
import type { Control, SwarmDaemonState } from './daemon-state';

/**
 * Becoming and ceasing to be the leader, and what the leader does on its own: the dispatcher
 * marks silent nodes down, the role manager carries out promotions and demotions.
 */

/**
 * Starts the leader's duties once this member leads and has applied its whole log (and a cluster
 * exists, and `swarm init` is not still waiting for its first entry); stops them when it no
 * longer leads. Then runs whatever waited for this member to lead.
 */
export function checkLeadership(daemon: SwarmDaemonState, control: Control): void {
  const raft = control.raft();
  const isLeader =
    raft !== undefined &&
    raft.role === 'leader' &&
    control.appState.appliedIndex >= raft.commitIndex;
  if (!isLeader) {
    if (daemon.leader !== null) loseLeadership(daemon, control);
    return;
  }
  if (daemon.leader === null && getCluster(control.appState) !== undefined && !daemon.initPending) {
    const start = startDispatcher(storeContext(control));
    daemon.leader = {
      dispatcher: start.state,
      nextReconcileMs: control.nowMs + ROLE_RECONCILE_INTERVAL_MS,
      busy: new Map(),
    };
    tell(control, { kind: 'swarm-leader-changed', hostname: control.hostname });
    if (start.proposal !== null) {
      daemon.continuations.propose(control, start.proposal, () => undefined);
    }
  }
  for (const run of daemon.continuations.takeWhenLeader()) run(control);
}

/** swarmkit cancels every wait on a proposal when leadership goes (raft.go ErrLostLeadership). */
function loseLeadership(daemon: SwarmDaemonState, control: Control): void {
  daemon.leader = null;
  daemon.continuations.failProposals(control, rpcError('Unknown', ERR_LOST_LEADERSHIP));
}

/** The leader's tick: in-flight marks expire, the dispatcher expires heartbeats, roles reconcile. */
export function leaderDuties(daemon: SwarmDaemonState, control: Control): void {
  const leader = daemon.leader;
  if (leader === null) return;
  for (const [key, until] of leader.busy) if (until <= control.nowMs) leader.busy.delete(key);
  const context = storeContext(control);
  const expired = expireHeartbeats(leader.dispatcher, context);
  leader.dispatcher = expired.state;
  if (expired.proposal !== null) {
    daemon.continuations.propose(control, expired.proposal, () => undefined);
  }
  reconcile(daemon, control);
}

/**
 * One pass of the role manager when it is due. swarmkit's role manager reacts to every node
 * change at once (it watches the store), so a demotion's Raft removal, and the role flip that
 * follows it, happen within milliseconds, not on the next 5 s retry: otherwise two demotions
 * typed back to back would both pass the last-manager check.
 */
export function reconcile(daemon: SwarmDaemonState, control: Control): void {
  const leader = daemon.leader;
  if (leader === null || control.nowMs < leader.nextReconcileMs) return;
  leader.nextReconcileMs = control.nowMs + ROLE_RECONCILE_INTERVAL_MS;
  const activity = daemon.peers.activity;
  const result = reconcileRoles({ ...leaderContext(control, activity), activity });
  for (const step of result.steps) {
    if (leader.busy.has(step.nodeId)) continue;
    leader.busy.set(step.nodeId, control.nowMs + ROLE_RECONCILE_INTERVAL_MS);
    const raft = control.raft();
    if (raft === undefined) return;
    if (step.kind === 'propose') {
      daemon.continuations.propose(control, step.proposal, (c) => {
        reconcileSoon(daemon, c, step.nodeId);
      });
    } else if (step.kind === 'transfer-leadership') {
      if (step.toRaftId !== null) raft.transferLeadership(step.toRaftId);
    } else {
      daemon.continuations.onConfChange(`remove-voter:${step.raftId}`, (c) => {
        daemon.continuations.propose(c, step.recordRemoval, (c2) => {
          reconcileSoon(daemon, c2, step.nodeId);
        });
      });
      raft.proposeConfChange({ kind: 'remove-voter', nodeId: step.raftId });
    }
    control.settle();
  }
}

/** A role-manager step finished: the next one for that node may run at once. */
function reconcileSoon(daemon: SwarmDaemonState, control: Control, nodeId: string): void {
  const leader = daemon.leader;
  if (leader === null) return;
  leader.busy.delete(nodeId);
  leader.nextReconcileMs = control.nowMs;
}
