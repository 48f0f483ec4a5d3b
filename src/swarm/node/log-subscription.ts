import { publishLogs } from '../agent/exec/task-logs';
import type { LogSubscriptionMessage } from '../../machine-api';
import type { Control } from '../runtime/control';
import type { SwarmDaemonState } from './daemon-state';
import { logHost } from './log-host';

/** A leader's log subscription reached this node: its agent publishes what it has, and closes. */
export function answerLogSubscription(
  daemon: SwarmDaemonState,
  control: Control,
  from: string,
  reqId: string,
  subscription: LogSubscriptionMessage,
): void {
  const node = daemon.disk.node;
  if (node === null) return;
  const published = publishLogs(daemon.worker.state, node.nodeId, subscription, logHost(control));
  control.send({
    from: control.address,
    to: from,
    body: { type: 'log-publish', reqId, nodeId: node.nodeId, ...published },
  });
}
