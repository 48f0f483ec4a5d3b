import { joinNode, proposal } from '../controlapi';
import {
  assignmentsDigest,
  assignmentsFor,
  clusterHeartbeatPeriodMs,
  heartbeat,
  nodeAttachments,
  registerNode,
} from '../dispatcher';
import { runControlLoops } from './control-loops';
import { createAction, getCluster, getNode, memberByNodeId, memberObject } from '../store';
import { okResponse, type DaemonResponse } from '../../api/operations';
import {
  SWARM_PORT,
  failure,
  managerAddrs,
  storeContext,
  type Control,
  type Deferred,
  type Reply,
} from '../runtime/control';
import type { ManagerContext } from './leader';
import type { WireBody } from '../../machine-api';

/**
 * What the leader answers to other daemons besides control-API calls: the CA's join (which adds
 * a joining manager to Raft) and the dispatcher's agent sessions (which add a promoted one).
 */

export function leaderJoin(
  manager: ManagerContext,
  control: Control,
  body: WireBody & { type: 'join' },
  reply: Reply,
): void {
  const refuse = (response: DaemonResponse): void => {
    reply(control, {
      type: 'join-reply',
      reqId: '',
      response,
      nodeId: '',
      role: 'worker',
      managers: [],
    });
  };
  const outcome = joinNode(storeContext(control), {
    token: body.token,
    availability: body.availability,
  });
  if (!outcome.ok) {
    refuse(failure(outcome.error));
    return;
  }
  const { nodeId, role } = outcome.value;
  const done = (c: Control): void => {
    reply(c, {
      type: 'join-reply',
      reqId: '',
      response: okResponse('swarmJoin', null),
      nodeId,
      role,
      managers: managerAddrs(c),
    });
  };
  manager.proposals.propose(control, outcome.value.proposal, (c, error) => {
    if (error !== null) {
      reply(c, {
        type: 'join-reply',
        reqId: '',
        response: failure(error),
        nodeId: '',
        role: 'worker',
        managers: [],
      });
      return;
    }
    if (role === 'manager') addMember(manager, c, nodeId, body.machineId, body.advertiseAddr, done);
    else done(c);
  });
}

/**
 * Names the new member in the store, answers the joiner so it starts its Raft member, then
 * adds it to Raft (semantics §1.4). Our Raft core uses a new configuration from the moment
 * the conf change is appended, so the newcomer must already be listening when it is: with
 * two voters the entry commits only once the newcomer acknowledges it.
 */
function addMember(
  manager: ManagerContext,
  control: Control,
  nodeId: string,
  machineId: number,
  addr: string,
  done: Deferred,
): void {
  const addVoter = (c: Control): void => {
    const raft = c.raft();
    if (raft === undefined || raft.status().voters.includes(machineId)) return;
    raft.proposeConfChange({ kind: 'add-voter', nodeId: machineId });
    c.settle();
  };
  if (memberByNodeId(control.appState, nodeId) !== undefined) {
    done(control);
    addVoter(control);
    return;
  }
  const record = { raftId: machineId, nodeId, addr: `${addr}:${SWARM_PORT}` };
  manager.proposals.propose(
    control,
    proposal(storeContext(control), [createAction(memberObject(record))]),
    (c, error) => {
      if (error !== null) return;
      done(c);
      addVoter(c);
    },
  );
}

/** What the leader notes for a node whose agent holds stale assignments: no set has it. */
const STALE_ASSIGNMENTS = '(stale)';

/**
 * An agent's task report (dispatcher.go `UpdateTaskStatus`): queued for the dispatcher's next
 * write, and answered once that write applied (or failed: the agent then sends it again).
 */
export function leaderTaskStatus(
  manager: ManagerContext,
  control: Control,
  body: WireBody & { type: 'task-status' },
  reply: Reply,
): void {
  const leader = manager.leader();
  if (leader === null) return;
  leader.statusQueue.push({
    input: { nodeId: body.nodeId, sessionId: body.sessionId, updates: body.updates },
    reply: (c, ok) => {
      reply(c, { type: 'task-status-reply', reqId: '', ok });
    },
  });
  runControlLoops(manager, control);
}

export function leaderHeartbeat(
  manager: ManagerContext,
  control: Control,
  body: WireBody & { type: 'heartbeat' },
  reply: Reply,
): void {
  const leader = manager.leader();
  if (leader === null) return;
  const store = control.appState;
  const record = getNode(store, body.nodeId);
  const answer = (ok: boolean, sessionId: string, periodMs: number): void => {
    reply(control, {
      type: 'heartbeat-reply',
      reqId: '',
      ok,
      sessionId,
      periodMs,
      managers: managerAddrs(control),
      role: record?.role ?? null,
      unlockKey: getCluster(store)?.unlockKey ?? null,
      member: memberByNodeId(store, body.nodeId) !== undefined,
    });
  };
  const context = storeContext(control);
  // An agent that holds other assignments than the store's (a lost message, a new session) is
  // sent them again at the next pass.
  const held = assignmentsDigest(
    assignmentsFor(store, body.nodeId),
    nodeAttachments(store, body.nodeId),
  );
  if (body.assignments !== held) {
    leader.assignmentsSent.set(body.nodeId, STALE_ASSIGNMENTS);
  }
  if (body.sessionId === '') {
    const registered = registerNode(leader.dispatcher, context, {
      nodeId: body.nodeId,
      description: body.description,
      addr: body.addr,
    });
    if (!registered.ok) {
      answer(false, '', clusterHeartbeatPeriodMs(store));
      return;
    }
    leader.dispatcher = registered.value.state;
    const { sessionId } = registered.value;
    // swarmkit's `register` fails when the node cannot be marked Ready (an update out of
    // sequence against the new leader's "unknown" write): the session is void, so the agent's
    // next heartbeat is refused and it registers again. Kept, the node would heartbeat for
    // ever in a session whose Ready never reached the store, Unknown and never Down (seed 68).
    manager.proposals.propose(control, registered.value.proposal, (_c, error) => {
      const current = manager.leader();
      const entry = current?.dispatcher.sessions[body.nodeId];
      if (error === null || current === null || entry?.sessionId !== sessionId) return;
      current.dispatcher = {
        ...current.dispatcher,
        sessions: { ...current.dispatcher.sessions, [body.nodeId]: { ...entry, sessionId: null } },
      };
    });
    answer(true, registered.value.sessionId, registered.value.heartbeatPeriodMs);
  } else {
    const beat = heartbeat(leader.dispatcher, context, {
      nodeId: body.nodeId,
      sessionId: body.sessionId,
    });
    if (!beat.ok) {
      answer(false, '', clusterHeartbeatPeriodMs(store));
      return;
    }
    leader.dispatcher = beat.value.state;
    answer(true, body.sessionId, beat.value.heartbeatPeriodMs);
  }
  // A promoted node joins Raft when its agent next reports (it now holds a manager certificate).
  // One that still holds a log is a member this cluster removed while it was away: it is told it
  // is no member (above) and wipes its log first. Raft IDs are machine ids here, so adding it
  // over its old log would leave this leader's progress for that ID ahead of what the node has
  // once it wipes, and replication to it would never resume.
  const machineId = body.machineId;
  if (
    record?.role === 'manager' &&
    machineId > 0 &&
    !body.holdsRaftLog &&
    memberByNodeId(store, body.nodeId) === undefined
  ) {
    const key = `join:${body.nodeId}`;
    if (!leader.busy.has(key)) {
      leader.busy.set(key, control.nowMs + 10_000);
      addMember(manager, control, body.nodeId, machineId, body.addr, () => undefined);
    }
  }
}
