import type { InputStream, OutputStream } from '../process';

/**
 * The streams a pipeline is built from. A pipe is buffered: the reader gets everything once the
 * writer's program has finished, which gives bash's results for everything lab work pipes.
 */

export class Pipe implements OutputStream, InputStream {
  readonly isTerminal = false;
  #text = '';
  #closed = false;
  readonly #readers: ((text: string) => void)[] = [];

  write(text: string): void {
    if (!this.#closed) this.#text += text;
  }

  /** The writing program has ended: readers get what it wrote. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const reader of this.#readers.splice(0)) reader(this.#text);
  }

  readAll(): Promise<string> {
    if (this.#closed) return Promise.resolve(this.#text);
    return new Promise((resolve) => this.#readers.push(resolve));
  }
}

/** Collects what a program writes, for `$(...)`. */
export class CollectedOutput implements OutputStream {
  text = '';

  write(text: string): void {
    this.text += text;
  }
}

/** `/dev/null`. */
export const discardedOutput: OutputStream = { write: () => undefined };

/** Stdin with fixed content: `< /dev/null` or a here-string. */
export function textInput(text: string): InputStream {
  return { isTerminal: false, readAll: () => Promise.resolve(text) };
}
