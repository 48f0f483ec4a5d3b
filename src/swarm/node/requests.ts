import type { ControlRequest } from '../../api/operations';
import type { Control, Reply } from '../runtime/control';
import type { ForwardVolatile } from './volatile';

/**
 * Who gets the answer to a request this daemon serves or passes on. A peer's request relayed to
 * the leader, and this node's own agent heartbeat, are plain data, so that a daemon waiting for
 * them can still move to another host; anything else is a closure of this daemon's (a call's
 * caller, `swarm join`, `swarm leave`'s node list).
 */
export type Requester =
  | { readonly kind: 'continuation'; readonly reply: Reply }
  /** A peer's request: the answer goes back to `to` under the peer's own `reqId`. */
  | { readonly kind: 'relay'; readonly to: string; readonly reqId: string }
  /**
   * This node's agent, as it was when the heartbeat left: `agentStart` counts the agents the
   * daemon started, so an answer meant for an agent that has since been replaced is dropped.
   */
  | { readonly kind: 'agent-heartbeat'; readonly agentStart: number };

/** A request sent to another daemon, awaiting its answer (keyed by the request's reqId). */
export type Forward =
  | {
      readonly kind: 'continuation';
      readonly reply: Reply;
      readonly deadlineMs: number;
      /** What the waiting caller gets when nobody answers in time. */
      readonly onTimeout: (control: Control) => void;
    }
  | ForwardVolatile;

/** What a request's requester gets when nobody answers in time. */
export type OnTimeout = 'nothing' | 'deadline-exceeded';

/** A control-API call on a manager that knows no leader yet, polled on every tick. */
export interface Waiting {
  readonly request: ControlRequest;
  readonly requester: Requester;
  readonly deadlineMs: number;
}

/**
 * The requests this daemon awaits an answer to: those sent to another daemon, by reqId, and the
 * control-API calls waiting for a leader. Also the counter behind the wire request ids.
 */
export class RequestTable {
  #nextReq = 1;
  /** In the order sent: expired ones time out in that order, and a timeout may send. */
  readonly #forwards = new Map<string, Forward>();
  #waiting: Waiting[] = [];

  get nextReq(): number {
    return this.#nextReq;
  }

  /** A new wire request id, `<hostname>-<n>`. */
  newReqId(control: Control): string {
    return `${control.hostname}-${this.#nextReq++}`;
  }

  forward(reqId: string, forward: Forward): void {
    this.#forwards.set(reqId, forward);
  }

  /** The forward the answer `reqId` is for, no longer awaited; undefined if none (a late one). */
  take(reqId: string): Forward | undefined {
    const forward = this.#forwards.get(reqId);
    if (forward !== undefined) this.#forwards.delete(reqId);
    return forward;
  }

  /**
   * Drops every forward whose deadline is past, oldest first, and hands each to `expired`. The
   * forwards are listed before the first is handed over, so what `expired` does to the table
   * (a `swarm leave` answered by a timeout empties it) does not change which ones expire.
   */
  expire(nowMs: number, expired: (forward: Forward) => void): void {
    for (const [reqId, forward] of [...this.#forwards]) {
      if (forward.deadlineMs > nowMs) continue;
      this.#forwards.delete(reqId);
      expired(forward);
    }
  }

  wait(entry: Waiting): void {
    this.#waiting.push(entry);
  }

  hasWaiting(): boolean {
    return this.#waiting.length > 0;
  }

  /** The calls waiting for a leader, handed over: put back with `wait()` those still waiting. */
  takeWaiting(): Waiting[] {
    const waiting = this.#waiting;
    this.#waiting = [];
    return waiting;
  }

  /**
   * Whether a closure is held: a forward for a local caller, or any call waiting for a leader
   * (even a peer's relayed call: it carries the whole request, and a leaderless manager seldom
   * gets one).
   */
  hasContinuations(): boolean {
    let continuation = false;
    for (const forward of this.#forwards.values()) continuation ||= forward.kind === 'continuation';
    return continuation || this.#waiting.length > 0;
  }

  /** The forwards that are plain data, in the order they were sent. */
  exportForwards(): [string, ForwardVolatile][] {
    const forwards: [string, ForwardVolatile][] = [];
    for (const [reqId, forward] of this.#forwards) {
      // The records are never mutated: shared.
      if (forward.kind !== 'continuation') forwards.push([reqId, forward]);
    }
    return forwards;
  }

  load(nextReq: number, forwards: readonly (readonly [string, ForwardVolatile])[]): void {
    this.#nextReq = nextReq;
    this.#forwards.clear();
    for (const [reqId, forward] of forwards) this.#forwards.set(reqId, forward);
  }

  /** Forgets every request; the counter goes on, so a late answer never matches a new one. */
  reset(): void {
    this.#forwards.clear();
    this.#waiting = [];
  }
}
