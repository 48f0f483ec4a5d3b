import { nodeDescription, stripPort } from './daemon-helpers';
import type { Control, SwarmDaemonState } from './daemon-state';
import type { Requester } from './requests';
import { awaitAnswer, serve } from './routing';
import type { AgentVolatile } from './volatile';
import type { WireBody } from '../../machine-api';

/** How long an agent waits for a heartbeat answer before it tries another manager. */
const AGENT_RETRY_MS = 5_000;

interface Agent {
  sessionId: string;
  nextMs: number;
  /** Index (modulo the manager list) of the manager the agent reports to when it forwards. */
  target: number;
  awaitingSinceMs: number | null;
}

/**
 * The node's agent: its dispatcher session (swarmkit agent `session`), which heartbeats to the
 * leader's dispatcher and follows what the answers say. This class holds the session; sending a
 * heartbeat is `agentTick()`, and following an answer `agentAnswered()` (own-node.ts).
 */
export class AgentSession {
  #agent: Agent | null = null;
  /**
   * How many agents this daemon has started: the current agent, if any, is the last one. Never
   * reset, so that a heartbeat still pending can never be taken for a later agent's.
   */
  #starts = 0;

  get starts(): number {
    return this.#starts;
  }

  /** A new agent (a join, an init, a boot or an unlock), which registers at once. */
  start(nowMs: number): void {
    this.#starts++;
    this.#agent = { sessionId: '', nextMs: nowMs, target: 0, awaitingSinceMs: null };
  }

  stop(): void {
    this.#agent = null;
  }

  /**
   * The heartbeat due now (the session to name, the manager to try), or null: no agent, an answer
   * still awaited, or not yet time. An answer awaited for AGENT_RETRY_MS is given up: the agent
   * registers anew with the next manager.
   */
  heartbeatDue(nowMs: number): { readonly sessionId: string; readonly target: number } | null {
    const agent = this.#agent;
    if (agent === null) return null;
    if (agent.awaitingSinceMs !== null) {
      if (nowMs - agent.awaitingSinceMs < AGENT_RETRY_MS) return null;
      agent.awaitingSinceMs = null;
      agent.sessionId = '';
      agent.target++;
    }
    if (nowMs < agent.nextMs) return null;
    return { sessionId: agent.sessionId, target: agent.target };
  }

  /** The due heartbeat left: its answer is awaited, under this agent's number. */
  sent(nowMs: number): Requester {
    if (this.#agent !== null) this.#agent.awaitingSinceMs = nowMs;
    return { kind: 'agent-heartbeat', agentStart: this.#starts };
  }

  /**
   * The dispatcher's answer to the heartbeat that agent number `agentStart` sent: false, and
   * ignored, if an agent was started since (a join or init finishing while an older one waited).
   */
  answered(
    agentStart: number,
    answer: WireBody & { type: 'heartbeat-reply' },
    nowMs: number,
  ): boolean {
    const agent = this.#agent;
    if (agent === null || agentStart !== this.#starts) return false;
    agent.awaitingSinceMs = null;
    agent.sessionId = answer.ok ? answer.sessionId : '';
    agent.nextMs = nowMs + (answer.ok ? answer.periodMs : 1_000);
    return true;
  }

  /** A copy: the session is mutated in place. */
  exportAgent(): AgentVolatile | null {
    const agent = this.#agent;
    return agent === null
      ? null
      : {
          sessionId: agent.sessionId,
          nextMs: agent.nextMs,
          target: agent.target,
          awaitingSinceMs: agent.awaitingSinceMs,
        };
  }

  load(agent: AgentVolatile | null, starts: number): void {
    // A fresh record: the session mutates it, and the caller may still hold `agent`.
    this.#agent = agent === null ? null : { ...agent };
    this.#starts = starts;
  }
}

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
  };
  const requester = daemon.agent.sent(control.nowMs);
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
