import { describe, expect, it } from 'vitest';
import { InputLog } from '../../../src/sim/coordinator/inputs';

describe('InputLog', () => {
  it('ends an advance that stopped early where it stopped, past host failures since', () => {
    const log = new InputLog<never>();
    log.record({ type: 'heal', atMs: 0 });
    log.record({ type: 'advance', toMs: 60_000 });
    log.record({ type: 'host-failed', atMs: 1_200, hostname: 'm1', call: 'step' });
    log.endAdvanceAt(1_500);
    expect(log.list()).toEqual([
      { type: 'heal', atMs: 0 },
      { type: 'advance', toMs: 1_500 },
      { type: 'host-failed', atMs: 1_200, hostname: 'm1', call: 'step' },
    ]);
  });

  it('refuses to end an advance that was not the last input recorded', () => {
    const log = new InputLog<never>();
    log.record({ type: 'advance', toMs: 1_000 });
    log.record({ type: 'heal', atMs: 1_000 });
    expect(() => {
      log.endAdvanceAt(500);
    }).toThrow(/an advance that stops early was recorded last/);
  });
});
