import { describe, expect, it } from 'vitest';
import { Playground } from '../../src/sim/playground';
import { dockerOn, startPlayground as start } from '../support/playground';

const HOSTS = ['manager1', 'worker1', 'worker2'] as const;

function allReady(table: string): boolean {
  return HOSTS.every((host) =>
    table.split('\n').some((line) => line.includes(` ${host} `) && / Ready /.test(line)),
  );
}

/**
 * Polls `docker node ls` on manager1 every second of virtual time; returns how many ms after
 * `sinceMs` every node was first seen Ready, or null if not within `limitMs`.
 */
async function msUntilAllReady(
  playground: Playground,
  sinceMs: number,
  limitMs: number,
): Promise<number | null> {
  while (playground.view.timeMs - sinceMs <= limitMs) {
    const ls = await dockerOn(playground, 'manager1', ['node', 'ls']);
    if (ls.code === 0 && allReady(ls.stdout)) return playground.view.timeMs - sinceMs;
    await playground.advance(1_000);
  }
  return null;
}

describe('a single manager that restarts', () => {
  it('sees every node Ready again within 15 s of its daemon restarting', async () => {
    const playground = await start('1m2w');
    await playground.advance(10_000);
    expect(allReady((await dockerOn(playground, 'manager1', ['node', 'ls'])).stdout)).toBe(true);
    await playground.setDaemon('manager1', 'stopped');
    await playground.advance(5_000);
    await playground.setDaemon('manager1', 'running');
    const restartedAt = playground.view.timeMs;
    const waited = await msUntilAllReady(playground, restartedAt, 60_000);
    expect(waited).not.toBeNull();
    expect(waited).toBeLessThanOrEqual(15_000);
  });

  it('sees every node Ready again within 15 s of being unlocked (autolock)', async () => {
    const playground = await start('1m2w');
    await playground.advance(10_000);
    const update = await dockerOn(playground, 'manager1', ['swarm', 'update', '--autolock=true']);
    expect(update.code).toBe(0);
    const key = (
      await dockerOn(playground, 'manager1', ['swarm', 'unlock-key', '-q'])
    ).stdout.trim();
    await playground.setDaemon('manager1', 'stopped');
    await playground.advance(5_000);
    await playground.setDaemon('manager1', 'running');
    const unlock = await dockerOn(playground, 'manager1', ['swarm', 'unlock'], {
      stdin: `${key}\n`,
    });
    expect(unlock.code).toBe(0);
    const unlockedAt = playground.view.timeMs;
    const waited = await msUntilAllReady(playground, unlockedAt, 60_000);
    expect(waited).not.toBeNull();
    expect(waited).toBeLessThanOrEqual(15_000);
  });
});
