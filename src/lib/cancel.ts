/**
 * Cancellation for long-running shell commands (Ctrl+C), without the DOM's AbortSignal, which
 * the pure layers cannot see. The shell owns the `Canceller`; a program gets only the signal.
 */
export interface CancelSignal {
  readonly cancelled: boolean;
  /** Calls `listener` once when cancelled (at once if already cancelled). Returns a disposer. */
  onCancel(listener: () => void): () => void;
}

export class Canceller implements CancelSignal {
  #cancelled = false;
  readonly #listeners = new Set<() => void>();

  get cancelled(): boolean {
    return this.#cancelled;
  }

  get signal(): CancelSignal {
    return this;
  }

  onCancel(listener: () => void): () => void {
    if (this.#cancelled) {
      listener();
      return () => undefined;
    }
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  cancel(): void {
    if (this.#cancelled) return;
    this.#cancelled = true;
    for (const listener of [...this.#listeners]) listener();
    this.#listeners.clear();
  }
}

/** A signal that is never cancelled, for programs run without a terminal. */
export const neverCancelled: CancelSignal = {
  cancelled: false,
  onCancel: () => () => undefined,
};
