import { publishLogs } from '../agent/exec/task-logs';
import { LOG_ANSWER_TIMEOUT_MS, type LogTransport } from '../logbroker';
import { stripPort } from '../runtime/control';
import type { SwarmDaemonState } from './daemon-state';
import { logHost } from './log-host';

/**
 * The broker's way to the agents: this node's own worker answers at once; another node is sent
 * a `log-subscription` and awaited like any request, with the broker's timeout.
 */
export function logTransport(daemon: () => SwarmDaemonState): LogTransport {
  return {
    ask: (control, target, message, done) => {
      const state = daemon();
      if (target.nodeId === state.disk.node?.nodeId) {
        done(control, publishLogs(state.worker.state, target.nodeId, message, logHost(control)));
        return;
      }
      const reqId = state.requests.newReqId(control);
      state.requests.forward(reqId, {
        kind: 'continuation',
        deadlineMs: control.nowMs + LOG_ANSWER_TIMEOUT_MS,
        reply: (c, body) => {
          if (body.type === 'log-publish') done(c, body);
        },
        onTimeout: (c) => {
          done(c, null);
        },
      });
      control.send({
        from: control.address,
        to: stripPort(target.addr),
        body: { type: 'log-subscription', reqId, subscription: message },
      });
    },
  };
}
