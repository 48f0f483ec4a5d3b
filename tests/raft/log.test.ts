import { describe, expect, it } from 'vitest';
import { MemoryStorage, type Entry } from '../../src/raft';
import { RaftLog } from '../../src/raft/log';

function entries(terms: readonly number[], first = 1): Entry<string>[] {
  return terms.map((term, i) => ({
    index: first + i,
    term,
    data: { type: 'normal', payload: `e${first + i}` },
  }));
}

function logWith(terms: readonly number[]): RaftLog<string, string[]> {
  const storage = MemoryStorage.bootstrap<string, string[]>([1, 2, 3], []);
  storage.append(entries(terms));
  return new RaftLog(storage);
}

describe('RaftLog', () => {
  // Reference: Raft paper §5.3, the AppendEntries consistency check.
  it('refuses an append whose previous entry does not match', () => {
    const log = logWith([1, 1, 2]);
    expect(log.maybeAppend(3, 1, 0, entries([3], 4))).toBeUndefined();
    expect(log.maybeAppend(3, 2, 0, entries([3], 4))?.lastNewIndex).toBe(4);
    expect(log.lastIndex()).toBe(4);
  });

  it('truncates from the first conflicting entry and keeps what matches', () => {
    const log = logWith([1, 1, 2, 2]);
    const result = log.maybeAppend(1, 1, 0, entries([1, 3], 2));
    expect(result?.written.map((entry) => entry.index)).toEqual([3]);
    expect([1, 2, 3].map((index) => log.term(index))).toEqual([1, 1, 3]);
    expect(log.lastIndex()).toBe(3);
  });

  it('commits no further than the last entry the leader sent', () => {
    const log = logWith([1, 1, 1, 1]);
    log.maybeAppend(1, 1, 4, entries([1], 2));
    expect(log.committed).toBe(2);
  });

  // Reference: §5.4.1, the election restriction.
  it('compares logs by last term, then by length', () => {
    const log = logWith([1, 2, 2]);
    expect(log.isUpToDate(1, 3)).toBe(true);
    expect(log.isUpToDate(3, 2)).toBe(true);
    expect(log.isUpToDate(2, 2)).toBe(false);
    expect(log.isUpToDate(9, 1)).toBe(false);
  });

  it('hints the last index whose term is no higher than the leader term (fast back-off)', () => {
    const log = logWith([1, 1, 2, 2, 4, 4]);
    expect(log.findConflictByTerm(6, 3)).toEqual({ index: 4, term: 2 });
    expect(log.findConflictByTerm(6, 1)).toEqual({ index: 2, term: 1 });
    expect(log.findConflictByTerm(6, 5)).toEqual({ index: 6, term: 4 });
  });

  it('reports compacted entries as unknown', () => {
    const storage = MemoryStorage.bootstrap<string, string[]>([1], []);
    storage.append(entries([1, 1, 1, 1]));
    storage.setHardState({ term: 1, vote: 1, commit: 4 });
    storage.createSnapshot(3, [1], ['e1', 'e2', 'e3']);
    storage.compact(2);
    const log = new RaftLog(storage);
    expect(log.term(1)).toBeUndefined();
    expect(log.term(2)).toBe(1);
    expect(log.slice(1, 3)).toBeUndefined();
    expect(log.slice(3, 5)?.map((entry) => entry.index)).toEqual([3, 4]);
  });
});
