import {
  DEADLINE_EXCEEDED,
  ERR_NOT_MANAGER_WORKER,
  SWARM_REQUEST_TIMEOUT_MS,
  leaderlessCall,
} from '../controlapi';
import { daemonError, rpcError } from '../errors';
import { memberByRaftId } from '../store';
import type { ControlRequest } from '../../api/operations';
import { execute, leaderHeartbeat, leaderJoin, leaderTaskStatus } from '../manager';
import { failure, stripPort, type Control, type Reply } from '../runtime/control';
import type { SwarmDaemonState } from './daemon-state';
import { agentAnswered } from './own-node';
import type { Forward, OnTimeout, Requester } from './requests';
import type { WireBody } from '../../machine-api';

/**
 * Where a request goes (semantics §1.2): the leader answers it, a follower forwards it to the
 * leader and passes the answer back, a manager that knows no leader makes a control-API call
 * wait for one. Also what the daemon's tick does about answers that never come.
 */

/** The answer a forwarded control-API call gets when the leader does not answer in time. */
function deadlineExceeded(): WireBody {
  return {
    type: 'proxy-reply',
    reqId: '',
    response: failure(rpcError('DeadlineExceeded', DEADLINE_EXCEEDED)),
  };
}

/** A control-API call: executed on the leader, forwarded by a follower, or left to wait. */
export function dispatch(
  daemon: SwarmDaemonState,
  control: Control,
  request: ControlRequest,
  requester: Requester,
  /** When the caller gives up: 20 s from the call, kept while it waits and is retried. */
  deadlineMs: number = control.nowMs + SWARM_REQUEST_TIMEOUT_MS,
): void {
  const raft = control.raft();
  if (raft === undefined) {
    deliver(daemon, control, requester, {
      type: 'proxy-reply',
      reqId: '',
      response: failure(daemonError('failed-precondition', ERR_NOT_MANAGER_WORKER)),
    });
    return;
  }
  if (daemon.leader !== null) {
    execute(daemon.manager, control, request, replier(daemon, requester));
    return;
  }
  const leaderAddr =
    raft.lead === 0 ? undefined : memberByRaftId(control.appState, raft.lead)?.addr;
  if (leaderAddr !== undefined && raft.lead !== control.machineId) {
    const reqId = daemon.requests.newReqId(control);
    awaitAnswer(daemon, reqId, requester, deadlineMs, 'deadline-exceeded');
    control.send({
      from: control.address,
      to: stripPort(leaderAddr),
      body: { type: 'proxy-call', reqId, request },
    });
    return;
  }
  const verdict = leaderlessCall(daemon.ticksNoLeader);
  if (verdict !== 'wait') {
    deliver(daemon, control, requester, {
      type: 'proxy-reply',
      reqId: '',
      response: failure(verdict),
    });
    return;
  }
  daemon.requests.wait({ request, requester, deadlineMs });
}

/** Join and dispatcher calls: on the leader, handled; on a follower, forwarded. */
export function serve(
  daemon: SwarmDaemonState,
  control: Control,
  body: WireBody,
  requester: Requester,
): void {
  if (daemon.leader !== null) {
    const reply = replier(daemon, requester);
    if (body.type === 'join') leaderJoin(daemon.manager, control, body, reply);
    else if (body.type === 'heartbeat') leaderHeartbeat(daemon.manager, control, body, reply);
    else if (body.type === 'task-status') leaderTaskStatus(daemon.manager, control, body, reply);
    return;
  }
  const raft = control.raft();
  const leaderAddr =
    raft === undefined || raft.lead === 0
      ? undefined
      : memberByRaftId(control.appState, raft.lead)?.addr;
  if (leaderAddr === undefined) return; // nobody to ask: the caller times out
  const reqId = daemon.requests.newReqId(control);
  // The requester times out on its own (a joiner after 20 s, an agent after 5 s).
  awaitAnswer(daemon, reqId, requester, control.nowMs + SWARM_REQUEST_TIMEOUT_MS, 'nothing');
  control.send({
    from: control.address,
    to: stripPort(leaderAddr),
    body: { ...body, reqId },
  });
}

/** Remembers `requester` until the answer to the request sent as `reqId` comes back. */
export function awaitAnswer(
  daemon: SwarmDaemonState,
  reqId: string,
  requester: Requester,
  deadlineMs: number,
  onTimeout: OnTimeout,
): void {
  let forward: Forward;
  switch (requester.kind) {
    case 'continuation': {
      const reply = requester.reply;
      forward = {
        kind: 'continuation',
        reply,
        deadlineMs,
        onTimeout:
          onTimeout === 'nothing'
            ? () => undefined
            : (c) => {
                reply(c, deadlineExceeded());
              },
      };
      break;
    }
    case 'relay':
      forward = {
        kind: 'relay',
        to: requester.to,
        reqId: requester.reqId,
        deadlineMs,
        onTimeout,
      };
      break;
    case 'agent-heartbeat':
      // An agent gives up on its own after AGENT_RETRY_MS: a timeout tells it nothing.
      forward = { kind: 'agent-heartbeat', agentStart: requester.agentStart, deadlineMs };
      break;
  }
  daemon.requests.forward(reqId, forward);
}

/** Hands `body`, an answer, to whoever waits for it. */
export function deliver(
  daemon: SwarmDaemonState,
  control: Control,
  requester: Requester,
  body: WireBody,
): void {
  switch (requester.kind) {
    case 'continuation':
      requester.reply(control, body);
      return;
    case 'relay':
      control.send({
        from: control.address,
        to: requester.to,
        body: { ...body, reqId: requester.reqId },
      });
      return;
    case 'agent-heartbeat':
      agentAnswered(daemon, control, requester.agentStart, body);
      return;
  }
}

/** `requester` as a closure, for the leader's handlers (which answer within a proposal's wait). */
function replier(daemon: SwarmDaemonState, requester: Requester): Reply {
  if (requester.kind === 'continuation') return requester.reply;
  return (c, body) => {
    deliver(daemon, c, requester, body);
  };
}

/** Answers nobody gave in time: a caller gets its timeout error, a relayed call DeadlineExceeded. */
export function expireForwards(daemon: SwarmDaemonState, control: Control): void {
  daemon.requests.expire(control.nowMs, (forward) => {
    if (forward.kind === 'continuation') forward.onTimeout(control);
    else if (forward.kind === 'relay' && forward.onTimeout === 'deadline-exceeded') {
      deliver(daemon, control, forward, deadlineExceeded());
    }
  });
}

/** Calls waiting for a leader: sent on once one is known, failed once their deadline passed. */
export function retryWaiting(daemon: SwarmDaemonState, control: Control): void {
  if (!daemon.requests.hasWaiting()) return;
  const waiting = daemon.requests.takeWaiting();
  const raft = control.raft();
  for (const entry of waiting) {
    // The deadline first, and kept across retries: a member that knows a leader but not yet
    // its address (its store has not caught up) would otherwise re-arm 20 s on every tick and
    // leave the caller waiting forever.
    if (entry.deadlineMs <= control.nowMs) {
      deliver(daemon, control, entry.requester, deadlineExceeded());
    } else if (raft !== undefined && raft.lead !== 0) {
      dispatch(daemon, control, entry.request, entry.requester, entry.deadlineMs);
    } else {
      daemon.requests.wait(entry);
    }
  }
}
