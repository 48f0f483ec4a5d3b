import { assert } from '../../lib/assert';
import type { SwarmChangedEvent } from '../../machine-api';
import type { ConfChange, NodeId, Role } from '../../raft';

/**
 * The simulation's event stream (docs/architecture.md, "Trace"). The graph, the text event log,
 * golden tests and the safety checkers all read it. Every event carries the virtual time in milliseconds and
 * the member it happened on; `docs/trace.md` documents each type.
 *
 * Events are plain data with a fixed key order, so a trace serialises to the same JSON Lines,
 * and hashes to the same value, whichever host ran it.
 */
interface At {
  readonly timeMs: number;
  readonly member: NodeId;
}

export type TraceEvent =
  | (At & {
      readonly type: 'role-changed';
      readonly role: Role;
      readonly term: number;
      readonly lead: NodeId;
    })
  | (At & {
      readonly type: 'vote-granted';
      readonly candidate: NodeId;
      readonly term: number;
      readonly preVote: boolean;
    })
  | (At & {
      readonly type: 'entries-appended';
      readonly term: number;
      readonly firstIndex: number;
      readonly lastIndex: number;
    })
  | (At & { readonly type: 'commit-advanced'; readonly commitIndex: number })
  | (At & {
      readonly type: 'entry-applied';
      readonly index: number;
      readonly term: number;
      readonly kind: 'empty' | 'normal' | 'conf-change';
      readonly digest: string;
    })
  | (At & { readonly type: 'snapshot-taken'; readonly index: number; readonly term: number })
  | (At & { readonly type: 'snapshot-installed'; readonly index: number; readonly term: number })
  | (At & {
      readonly type: 'membership-applied';
      readonly index: number;
      readonly change: ConfChange;
      readonly voters: readonly NodeId[];
    })
  | (At & {
      readonly type: 'leader-transfer-started';
      readonly target: NodeId;
      readonly term: number;
    })
  | (At & {
      readonly type: 'leader-transfer-aborted';
      readonly target: NodeId;
      readonly term: number;
    })
  | (At & {
      readonly type: 'rpc-sent' | 'rpc-delivered';
      readonly to: NodeId;
      readonly rpc: string;
      readonly term: number;
    })
  | (At & {
      readonly type: 'rpc-dropped';
      readonly to: NodeId;
      readonly rpc: string;
      readonly term: number;
      readonly reason: DropReason;
    })
  | (At & {
      readonly type:
        | 'member-crashed'
        | 'member-stopped'
        | 'member-restarted'
        | 'member-started'
        | 'member-removed';
    })
  | (At & { readonly type: 'network-partitioned'; readonly groups: readonly (readonly NodeId[])[] })
  | (At & { readonly type: 'link-blocked'; readonly to: NodeId })
  | (At & { readonly type: 'network-healed' })
  | (At & {
      readonly type: 'proposal';
      readonly proposal: string;
      readonly accepted: boolean;
      readonly index: number;
      readonly reason: string;
    })
  | (At & {
      readonly type: 'proposal-acknowledged';
      readonly proposal: string;
      readonly index: number;
    })
  | SwarmChangedEvent
  /** The machine now runs in a Web Worker of its own (a manager) or the shared one (a worker). */
  | (At & { readonly type: 'machine-moved'; readonly placement: 'own-worker' | 'shared' })
  | (At & { readonly type: 'phase'; readonly phase: 'safety' | 'heal' | 'done' })
  | (At & { readonly type: 'violation'; readonly invariant: string; readonly detail: string });

export type TraceEventType = TraceEvent['type'];

export type DropReason = 'loss' | 'partition' | 'member-down';

/** Anything that consumes the stream. */
export interface TraceSink {
  emit(event: TraceEvent): void;
}

/** One line of JSON Lines. `JSON.stringify` keeps the insertion order of the fields above. */
export function toJsonLine(event: TraceEvent): string {
  return JSON.stringify(event);
}

export function toJsonLines(events: readonly TraceEvent[]): string {
  return events.map((event) => toJsonLine(event) + '\n').join('');
}

/** The hex digits of a byte, looked up: `Number#toString(16)` was a tenth of a sweep. */
const HEX_BYTE = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex32(word: number): string {
  return (
    (HEX_BYTE[word >>> 24] ?? '') +
    (HEX_BYTE[(word >>> 16) & 0xff] ?? '') +
    (HEX_BYTE[(word >>> 8) & 0xff] ?? '') +
    (HEX_BYTE[word & 0xff] ?? '')
  );
}

