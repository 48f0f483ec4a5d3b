import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../../src/swarm/agent/exec/container-log';
import {
  logFrame,
  parseTimestamps,
  readLog,
  rfc3339NanoFixed,
  tailLines,
} from '../../../../src/swarm/agent/exec/log-read';

const AT = Date.UTC(2026, 11, 7, 13, 47, 0, 109);

function entry(text: string, offsetMs: number): LogEntry {
  return { stream: 'stdout', text, atMs: AT + offsetMs, nanos: 679_076 };
}

const LOG = [entry('a', 0), entry('b', 1000), entry('c', 2000), entry('d', 3000)];

describe('reading a log', () => {
  it('reads moby tail values: a count, else all (engine 20.10.24: --tail abc and -1 print all)', () => {
    expect(tailLines('2')).toBe(2);
    expect(tailLines('all')).toBe(-1);
    expect(tailLines('abc')).toBe(-1);
    expect(tailLines('-1')).toBe(-1);
    const read = (tail: number): string[] =>
      readLog(LOG, { since: null, until: null, tail, after: null }).map((line) => line.text);
    expect(read(2)).toEqual(['c', 'd']);
    expect(read(0)).toEqual([]);
    expect(read(-1)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps lines from since on and up to until, and after a follow cursor', () => {
    const since = parseTimestamps(`${Math.floor((AT + 1000) / 1000)}.109679076`) ?? null;
    const until = parseTimestamps(`${Math.floor((AT + 2000) / 1000)}.109679076`) ?? null;
    expect(readLog(LOG, { since, until, tail: -1, after: null }).map((l) => l.text)).toEqual([
      'b',
      'c',
    ]);
    expect(
      readLog(LOG, { since: null, until: null, tail: 1, after: 1 }).map((l) => l.text),
    ).toEqual(['b', 'c', 'd']);
  });

  it('parses the timestamps the client sends, and refuses anything else', () => {
    expect(parseTimestamps('')).toBeNull();
    expect(parseTimestamps('1765115000')).toEqual({ ms: 1_765_115_000_000, nanos: 0 });
    expect(parseTimestamps('1765115000.000000001')).toEqual({ ms: 1_765_115_000_000, nanos: 1 });
    expect(parseTimestamps('1765115000.5')).toEqual({ ms: 1_765_115_000_500, nanos: 0 });
    expect(parseTimestamps('x')).toBeUndefined();
  });

  it('writes timestamps with nine digits, as docker logs -t prints them (engine 20.10.24)', () => {
    expect(rfc3339NanoFixed({ ms: AT, nanos: 679_076 })).toBe('2026-12-07T13:47:00.109679076Z');
    expect(rfc3339NanoFixed({ ms: Date.UTC(2026, 0, 1), nanos: 0 })).toBe(
      '2026-01-01T00:00:00.000000000Z',
    );
  });

  it('writes a line as the API server does: timestamp, sorted escaped details, message', () => {
    const line = entry('hi', 0);
    expect(logFrame(line, [], { timestamps: false, details: false })).toEqual({
      stream: 'stdout',
      text: 'hi\n',
    });
    // A container with no attributes still gets the space: `docker logs --details` prints " hi".
    expect(logFrame(line, [], { timestamps: false, details: true }).text).toBe(' hi\n');
    const attrs = [
      { key: 'z', value: 'a b' },
      { key: 'a', value: 'x=y,z' },
    ];
    expect(logFrame(line, attrs, { timestamps: true, details: true }).text).toBe(
      '2026-12-07T13:47:00.109679076Z a=x%3Dy%2Cz,z=a+b hi\n',
    );
  });
});
