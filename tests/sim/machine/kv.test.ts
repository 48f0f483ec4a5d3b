import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/lib/prng';
import type { Entry } from '../../../src/raft';
import { kvStateMachine, type KvCommand } from '../../../src/sim/machine';

describe('kvStateMachine', () => {
  const entry = (index: number, payload: KvCommand): Entry<KvCommand> => ({
    index,
    term: 1,
    data: { type: 'normal', payload },
  });

  it('keeps pairs sorted and chains every entry', () => {
    let state = kvStateMachine.initial;
    state = kvStateMachine.apply(state, entry(1, { type: 'kv-set', key: 'b', value: '2' }));
    state = kvStateMachine.apply(state, entry(2, { type: 'kv-set', key: 'a', value: '1' }));
    expect(state.pairs).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
    const other = kvStateMachine.apply(
      kvStateMachine.apply(
        kvStateMachine.initial,
        entry(1, { type: 'kv-set', key: 'a', value: '1' }),
      ),
      entry(2, { type: 'kv-set', key: 'b', value: '2' }),
    );
    expect(other.pairs).toEqual(state.pairs);
    expect(other.chain).not.toBe(state.chain);
  });

  it('sets, overwrites and deletes as a map sorted by key does, leaving old states alone', () => {
    const prng = new Prng(11);
    const model = new Map<string, string>();
    let state = kvStateMachine.initial;
    for (let index = 1; index <= 400; index++) {
      const key = `k${prng.intInclusive(0, 40)}`;
      const command: KvCommand = prng.chance(0.3)
        ? { type: 'kv-delete', key }
        : { type: 'kv-set', key, value: String(index) };
      const before = state;
      const beforePairs = JSON.stringify(before.pairs);
      state = kvStateMachine.apply(state, entry(index, command));
      if (command.type === 'kv-delete') model.delete(key);
      else model.set(key, command.value);
      expect(JSON.stringify(before.pairs)).toBe(beforePairs);
      expect(state.pairs).toEqual([...model].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  });

  it('validates payloads that arrive from outside', () => {
    expect(kvStateMachine.isPayload({ type: 'kv-set', key: 'a', value: '1' })).toBe(true);
    expect(kvStateMachine.isPayload({ type: 'kv-set', key: 'a' })).toBe(false);
    expect(kvStateMachine.isPayload({ type: 'rm', key: 'a' })).toBe(false);
    expect(kvStateMachine.isPayload(null)).toBe(false);
  });
});
