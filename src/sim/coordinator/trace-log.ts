import { assert } from '../../lib/assert';
import { StableHash, toJsonLine, type TraceEvent } from '../trace';

/** The hash of an empty trace; every save of a fresh run starts from it. */
export const EMPTY_TRACE_HASH = '0000000000000000';

/**
 * The coordinator's trace: a buffer the page drains once per frame, and a running hash of every
 * event ever emitted. The hash is chained (each event hashes with the digest before it) rather
 * than one FNV stream, because a chain can be carried in a save as 16 hex digits and continued
 * after a restore.
 */
export class TraceLog {
  #buffer: TraceEvent[] = [];
  /** The chain so far, formatted only when someone reads `hash`; null when not hashing. */
  #chain: StableHash | null;
  #hash: string | undefined;
  #count: number;
  readonly #bufferMax: number;

  /** `hash` null keeps no hash at all (a run that never reads it). */
  constructor(options: {
    hash: string | null;
    count: number;
    bufferMax: number;
    /** Events emitted before `count` and not drained yet (a restored checkpoint's). */
    undrained?: readonly TraceEvent[];
  }) {
    this.#buffer = [...(options.undrained ?? [])];
    this.#chain = options.hash === null ? null : StableHash.fromDigest(options.hash);
    this.#hash = options.hash ?? undefined;
    this.#count = options.count;
    this.#bufferMax = options.bufferMax;
  }

  emit(event: TraceEvent): void {
    // Each link hashes the digest before it, then the event's line.
    if (this.#chain !== null) {
      this.#chain = new StableHash().updateDigestOf(this.#chain).update(toJsonLine(event));
      this.#hash = undefined;
    }
    this.#count++;
    this.#buffer.push(event);
    // A page that stops draining (a hidden tab) must not grow memory without bound; the hash
    // still covers every event.
    if (this.#buffer.length > this.#bufferMax) this.#buffer.splice(0, this.#bufferMax >> 1);
  }

  /** The events not drained yet, oldest first, without draining them. */
  undrained(): readonly TraceEvent[] {
    return this.#buffer;
  }

  drain(): TraceEvent[] {
    const events = this.#buffer;
    this.#buffer = [];
    return events;
  }

  get hash(): string {
    assert(this.#chain !== null, 'this run keeps no trace hash');
    this.#hash ??= this.#chain.digest();
    return this.#hash;
  }

  get count(): number {
    return this.#count;
  }
}
