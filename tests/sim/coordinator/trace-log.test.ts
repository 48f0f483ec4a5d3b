import { describe, expect, it } from 'vitest';
import { EMPTY_TRACE_HASH, TraceLog } from '../../../src/sim/coordinator/trace-log';
import { stableHash, toJsonLine, type TraceEvent } from '../../../src/sim/trace';

const events: TraceEvent[] = [
  { type: 'role-changed', timeMs: 0, member: 1, role: 'candidate', term: 1, lead: 0 },
  { type: 'commit-advanced', timeMs: 12, member: 1, commitIndex: 3 },
  { type: 'member-stopped', timeMs: 40, member: 2 },
];

describe('TraceLog', () => {
  it('chains each event with the digest before it', () => {
    const log = new TraceLog({ hash: EMPTY_TRACE_HASH, count: 0, bufferMax: 10 });
    let expected = EMPTY_TRACE_HASH;
    for (const event of events) {
      log.emit(event);
      expected = stableHash(expected + toJsonLine(event));
      expect(log.hash).toBe(expected);
    }
    expect(log.count).toBe(3);
  });

  it('continues a chain carried in a save', () => {
    const whole = new TraceLog({ hash: EMPTY_TRACE_HASH, count: 0, bufferMax: 10 });
    for (const event of events) whole.emit(event);
    const first = new TraceLog({ hash: EMPTY_TRACE_HASH, count: 0, bufferMax: 10 });
    for (const event of events.slice(0, 1)) first.emit(event);
    const resumed = new TraceLog({ hash: first.hash, count: first.count, bufferMax: 10 });
    for (const event of events.slice(1)) resumed.emit(event);
    expect(resumed.hash).toBe(whole.hash);
    expect(resumed.count).toBe(3);
  });

  it('drains what was emitted and drops the oldest half past its bound, still hashing all', () => {
    const log = new TraceLog({ hash: EMPTY_TRACE_HASH, count: 0, bufferMax: 2 });
    for (const event of events) log.emit(event);
    expect(log.drain()).toEqual([events[1], events[2]]);
    expect(log.drain()).toEqual([]);
    expect(log.count).toBe(3);
  });

  it('keeps no hash when asked not to, and says so when one is read', () => {
    const log = new TraceLog({ hash: null, count: 0, bufferMax: 10 });
    for (const event of events) log.emit(event);
    expect(log.count).toBe(3);
    expect(log.drain()).toEqual(events);
    expect(() => log.hash).toThrow(/keeps no trace hash/);
  });
});
