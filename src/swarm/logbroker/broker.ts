import { okResponse, type DaemonResponse } from '../../api/operations';
import type { LogCursors, LogFrame } from '../../api/logs';
import type { LogSubscription } from '../controlapi';
import { logFrame } from '../agent/exec/log-read';
import type { LogSubscriptionMessage, PublishedLog } from '../../machine-api';
import type { Control } from '../runtime/control';

/** A node's part of a subscription, or null when it sent nothing in time. */
export type NodeAnswer = {
  readonly messages: readonly PublishedLog[];
  readonly cursors: LogCursors;
} | null;

/**
 * How the broker reaches the nodes: its own agent directly, another node over the network (a
 * `log-subscription` wire, answered by `log-publish`), giving up after `LOG_ANSWER_TIMEOUT_MS`.
 */
export interface LogTransport<C = Control> {
  ask(
    control: C,
    target: { readonly nodeId: string; readonly addr: string },
    message: LogSubscriptionMessage,
    done: (control: C, answer: NodeAnswer) => void,
  ): void;
}

/**
 * How long the broker waits for a node's lines. A stopped daemon's connection closes at once on
 * a real manager; the simulated network has no closed connection, so a node that does not
 * answer within this time counts as one that was not there.
 */
export const LOG_ANSWER_TIMEOUT_MS = 2_000;

export interface BrokerNodes {
  /** Whether the node has a live session with this leader's dispatcher. */
  connected(nodeId: string): boolean;
  /** The node's address, as its dispatcher session gave it. */
  addr(nodeId: string): string | undefined;
}

/**
 * swarmkit's log broker (`manager/logbroker`) for one `SubscribeLogs` call: the subscription
 * goes to every node that ran a selected task; a node without a session with this dispatcher is
 * `not available` at once, one that does not answer in time likewise. Once every node answered,
 * the lines go back in the order they were written, and then, unless it follows (a follow never
 * completes, so it never tells them), the reasons some are missing, as the stream's error.
 * Generic in the control it hands on, which it never reads itself.
 */
export function brokerLogs<C>(
  control: C,
  subscription: LogSubscription,
  nodes: BrokerNodes,
  transport: LogTransport<C>,
  reply: (control: C, response: DaemonResponse) => void,
): void {
  const answers = new Map<string, NodeAnswer>();
  const reasons: string[] = [];
  const asked: string[] = [];
  for (const nodeId of subscription.nodeIds) {
    const addr = nodes.addr(nodeId);
    if (!nodes.connected(nodeId) || addr === undefined) {
      reasons.push(`node ${nodeId} is not available`);
    } else {
      asked.push(nodeId);
    }
  }
  let remaining = asked.length + 1;
  const finish = (c: C): void => {
    remaining--;
    if (remaining > 0) return;
    for (const nodeId of asked) {
      if (answers.get(nodeId) === null) reasons.push(`node ${nodeId} is not available`);
    }
    for (const taskId of subscription.pendingTaskIds) {
      reasons.push(`task ${taskId} has not been scheduled`);
    }
    reply(c, okResponse('serviceLogs', gathered(subscription, asked, answers, reasons)));
  };
  for (const nodeId of asked) {
    transport.ask(
      control,
      { nodeId, addr: nodes.addr(nodeId) ?? '' },
      subscription.message,
      (c, answer) => {
        answers.set(nodeId, answer);
        finish(c);
      },
    );
  }
  finish(control);
}

function gathered(
  subscription: LogSubscription,
  asked: readonly string[],
  answers: ReadonlyMap<string, NodeAnswer>,
  reasons: readonly string[],
): { readonly frames: readonly LogFrame[]; readonly cursors: LogCursors } {
  const messages: PublishedLog[] = [];
  const cursors: Record<string, number> = { ...subscription.message.cursors };
  for (const nodeId of asked) {
    const answer = answers.get(nodeId);
    if (answer === null || answer === undefined) continue;
    messages.push(...answer.messages);
    Object.assign(cursors, answer.cursors);
  }
  // Stable: one task's lines of one instant stay in their order.
  const ordered = messages
    .map((message, index) => ({ message, index }))
    .sort(
      (a, b) =>
        a.message.atMs - b.message.atMs || a.message.nanos - b.message.nanos || a.index - b.index,
    )
    .map(({ message }) => message);
  const frames: LogFrame[] = ordered.map((message) =>
    logFrame(
      message,
      [
        { key: 'com.docker.swarm.node.id', value: message.nodeId },
        { key: 'com.docker.swarm.service.id', value: message.serviceId },
        { key: 'com.docker.swarm.task.id', value: message.taskId },
      ],
      subscription,
    ),
  );
  if (!subscription.follow && reasons.length > 0) {
    frames.push({
      stream: 'systemerr',
      text: `Error grabbing logs: rpc error: code = Unknown desc = warning: incomplete log stream. some logs could not be retrieved for the following reasons: ${reasons.join(', ')}\n`,
    });
  }
  return { frames, cursors };
}
