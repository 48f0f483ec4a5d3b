import { describeTraceEvent } from './describe';
import type { ClusterEvent } from './read-model';
import type { TraceEvent } from './trace';

/** The event log keeps this many events; older ones scroll away, as in a terminal. */
export const EVENT_LOG_CAPACITY = 500;

/**
 * The log as plain data, for a save. A restored run replays (from its checkpoint) events that
 * the log told before the save, and may show a late member applying old changes: `traceRead`
 * and `told` keep both from being told twice.
 */
export interface EventLogData {
  readonly events: readonly ClusterEvent[];
  readonly sequence: number;
  /** The configuration and store changes told already (see `EventLog.#toldBefore`). */
  readonly told: readonly string[];
  /** How many of the run's trace events the log has read: the trace's index of the next. */
  readonly traceRead: number;
}

/**
 * The event log the page shows: the trace events that a person would want told, described in
 * a sentence each, numbered, and bounded. Frames bring the trace in pieces; each piece starts
 * at a known index of the run's trace, so a piece read before (a restore replays some) is
 * skipped.
 */
export class EventLog {
  #events: readonly ClusterEvent[];
  #sequence: number;
  readonly #told: Set<string>;
  #traceRead: number;

  constructor(data: EventLogData = { events: [], sequence: 0, told: [], traceRead: 0 }) {
    this.#events = data.events;
    this.#sequence = data.sequence;
    this.#told = new Set(data.told);
    this.#traceRead = data.traceRead;
  }

  /** A saved log, or null for anything that is not one (the page then starts a new log). */
  static fromData(value: unknown): EventLog | null {
    if (typeof value !== 'object' || value === null) return null;
    const data: Partial<Record<keyof EventLogData, unknown>> = value;
    const { events, sequence, told, traceRead } = data;
    if (
      !Array.isArray(events) ||
      !events.every(isClusterEvent) ||
      !isCount(sequence) ||
      !isCount(traceRead) ||
      !Array.isArray(told) ||
      !told.every((key) => typeof key === 'string')
    ) {
      return null;
    }
    return new EventLog({
      events: events.slice(-EVENT_LOG_CAPACITY),
      sequence,
      told: told.filter((key): key is string => typeof key === 'string'),
      traceRead,
    });
  }

  /** The most recent events, oldest first; a new array whenever one is added. */
  get events(): readonly ClusterEvent[] {
    return this.#events;
  }

  toData(): EventLogData {
    return {
      events: this.#events,
      sequence: this.#sequence,
      told: [...this.#told],
      traceRead: this.#traceRead,
    };
  }

  copy(): EventLog {
    return new EventLog(this.toData());
  }

  /**
   * Reads the trace events of one frame: `traceCount` is the run's count after the last of
   * them. Returns whether the log gained a line.
   */
  read(
    events: readonly TraceEvent[],
    traceCount: number,
    nameOf: (member: number) => string,
  ): boolean {
    // Events before what was read already come again after a restore; skip them. A gap (a
    // save that kept only the last events its page had not drained) is simply not told.
    const firstIndex = traceCount - events.length;
    const fresh =
      firstIndex >= this.#traceRead ? events : events.slice(this.#traceRead - firstIndex);
    this.#traceRead = Math.max(this.#traceRead, traceCount);
    const described = fresh.flatMap((event) => {
      if (this.#toldBefore(event)) return [];
      const text = describeTraceEvent(event, nameOf);
      if (text === null) return [];
      return [{ timeMs: event.timeMs, kind: event.type, machine: nameOf(event.member), text }];
    });
    if (described.length === 0) return false;
    const numbered = described.map((event) => ({ sequence: ++this.#sequence, ...event }));
    this.#events = [...this.#events, ...numbered].slice(-EVENT_LOG_CAPACITY);
    return true;
  }

  /**
   * Every manager applies every configuration change, and one that joins late applies the whole
   * history while it catches up: seven managers made seven lines of each change, most of them
   * old news. The log tells each change once, from the first member that applied it (usually
   * the leader), as it tells each store change once. Keyed by log index and content, since a
   * force-new-cluster may write another change at an index an old member had applied. A store
   * change is told by the leader that applies it, and when leadership moves as the entry applies
   * two leaders may tell it: the same key keeps the second out.
   */
  #toldBefore(event: TraceEvent): boolean {
    let key: string;
    if (event.type === 'membership-applied') {
      key = `membership:${event.index}:${event.voters.join(',')}`;
    } else if (event.type === 'swarm-changed' && event.index !== undefined) {
      key = `store:${event.index}:${JSON.stringify(event.change)}`;
    } else {
      return false;
    }
    if (this.#told.has(key)) return true;
    this.#told.add(key);
    return false;
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isClusterEvent(value: unknown): value is ClusterEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event: Partial<Record<keyof ClusterEvent, unknown>> = value;
  return (
    isCount(event.sequence) &&
    typeof event.timeMs === 'number' &&
    Number.isFinite(event.timeMs) &&
    typeof event.kind === 'string' &&
    typeof event.machine === 'string' &&
    typeof event.text === 'string'
  );
}
