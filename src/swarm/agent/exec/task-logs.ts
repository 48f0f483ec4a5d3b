import type { LogCursors } from '../../../api/logs';
import type { LogSubscriptionMessage, PublishedLog } from '../../../machine-api';
import type { WorkerVolatile } from '../worker';
import { fillLog, type LogHost } from './container-log';
import { logOfContainer, readConfigOf } from './container-logs';
import { readLog } from './log-read';

export interface PublishedLogs {
  readonly messages: readonly PublishedLog[];
  readonly cursors: LogCursors;
}

/**
 * A node's answer to a log subscription (swarmkit agent/worker.go `Subscribe`, moby's
 * controller `Logs`): the lines of every task this node holds that the selector names, whatever
 * its state, each container's log read with the subscription's since and tail (the tail is per
 * container), with the task's swarm context.
 */
export function publishLogs(
  worker: WorkerVolatile,
  nodeId: string,
  message: LogSubscriptionMessage,
  host: LogHost,
): PublishedLogs {
  const messages: PublishedLog[] = [];
  const cursors: Record<string, number> = {};
  for (const progress of worker.tasks) {
    const { task } = progress.assigned;
    const selected =
      message.taskIds.includes(task.ID) || message.serviceIds.includes(task.ServiceID ?? '');
    const container = worker.containers.find((c) => c.id === progress.containerId);
    if (!selected || container === undefined) continue;
    const read = readConfigOf(
      { ...message, until: '', timestamps: false, details: false },
      message.cursors?.[task.ID] ?? null,
    );
    if (!read.ok) continue;
    const log = logOfContainer(container, worker.tasks, host);
    cursors[task.ID] = log.length;
    for (const line of fillLog(container, host, readLog(log, read.config))) {
      messages.push({
        nodeId: task.NodeID ?? nodeId,
        serviceId: task.ServiceID ?? '',
        taskId: task.ID,
        stream: line.stream,
        text: line.text,
        atMs: line.atMs,
        nanos: line.nanos,
      });
    }
  }
  return { messages, cursors };
}
