import type { ControlRequest } from '../../api/operations';
import { routeControlCall } from '../controlapi';
import { failure, leaderContext } from './daemon-helpers';
import type { Control, Reply, SwarmDaemonState } from './daemon-state';

/**
 * A control-API call on the leader (the router in controlapi/router.ts): a read answers from the
 * store at once, a write proposes and answers once its entry applies.
 */
export function execute(
  daemon: SwarmDaemonState,
  control: Control,
  request: ControlRequest,
  reply: Reply,
): void {
  const outcome = routeControlCall(leaderContext(control, daemon.peers.activity), request);
  if (outcome.wakesRoleManager && daemon.leader !== null) {
    daemon.leader.nextReconcileMs = control.nowMs;
  }
  if (outcome.kind === 'answer') {
    reply(control, { type: 'proxy-reply', reqId: '', response: outcome.response });
    return;
  }
  daemon.continuations.propose(control, outcome.proposal, (c, error) => {
    const response = error === null ? outcome.applied : failure(error);
    reply(c, { type: 'proxy-reply', reqId: '', response });
  });
}
