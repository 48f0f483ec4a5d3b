import { AGENT_RETRY_MS } from '../agent';
import { nodeDescription, stripPort } from '../runtime/control';
import type { SwarmDaemonState } from './daemon-state';
import type { Control } from '../runtime/control';
import type { Requester } from './requests';
import { awaitAnswer, serve } from './routing';
import type { WireBody } from '../../machine-api';

/** Sends the agent's heartbeat when it is due. */
export function agentTick(daemon: SwarmDaemonState, control: Control): void {
  const node = daemon.disk.node;
  if (node === null || daemon.locked) return;
  const due = daemon.agent.heartbeatDue(control.nowMs);
  if (due === null) return;
  const reqId = daemon.requests.newReqId(control);
  const body: WireBody = {
    type: 'heartbeat',
    reqId,
    nodeId: node.nodeId,
    sessionId: due.sessionId,
    description: nodeDescription(control),
    addr: node.addr,
    machineId: control.machineId,
    holdsRaftLog: (control.raft()?.lastIndex ?? 0) > 0,
    assignments: daemon.worker.state.assignmentsDigest,
  };
  const requester: Requester = {
    kind: 'agent-heartbeat',
    agentStart: daemon.agent.sent(control.nowMs),
  };
  // A manager's agent talks to its own dispatcher through the local raft proxy, as long as
  // this member knows a leader. A member that knows none (a node just promoted, whose Raft
  // member waits to be added, or one cut off) reports to the managers it knows, as a worker's
  // agent does: otherwise a promoted node would never tell the leader it is ready to join.
  const raft = control.raft();
  if (
    node.role === 'manager' &&
    (daemon.leader !== null || (raft !== undefined && raft.lead !== 0))
  ) {
    serve(daemon, control, body, requester);
    return;
  }
  const managers = node.managers.filter((addr) => stripPort(addr) !== control.address);
  const target = managers[due.target % Math.max(1, managers.length)];
  if (target === undefined) return;
  awaitAnswer(daemon, reqId, requester, control.nowMs + AGENT_RETRY_MS, 'nothing');
  control.send({ from: control.address, to: stripPort(target), body });
}
