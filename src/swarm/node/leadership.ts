import { ERR_LOST_LEADERSHIP } from '../controlapi';
import { rpcError } from '../errors';
import { startLeading } from '../manager';
import { tell, type Control } from '../runtime/control';
import { getCluster } from '../store';
import type { SwarmDaemonState } from './daemon-state';

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
    const start = startLeading(control);
    daemon.leader = start.leader;
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
