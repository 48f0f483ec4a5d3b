import { followClusterKey, newDiskKey } from '../autolock';
import { getCluster } from '../store';
import type { SwarmDaemonState } from './daemon-state';
import type { Control } from '../runtime/control';
import type { SwarmNodeDisk } from './disk';
import type { WireBody } from '../../machine-api';

/**
 * How this node follows what the cluster says about it: its role, its manager list and its key
 * from the dispatcher's answers and from the store, its own removal from Raft, and the campaign
 * of a manager that is the only voter it knows.
 */

/**
 * `answer` reached the heartbeat that agent number `agentStart` sent. An agent started since
 * ignores it; the current one takes the session and the node follows the rest.
 */
export function agentAnswered(
  daemon: SwarmDaemonState,
  control: Control,
  agentStart: number,
  answer: WireBody,
): void {
  if (answer.type !== 'heartbeat-reply') return;
  if (!daemon.agent.answered(agentStart, answer, control.nowMs)) return;
  followAgentReply(daemon, control, answer);
}

/** The dispatcher's answer carries the manager list, the node's role and the unlock key. */
function followAgentReply(
  daemon: SwarmDaemonState,
  control: Control,
  answer: WireBody & { type: 'heartbeat-reply' },
): void {
  const node = daemon.disk.node;
  if (node === null) return;
  let next: SwarmNodeDisk =
    answer.managers.length > 0 ? { ...node, managers: answer.managers } : node;
  const raft = control.raft();
  if (answer.role === 'manager' && node.role === 'worker') {
    next = { ...next, role: 'manager' };
    control.startRaft([]);
    control.setDiskKey(newDiskKey(control.prng, answer.unlockKey));
  } else if (
    answer.role === 'manager' &&
    !answer.member &&
    raft !== undefined &&
    raft.status().voters.length > 0 &&
    raft.lead === 0 &&
    daemon.leader === null
  ) {
    // The cluster removed this member while it was away (`--force-new-cluster` elsewhere, a
    // removal): its log belongs to the old configuration. It wipes its Raft data and comes
    // back as a new, empty member for the leader to add (swarmkit `superviseManager`);
    // rejoining over the old log could carry a commit index the new leader never had.
    // A core that follows a leader already holds the new cluster's log: the reply that says
    // "no member" was sent before the leader added it, and wiping now would leave the
    // leader's progress for it ahead of an empty log for good (seed 3 of the swarm lab).
    const key = control.diskKey();
    control.startRaft([]);
    if (key !== null) control.setDiskKey(key);
  } else if (answer.role === 'worker' && node.role === 'manager' && !answer.member) {
    // A removed member never applies its own removal: the leader stops replicating to it as
    // soon as the conf change is appended. The store's member table is what tells it.
    next = { ...next, role: 'worker' };
    control.dropRaft();
  }
  daemon.disk = { ...daemon.disk, node: next };
}

/**
 * A member that applied its own removal (`removalSeen`) becomes a worker once its log is caught
 * up, if the configuration then still lacks it: Raft IDs are machine ids, so a node demoted and
 * later promoted again replays its own old removal while it catches up.
 */
export function checkRemoval(daemon: SwarmDaemonState, control: Control): void {
  if (!daemon.removalSeen) return;
  const raft = control.raft();
  if (raft === undefined) {
    daemon.removalSeen = false;
    return;
  }
  if (raft.lastIndex < raft.commitIndex || control.appState.appliedIndex < raft.commitIndex) {
    return;
  }
  daemon.removalSeen = false;
  if (!raft.status().voters.includes(control.machineId)) becomeWorker(daemon, control);
}

function becomeWorker(daemon: SwarmDaemonState, control: Control): void {
  const node = daemon.disk.node;
  if (node === null) return;
  daemon.disk = { ...daemon.disk, node: { ...node, role: 'worker' } };
  daemon.leader = null;
  control.dropRaft();
}

/** A running manager rewraps its keys when the cluster's unlock key changes (autolock). */
export function followCluster(control: Control): void {
  const key = control.diskKey();
  const cluster = getCluster(control.appState);
  if (key === null || cluster === undefined) return;
  const next = followClusterKey(key, cluster.unlockKey, control.prng);
  if (next !== key) control.setDiskKey(next);
}

/**
 * A manager whose restored Raft configuration names no voter but itself campaigns at once, on
 * boot and on unlock (swarmkit raft.go `campaignWhenAble`). No peer can win an election for
 * it, so waiting out the 10–20 s election timeout only delays the leader's dispatcher: until
 * it starts, no agent (its own or a worker's) can re-register and turn its node Ready again.
 */
export function campaignIfSoleMember(control: Control): void {
  const raft = control.raft();
  if (raft === undefined) return;
  const voters = raft.status().voters;
  if (voters.length !== 1 || voters[0] !== control.machineId) return;
  raft.campaign();
  control.settle();
}
