import type { DaemonResponse } from '../../api/operations';

/**
 * The Engine API calls waiting for their answer, by call id. An answer resolves its call once;
 * one for a call no longer waiting (cancelled with Ctrl+C, or answered already) is dropped.
 */
export class PendingCalls {
  readonly #waiting = new Map<string, (response: DaemonResponse) => void>();
  #next = 1;

  /** How many calls wait now; a checkpoint is taken only when none does. */
  get size(): number {
    return this.#waiting.size;
  }

  /** The number the next call id takes, for a checkpoint. */
  get nextNumber(): number {
    return this.#next;
  }

  /** Continues numbering from a checkpoint's `nextNumber`. */
  continueFrom(next: number): void {
    this.#next = next;
  }

  /** `c1`, `c2`, … in call order, so that a replay gives every call the same id. */
  nextId(): string {
    return `c${this.#next++}`;
  }

  /** Starts waiting for `callId`'s answer. */
  wait(callId: string): Promise<DaemonResponse> {
    return new Promise<DaemonResponse>((resolve) => {
      this.#waiting.set(callId, resolve);
    });
  }

  has(callId: string): boolean {
    return this.#waiting.has(callId);
  }

  answer(callId: string, response: DaemonResponse): void {
    const resolve = this.#waiting.get(callId);
    if (resolve === undefined) return;
    this.#waiting.delete(callId);
    resolve(response);
  }

  /** Stops waiting without an answer: the caller was given another one. */
  forget(callId: string): void {
    this.#waiting.delete(callId);
  }
}
