import { describe, expect, it } from 'vitest';
import { daemonError, fakeManagerEngine, IDS } from '../../../support/fake-engine';
import { expectGolden } from '../swarm/golden-run';

const NOT_DOWN = `rpc error: code = FailedPrecondition desc = node ${IDS.worker1} is not down and can't be removed`;
const IS_MANAGER = `rpc error: code = FailedPrecondition desc = node ${IDS.manager2} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal`;

function removing(calls: [string, boolean][]) {
  return fakeManagerEngine({
    nodeRemove: ({ id, force }) => {
      calls.push([id, force]);
      if (id === 'worker1' && !force) return daemonError(NOT_DOWN);
      if (id === 'manager2') return daemonError(IS_MANAGER);
      if (id === 'nosuch') return daemonError('node nosuch not found');
      return Promise.resolve();
    },
  });
}

describe('docker node rm', () => {
  it('tries every node and prints the errors together at the end (reference §5.6)', async () => {
    const calls: [string, boolean][] = [];
    const result = await expectGolden(
      'node/rm',
      ['node', 'rm', 'worker2', 'worker1', 'manager2', 'nosuch'],
      { engine: removing(calls) },
    );
    expect(result.code).toBe(1);
    expect(calls.map(([id]) => id)).toEqual(['worker2', 'worker1', 'manager2', 'nosuch']);
  });

  it('passes --force', async () => {
    const calls: [string, boolean][] = [];
    await expectGolden('node/rm-force', ['node', 'rm', '--force', 'worker1'], {
      engine: removing(calls),
    });
    expect(calls).toEqual([['worker1', true]]);
  });

  it('needs a node', async () => {
    await expectGolden('node/rm-args', ['node', 'remove']);
  });
});
