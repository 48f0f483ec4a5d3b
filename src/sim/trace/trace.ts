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

/**
 * A stable 64-bit FNV-1a hash of text, as 16 hex digits. Two 32-bit lanes keep it in plain
 * integer arithmetic (no BigInt), which is fast enough to hash every trace line.
 */
export class StableHash {
  #high = 0xcbf29ce4;
  #low = 0x84222325;

  update(text: string): this {
    let high = this.#high;
    let low = this.#low;
    for (let i = 0; i < text.length; i++) {
      low ^= text.charCodeAt(i);
      // Multiply the 64-bit value by the FNV prime 0x100000001b3 in two 32-bit halves.
      const lowTimesPrime = Math.imul(low, 0x1b3);
      const carry = Math.floor(((low >>> 0) * 0x1b3) / 0x1_0000_0000);
      high = (Math.imul(high, 0x1b3) + (low << 8) + carry) >>> 0;
      low = lowTimesPrime >>> 0;
    }
    this.#high = high >>> 0;
    this.#low = low >>> 0;
    return this;
  }

  digest(): string {
    return this.#high.toString(16).padStart(8, '0') + this.#low.toString(16).padStart(8, '0');
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
