import { ERR_LOST_LEADERSHIP } from '../controlapi';
import { rpcError, type SwarmError } from '../errors';
import { type StoreProposal } from '../store';
import type { Control, Deferred } from './control';

/** Called once a proposal applied (error: what applying it refused) or could not commit. */
export type ProposalDone = (control: Control, error: SwarmError | null) => void;

/**
 * The closures the daemon holds while it waits on its own Raft member: proposals and conf changes
 * awaiting their entry, work waiting for this member to lead, and work deferred until the Ready
 * loop settles. Closures cannot move to another host, so a daemon holding any exports nothing.
 */
export class Continuations {
  /** By the proposal's requestId. */
  readonly #proposals = new Map<string, ProposalDone>();
  /** By `<kind>:<Raft ID>` of the conf change. */
  readonly #confChanges = new Map<string, Deferred>();
  #whenLeader: Deferred[] = [];
  #deferred: Deferred[] = [];

  /** Proposes `payload` and calls `then` once it applies, or at once if Raft refuses it. */
  propose(control: Control, payload: StoreProposal, then: ProposalDone): void {
    const raft = control.raft();
    const result = raft?.propose(payload);
    if (result?.ok !== true) {
      then(control, rpcError('Unknown', ERR_LOST_LEADERSHIP));
      return;
    }
    this.#proposals.set(payload.requestId, then);
    control.settle();
  }

  awaitsProposal(requestId: string): boolean {
    return this.#proposals.has(requestId);
  }

  /** The proposal's entry applied: its caller runs once the Ready loop settles. */
  proposalApplied(requestId: string, error: SwarmError | null): void {
    const done = this.#proposals.get(requestId);
    if (done === undefined) return;
    this.#proposals.delete(requestId);
    this.#deferred.push((c) => {
      done(c, error);
    });
  }

  onConfChange(key: string, then: Deferred): void {
    this.#confChanges.set(key, then);
  }

  confChangeApplied(key: string): void {
    const then = this.#confChanges.get(key);
    if (then === undefined) return;
    this.#confChanges.delete(key);
    this.#deferred.push(then);
  }

  /** Leadership went: every proposal awaited fails with `error`, conf changes are dropped. */
  failProposals(control: Control, error: SwarmError): void {
    const pending = [...this.#proposals.values()];
    this.#proposals.clear();
    this.#confChanges.clear();
    for (const done of pending) done(control, error);
  }

  whenLeader(then: Deferred): void {
    this.#whenLeader.push(then);
  }

  /** The work that waited for leadership, handed over once: it is no longer held. */
  takeWhenLeader(): Deferred[] {
    const waiting = this.#whenLeader;
    this.#whenLeader = [];
    return waiting;
  }

  defer(then: Deferred): void {
    this.#deferred.push(then);
  }

  /** The oldest deferred work, taken off the queue; undefined when none is left. */
  nextDeferred(): Deferred | undefined {
    return this.#deferred.shift();
  }

  isEmpty(): boolean {
    return (
      this.#proposals.size === 0 &&
      this.#confChanges.size === 0 &&
      this.#whenLeader.length === 0 &&
      this.#deferred.length === 0
    );
  }

  reset(): void {
    this.#proposals.clear();
    this.#confChanges.clear();
    this.#whenLeader = [];
    this.#deferred = [];
  }
}
