import type { WireBody } from '../../machine-api';

/** How long an agent waits for a heartbeat answer before it tries another manager. */
export const AGENT_RETRY_MS = 5_000;

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
 * heartbeat is the node's (`agentTick()` in node/agent.ts), and so is following what an answer
 * says (`agentAnswered()` in node/own-node.ts).
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

  /** Which of its managers the agent reports to now (an index, modulo the manager list). */
  get target(): number {
    return this.#agent?.target ?? 0;
  }

  /** The current session with the dispatcher; empty while there is none (not registered). */
  get sessionId(): string {
    return this.#agent?.sessionId ?? '';
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

  /**
   * The due heartbeat left: its answer is awaited, under this agent's number (returned), which
   * the answer must name to be taken.
   */
  sent(nowMs: number): number {
    if (this.#agent !== null) this.#agent.awaitingSinceMs = nowMs;
    return this.#starts;
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

/** The agent's session as plain data, exported with a moving daemon. */
export interface AgentVolatile {
  readonly sessionId: string;
  readonly nextMs: number;
  /** Index (modulo the manager list) of the manager the agent reports to when it forwards. */
  readonly target: number;
  readonly awaitingSinceMs: number | null;
}
