import { describe, expect, it } from 'vitest';
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

  it('validates payloads that arrive from outside', () => {
    expect(kvStateMachine.isPayload({ type: 'kv-set', key: 'a', value: '1' })).toBe(true);
    expect(kvStateMachine.isPayload({ type: 'kv-set', key: 'a' })).toBe(false);
    expect(kvStateMachine.isPayload({ type: 'rm', key: 'a' })).toBe(false);
    expect(kvStateMachine.isPayload(null)).toBe(false);
  });
});
