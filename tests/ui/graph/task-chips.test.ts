import { describe, expect, it } from 'vitest';
import { chipTitle, chipTone, pendingTitle, visibleChips } from '../../../src/ui/graph/task-chips';

describe('task chips', () => {
  it('colour a task by the family of its state', () => {
    expect(
      chipTone({
        taskId: 't1',
        name: 'web.1',
        state: 'running',
        desiredState: 'running',
        files: [],
      }),
    ).toBe('running');
    expect(
      chipTone({
        taskId: 't1',
        name: 'web.1',
        state: 'pending',
        desiredState: 'running',
        files: [],
      }),
    ).toBe('pending');
    expect(
      chipTone({
        taskId: 't1',
        name: 'web.1',
        state: 'rejected',
        desiredState: 'shutdown',
        files: [],
      }),
    ).toBe('failed');
  });

  it('say where a stopping task is going', () => {
    expect(
      chipTitle({
        taskId: 't1',
        name: 'web.1',
        state: 'running',
        desiredState: 'shutdown',
        files: [],
      }),
    ).toBe('web.1: Running, to Shutdown');
    expect(
      chipTitle({
        taskId: 't1',
        name: 'web.1',
        state: 'running',
        desiredState: 'running',
        files: [],
      }),
    ).toBe('web.1: Running');
  });

  it('leave out the history that only the CLI shows', () => {
    const chips = visibleChips([
      { taskId: 't1', name: 'web.1', state: 'shutdown', desiredState: 'remove', files: [] },
      { taskId: 't1', name: 'web.1', state: 'shutdown', desiredState: 'shutdown', files: [] },
    ]);
    expect(chips).toEqual([
      { taskId: 't1', name: 'web.1', state: 'shutdown', desiredState: 'shutdown', files: [] },
    ]);
  });

  it('keep a slot order, the leaving task before its replacement', () => {
    const chip = (taskId: string, name: string, desiredState: 'running' | 'shutdown') => ({
      taskId,
      name,
      state: 'running' as const,
      desiredState,
      files: [],
    });
    const order = visibleChips([
      chip('a', 'web.10', 'running'),
      chip('b', 'web.2', 'running'),
      chip('c', 'api.7', 'running'),
      chip('d', 'web.2', 'shutdown'),
      chip('e', 'agent.zz9', 'running'),
      chip('f', 'agent.aa1', 'running'),
    ]).map(({ taskId }) => taskId);
    expect(order).toEqual(['f', 'e', 'c', 'd', 'b', 'a']);
  });

  it('explain a pending task node by node, one line each', () => {
    expect(
      pendingTitle({
        taskId: 't1',
        name: 'db.1',
        error: 'no suitable node (scheduling constraints not satisfied on 2 nodes)',
        nodes: [
          { hostname: 'manager1', reason: 'scheduling constraints not satisfied' },
          { hostname: 'worker1', reason: null },
        ],
      }),
    ).toBe(
      [
        'db.1: Pending, no suitable node (scheduling constraints not satisfied on 2 nodes)',
        'manager1: scheduling constraints not satisfied',
        'worker1: passes every filter',
      ].join('\n'),
    );
    expect(pendingTitle({ taskId: 't1', name: 'db.1', error: '', nodes: [] })).toBe(
      'db.1: Pending',
    );
  });
});
