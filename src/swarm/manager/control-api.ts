import type { ControlRequest } from '../../api/operations';
import { routeControlCall } from '../controlapi';
import { failure, leaderContext, type Control, type Reply } from '../runtime/control';
import type { ManagerContext } from './leader';
import { brokerLogs, type BrokerNodes } from '../logbroker';
import { getNode } from '../store';

/** The nodes as the leader's dispatcher knows them: connected while they have a session. */
function brokerNodes(manager: ManagerContext, control: Control): BrokerNodes {
  return {
    connected: (nodeId) => {
      const session = manager.leader()?.dispatcher.sessions[nodeId];
      return session !== undefined && session.sessionId !== null;
    },
    addr: (nodeId) => getNode(control.appState, nodeId)?.node.Status.Addr,
  };
}

/**
 * A control-API call on the leader (the router in controlapi/router.ts): a read answers from the
 * store at once, a write proposes and answers once its entry applies.
 */
export function execute(
  manager: ManagerContext,
  control: Control,
  request: ControlRequest,
  reply: Reply,
): void {
  const outcome = routeControlCall(leaderContext(control, manager.activity()), request);
  const leader = manager.leader();
  if (outcome.wakesRoleManager && leader !== null) leader.nextReconcileMs = control.nowMs;
  if (outcome.kind === 'answer') {
    reply(control, { type: 'proxy-reply', reqId: '', response: outcome.response });
    return;
  }
  if (outcome.kind === 'logs') {
    brokerLogs(
      control,
      outcome.subscription,
      brokerNodes(manager, control),
      manager.logs,
      (c, response) => {
        reply(c, { type: 'proxy-reply', reqId: '', response });
      },
    );
    return;
  }
  manager.proposals.propose(control, outcome.proposal, (c, error) => {
    const response = error === null ? outcome.applied : failure(error);
    reply(c, { type: 'proxy-reply', reqId: '', response });
  });
}
