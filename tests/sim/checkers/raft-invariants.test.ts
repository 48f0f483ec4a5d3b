import { describe, expect, it } from 'vitest';
import { MemoryStorage, type Entry } from '../../../src/raft';
import type { NoDaemon } from '../../../src/machine-api';
import { RaftInvariants, type Violation } from '../../../src/sim/checkers';
import {
  chainLink,
  initialKvState,
  type DurableChange,
  type KvCommand,
  type KvState,
} from '../../../src/sim/machine';
import type { TraceEvent } from '../../../src/sim/trace';

type Change = DurableChange<KvCommand, KvState, NoDaemon>;

function entry(index: number, term: number, key = `k${index}`): Entry<KvCommand> {
  return { index, term, data: { type: 'normal', payload: { type: 'kv-set', key, value: key } } };
}

/** Invariants over members with real logs, fed the writes and events a machine would report. */
function harness() {
  const violations: Violation[] = [];
  const invariants = new RaftInvariants<KvCommand, KvState, NoDaemon>({
    report: (violation) => violations.push(violation),
    historyOf: (state) => state,
    entryDigest: (e) => (e.data.type === 'normal' ? e.data.payload.key : e.data.type),
  });
  const logs = new Map<number, MemoryStorage<KvCommand, KvState>>();
  const log = (member: number) => {
    let found = logs.get(member);
    if (found === undefined) {
      found = MemoryStorage.bootstrap<KvCommand, KvState>([1, 2, 3], initialKvState);
      logs.set(member, found);
    }
    return found;
  };
  const event = (e: TraceEvent) => {
    invariants.event(e, log(e.member));
  };
  const write = (member: number, change: Change, following: TraceEvent[] = []) => {
    invariants.durable({ nowMs: 0, member, change, log: log(member), following });
    if (change.kind === 'append') log(member).append(change.entries);
  };
  for (const member of [1, 2, 3]) event({ type: 'member-started', timeMs: 0, member });
  return { violations, event, write };
}

function leaderOf(term: number, member: number): TraceEvent {
  return { type: 'role-changed', role: 'leader', term, lead: member, timeMs: 0, member };
}

function applied(member: number, index: number, term: number, digest: string): TraceEvent {
  return { type: 'entry-applied', timeMs: 0, member, index, term, kind: 'normal', digest };
}

describe('RaftInvariants', () => {
  it('reports a leader that overwrites its own log', () => {
    const { violations, event, write } = harness();
    write(1, { kind: 'append', entries: [entry(1, 1), entry(2, 1)] });
    event(leaderOf(1, 1));
    write(1, { kind: 'append', entries: [entry(2, 1, 'other')] });
    expect(violations.map((v) => v.invariant)).toContain('leader-append-only');
  });

  it('judges a write by what the member became in the same Ready: a leader that stepped down may truncate', () => {
    const { violations, event, write } = harness();
    write(1, { kind: 'append', entries: [entry(1, 1), entry(2, 1)] });
    event(leaderOf(1, 1));
    const steppedDown: TraceEvent = {
      type: 'role-changed',
      role: 'follower',
      term: 2,
      lead: 2,
      timeMs: 0,
      member: 1,
    };
    write(1, { kind: 'append', entries: [entry(2, 2)] }, [steppedDown]);
    event(steppedDown);
    expect(violations).toEqual([]);
  });

  it('reports two leaders in one term', () => {
    const { violations, event } = harness();
    event(leaderOf(3, 1));
    event(leaderOf(3, 2));
    expect(violations.map((v) => v.invariant)).toEqual(['election-safety']);
  });

  it('reports two entries with one index and term but different payloads', () => {
    const { violations, write } = harness();
    write(1, { kind: 'append', entries: [entry(1, 1, 'a')] });
    write(2, { kind: 'append', entries: [entry(1, 1, 'b')] });
    expect(violations.map((v) => v.invariant)).toEqual(['log-matching']);
  });

  it('chains applied entries as the key-value machine does, and reports two histories', () => {
    const { violations, event } = harness();
    event(applied(1, 1, 1, 'd1'));
    event(applied(2, 1, 1, 'd1'));
    expect(violations).toEqual([]);
    event(applied(3, 1, 1, 'd2'));
    expect(violations.map((v) => v.invariant)).toEqual(['state-machine-safety']);
  });

  it('reports a snapshot whose state is another history than the one applied elsewhere', () => {
    const { violations, event, write } = harness();
    event(applied(1, 1, 1, 'd1'));
    const right = chainLink(initialKvState.chain, 1, 1, 'd1');
    const snapshot = (chain: string): Change => ({
      kind: 'install-snapshot',
      snapshot: {
        metadata: { index: 1, term: 1, voters: [1, 2, 3] },
        data: { appliedIndex: 1, chain, pairs: [] },
      },
    });
    write(2, snapshot(right));
    expect(violations).toEqual([]);
    write(3, snapshot('ffffffffffffffff'));
    expect(violations.map((v) => v.invariant)).toEqual(['state-machine-safety']);
  });

  it('reports a new leader that lacks a committed entry', () => {
    const { violations, event, write } = harness();
    write(1, { kind: 'append', entries: [entry(1, 1)] });
    event({ type: 'commit-advanced', commitIndex: 1, timeMs: 0, member: 1 });
    event(leaderOf(2, 2));
    expect(violations.map((v) => v.invariant)).toEqual(['leader-completeness']);
  });
});
