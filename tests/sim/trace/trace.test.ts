import { describe, expect, it } from 'vitest';
import {
  TraceRecorder,
  stableHash,
  toJsonLines,
  traceHash,
  type TraceEvent,
} from '../../../src/sim/trace';

const events: TraceEvent[] = [
  { type: 'role-changed', timeMs: 0, member: 1, role: 'candidate', term: 1, lead: 0 },
  { type: 'commit-advanced', timeMs: 12, member: 1, commitIndex: 3 },
];

describe('trace', () => {
  it('hashes text with 64-bit FNV-1a', () => {
    // Published FNV-1a 64 test vectors.
    expect(stableHash('')).toBe('cbf29ce484222325');
    expect(stableHash('a')).toBe('af63dc4c8601ec8c');
    expect(stableHash('foobar')).toBe('85944171f73967e8');
  });

  it('writes one JSON object per line', () => {
    const lines = toJsonLines(events).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1] ?? '')).toEqual(events[1]);
  });

  it('gives the recorder the same hash as the JSON Lines text', () => {
    const recorder = new TraceRecorder({ keepEvents: true });
    for (const event of events) recorder.emit(event);
    expect(recorder.hash()).toBe(traceHash(events));
    expect(recorder.hash()).toBe(stableHash(toJsonLines(events)));
    expect(recorder.count).toBe(2);
  });

  it('changes the hash when any event changes', () => {
    const changed: TraceEvent[] = [
      events[0] as TraceEvent,
      { ...events[1], commitIndex: 4 } as TraceEvent,
    ];
    expect(traceHash(changed)).not.toBe(traceHash(events));
  });
});
