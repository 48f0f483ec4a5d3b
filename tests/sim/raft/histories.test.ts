import { describe, expect, it } from 'vitest';
import { historyOf } from '../../../src/sim/raft/histories';
import { runSchedule } from '../../../src/sim/raft/schedule';

/**
 * The targeted histories steer a run by watching it; if the core or the coordinator changes
 * under them, they may quietly stop reaching the state they exist for. With a sound core each
 * must run to its end and find nothing (`npm run sim:mutants` shows they catch the bugs).
 */
describe('targeted fault histories', () => {
  it('begin one seed in eight each, and leave the others random', () => {
    const kinds = Array.from({ length: 800 }, (_, i) => historyOf(i + 1));
    expect(kinds.filter((kind) => kind === 'figure-8')).toHaveLength(100);
    expect(kinds.filter((kind) => kind === 'cut-off-leader')).toHaveLength(100);
    expect(kinds.filter((kind) => kind === undefined)).toHaveLength(600);
  });

  for (const managers of [3, 5, 7]) {
    it(`reach the end of Figure 8 with ${managers} managers, and a sound core keeps every invariant`, async () => {
      const summary = await runSchedule({ seed: 3, managers, faults: true });
      expect(summary.history).toEqual({ kind: 'figure-8', completed: true });
      expect(summary.violations).toEqual([]);
      expect(summary.electedAfterHealMs).toBeDefined();
    });

    it(`keep a cut-off leader writing with ${managers} managers, and a sound core keeps every invariant`, async () => {
      const summary = await runSchedule({ seed: 6, managers, faults: true });
      expect(summary.history).toEqual({ kind: 'cut-off-leader', completed: true });
      expect(summary.violations).toEqual([]);
      expect(summary.electedAfterHealMs).toBeDefined();
    });
  }

  it('are not run without faults', async () => {
    const summary = await runSchedule({ seed: 3, managers: 3, faults: false });
    expect(summary.history).toBeUndefined();
  });
});