/**
 * A stable 64-bit FNV-1a hash of text, as 16 hex digits. Two 32-bit lanes keep it in plain
 * integer arithmetic (no BigInt), which is fast enough to hash every trace line.
 */
export class StableHash {
  #high = 0xcbf29ce4;
  #low = 0x84222325;

  /** The hash whose `digest()` is `digest` (16 hex digits), to continue a chain from it. */
  static fromDigest(digest: string): StableHash {
    assert(/^[0-9a-f]{16}$/.test(digest), `a digest is 16 hex digits, not ${digest}`);
    const hash = new StableHash();
    hash.#high = Number.parseInt(digest.slice(0, 8), 16);
    hash.#low = Number.parseInt(digest.slice(8), 16);
    return hash;
  }

  update(text: string): this {
    // The FNV-1a steps of `#mix`, on locals: private fields in the loop cost a third of a sweep's
    // hashing (every applied entry is hashed several times).
    let high = this.#high;
    let low = this.#low;
    for (let i = 0; i < text.length; i++) {
      const mixed = low ^ text.charCodeAt(i);
      const lowPart = (mixed & 0xffff) * 0x1b3;
      const highPart = (mixed >>> 16) * 0x1b3 + (lowPart >>> 16);
      high = (Math.imul(high, 0x1b3) + (mixed << 8) + (highPart >>> 16)) >>> 0;
      low = (((highPart & 0xffff) << 16) | (lowPart & 0xffff)) >>> 0;
    }
    this.#high = high;
    this.#low = low;
    return this;
  }

  /**
   * Hashes in `other`'s digest, exactly as `update(other.digest())` does, without formatting it:
   * a chained hash (the trace's) feeds each link's digest into the next.
   */
  updateDigestOf(other: StableHash): this {
    for (const word of [other.#high, other.#low]) {
      for (let shift = 28; shift >= 0; shift -= 4) {
        const nibble = (word >>> shift) & 0xf;
        // The code unit of the lowercase hex digit: '0' is 48, 'a' is 97.
        this.#mix(nibble < 10 ? 48 + nibble : 87 + nibble);
      }
    }
    return this;
  }

  /** One FNV-1a step: xor in a code unit, then multiply by the prime. */
  #mix(codeUnit: number): void {
    const low = this.#low ^ codeUnit;
    // Multiply the 64-bit value by the FNV prime 0x100000001b3 = 2^40 + 0x1b3 in two 32-bit
    // halves. The low half times 0x1b3 goes in 16-bit pieces, so that its carry into the high
    // half comes from integer shifts (a division per code unit made this the hot loop).
    const lowPart = (low & 0xffff) * 0x1b3;
    const highPart = (low >>> 16) * 0x1b3 + (lowPart >>> 16);
    this.#high = (Math.imul(this.#high, 0x1b3) + (low << 8) + (highPart >>> 16)) >>> 0;
    this.#low = (((highPart & 0xffff) << 16) | (lowPart & 0xffff)) >>> 0;
  }

  digest(): string {
    return hex32(this.#high) + hex32(this.#low);
  }
}

export function stableHash(text: string): string {
  return new StableHash().update(text).digest();
}

/** The hash of a whole trace: of its JSON Lines text, so a file on disk hashes the same. */
export function traceHash(events: readonly TraceEvent[]): string {
  const hash = new StableHash();
  for (const event of events) hash.update(toJsonLine(event) + '\n');
  return hash.digest();
}

/**
 * Keeps a running hash of everything emitted and, when asked, the events themselves (sweeps
 * keep only the hash) and their JSON Lines.
 */
export class TraceRecorder implements TraceSink {
  readonly events: TraceEvent[] = [];
  readonly #keepEvents: boolean;
  readonly #hash = new StableHash();
  #count = 0;

  constructor(options: { keepEvents: boolean }) {
    this.#keepEvents = options.keepEvents;
  }

  emit(event: TraceEvent): void {
    this.#count++;
    this.#hash.update(toJsonLine(event) + '\n');
    if (this.#keepEvents) this.events.push(event);
  }

  get count(): number {
    return this.#count;
  }

  hash(): string {
    return this.#hash.digest();
  }

  toJsonLines(): string {
    return toJsonLines(this.events);
  }
}
