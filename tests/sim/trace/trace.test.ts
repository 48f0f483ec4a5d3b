import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/lib/prng';
import {
  StableHash,
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

  it('hashes every UTF-16 code unit as a BigInt FNV-1a over code units does', () => {
    // The reference: 64-bit FNV-1a, one step per code unit, in exact integers.
    const reference = (text: string): string => {
      let hash = 0xcbf29ce484222325n;
      for (let i = 0; i < text.length; i++) {
        hash = ((hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
      }
      return hash.toString(16).padStart(16, '0');
    };
    const prng = new Prng(7);
    for (let sample = 0; sample < 300; sample++) {
      const length = prng.intInclusive(0, 40);
      // Code units over the whole range, so every carry path of the 32-bit halves runs.
      const units = Array.from({ length }, () => prng.intInclusive(0, 0xffff));
      const text = String.fromCharCode(...units);
      expect(stableHash(text)).toBe(reference(text));
    }
  });

  it('chains a digest into a hash as its 16 hex digits', () => {
    const link = new StableHash().update('first line');
    expect(new StableHash().updateDigestOf(link).update('next').digest()).toBe(
      stableHash(link.digest() + 'next'),
    );
    expect(StableHash.fromDigest(link.digest()).digest()).toBe(link.digest());
    expect(StableHash.fromDigest('0000000000000000').digest()).toBe('0000000000000000');
    expect(() => StableHash.fromDigest('xyz')).toThrow(/16 hex digits/);
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
