import { describe, expect, it } from 'vitest';
import type { DaemonResponse } from '../../../src/api/operations';
import type { LogSubscription } from '../../../src/swarm/controlapi';
import { brokerLogs, type LogTransport, type NodeAnswer } from '../../../src/swarm/logbroker';
import type { PublishedLog } from '../../../src/machine-api';

const AT = Date.UTC(2026, 10, 25, 9);

function published(nodeId: string, taskId: string, text: string, offsetMs: number): PublishedLog {
  return {
    nodeId,
    serviceId: 'svc',
    taskId,
    stream: 'stdout',
    text,
    atMs: AT + offsetMs,
    nanos: 0,
  };
}

function subscription(parts: Partial<LogSubscription> = {}): LogSubscription {
  return {
    message: { serviceIds: ['svc'], taskIds: [], since: '', tail: 'all', cursors: null },
    nodeIds: ['n1', 'n2', 'n3'],
    pendingTaskIds: [],
    follow: false,
    timestamps: false,
    details: false,
    ...parts,
  };
}

/** Runs the broker with nodes that answer as `answers` says (undefined: never asked). */
function broker(
  sub: LogSubscription,
  answers: Readonly<Record<string, NodeAnswer>>,
  connected: (nodeId: string) => boolean = () => true,
): { response: DaemonResponse | null; asked: string[] } {
  const asked: string[] = [];
  let response: DaemonResponse | null = null;
  const transport: LogTransport<string> = {
    ask: (control, target, _message, done) => {
      asked.push(target.nodeId);
      done(control, answers[target.nodeId] ?? null);
    },
  };
  brokerLogs(
    'control',
    sub,
    { connected, addr: (nodeId) => `10.0.0.${nodeId.slice(1)}` },
    transport,
    (_control, answer) => {
      response = answer;
    },
  );
  return { response, asked };
}

describe('brokerLogs', () => {
  it("merges the nodes' lines in the order they were written, with cursors", () => {
    const { response } = broker(subscription({ nodeIds: ['n1', 'n2'] }), {
      n1: {
        messages: [published('n1', 't1', 'a', 0), published('n1', 't1', 'c', 20)],
        cursors: { t1: 2 },
      },
      n2: { messages: [published('n2', 't2', 'b', 10)], cursors: { t2: 1 } },
    });
    expect(response).toEqual({
      status: 'ok',
      op: 'serviceLogs',
      value: {
        frames: ['a', 'b', 'c'].map((text) => ({ stream: 'stdout', text: `${text}\n` })),
        cursors: { t1: 2, t2: 1 },
      },
    });
  });

  it('writes the swarm context as the details, sorted, when asked for them', () => {
    const { response } = broker(subscription({ nodeIds: ['n1'], details: true }), {
      n1: { messages: [published('n1', 't1', 'a', 0)], cursors: {} },
    });
    expect(
      response?.status === 'ok' && response.op === 'serviceLogs' && response.value.frames,
    ).toEqual([
      {
        stream: 'stdout',
        text: 'com.docker.swarm.node.id=n1,com.docker.swarm.service.id=svc,com.docker.swarm.task.id=t1 a\n',
      },
    ]);
  });

  it("ends with swarmkit's reasons: nodes without a session, silent nodes, unscheduled tasks", () => {
    const { response, asked } = broker(
      subscription({ pendingTaskIds: ['t9'] }),
      { n1: { messages: [published('n1', 't1', 'a', 0)], cursors: {} } },
      (nodeId) => nodeId !== 'n2',
    );
    expect(asked).toEqual(['n1', 'n3']);
    expect(
      response?.status === 'ok' && response.op === 'serviceLogs' && response.value.frames,
    ).toEqual([
      { stream: 'stdout', text: 'a\n' },
      {
        stream: 'systemerr',
        text: 'Error grabbing logs: rpc error: code = Unknown desc = warning: incomplete log stream. some logs could not be retrieved for the following reasons: node n2 is not available, node n3 is not available, task t9 has not been scheduled\n',
      },
    ]);
  });

  it('tells no reasons to a follow, which never completes', () => {
    const { response } = broker(
      subscription({ follow: true, pendingTaskIds: ['t9'] }),
      {},
      () => false,
    );
    expect(response).toEqual({
      status: 'ok',
      op: 'serviceLogs',
      value: { frames: [], cursors: {} },
    });
  });
});
