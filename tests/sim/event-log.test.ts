import { describe, expect, it } from 'vitest';
import { EVENT_LOG_CAPACITY, EventLog } from '../../src/sim/event-log';
import type { TraceEvent } from '../../src/sim/trace';

const nameOf = (member: number): string => `manager${member}`;

function leader(member: number, term: number): TraceEvent {
  return { type: 'role-changed', timeMs: term * 1000, member, role: 'leader', term, lead: member };
}

function membership(member: number, index: number): TraceEvent {
  return {
    type: 'membership-applied',
    timeMs: index,
    member,
    index,
    change: { kind: 'add-voter', nodeId: 3 },
    voters: [1, 2, 3],
  };
}

describe('EventLog', () => {
  it('tells each event once, even when a restore brings the same trace events again', () => {
    const log = new EventLog();
    expect(log.read([leader(1, 1), leader(2, 2)], 2, nameOf)).toBe(true);
    // A restore from a checkpoint at trace index 1 replays the second event, then a new one.
    const restored = EventLog.fromData(JSON.parse(JSON.stringify(log.toData())));
    if (restored === null) throw new Error('a saved log reads back');
    expect(restored.read([leader(2, 2), leader(3, 3)], 3, nameOf)).toBe(true);
    expect(restored.events.map((event) => [event.sequence, event.text])).toEqual([
      [1, 'became the Raft leader in term 1'],
      [2, 'became the Raft leader in term 2'],
      [3, 'became the Raft leader in term 3'],
    ]);
    expect(restored.read([leader(3, 3)], 3, nameOf)).toBe(false);
  });

  it('tells a configuration change once, from whichever member applies it first, across a save', () => {
    const log = new EventLog();
    expect(log.read([membership(1, 7)], 1, nameOf)).toBe(true);
    const restored = EventLog.fromData(log.toData());
    // A member that catches up after the reload applies the same old change.
    expect(restored?.read([membership(3, 7)], 2, nameOf)).toBe(false);
    expect(restored?.events).toHaveLength(1);
  });

  it('keeps the last EVENT_LOG_CAPACITY events, numbered on', () => {
    const log = new EventLog();
    const events = Array.from({ length: EVENT_LOG_CAPACITY + 20 }, (_, i) => leader(1, i + 1));
    log.read(events, events.length, nameOf);
    expect(log.events).toHaveLength(EVENT_LOG_CAPACITY);
    expect(log.events[0]?.sequence).toBe(21);
  });

  it('refuses a saved log that is not one, and keeps hostile text as plain data', () => {
    expect(EventLog.fromData(null)).toBeNull();
    expect(EventLog.fromData({ events: 'x', sequence: 0, told: [], traceRead: 0 })).toBeNull();
    expect(EventLog.fromData({ events: [], sequence: -1, told: [], traceRead: 0 })).toBeNull();
    expect(
      EventLog.fromData({ events: [{ sequence: 1 }], sequence: 1, told: [], traceRead: 1 }),
    ).toBeNull();
    const hostile = {
      sequence: 1,
      timeMs: 0,
      kind: 'role-changed',
      machine: '<img src=x onerror=alert(1)>',
      text: '<b>became</b>',
    };
    const log = EventLog.fromData({ events: [hostile], sequence: 1, told: [], traceRead: 1 });
    expect(log?.events).toEqual([hostile]);
  });
});
