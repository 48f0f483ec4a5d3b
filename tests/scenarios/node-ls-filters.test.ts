import { describe, expect, it } from 'vitest';
import { dockerOn as docker, startPlayground } from '../support/playground';

describe('docker node ls --filter, through the swarm daemon', () => {
  it("refuses a role swarmkit does not know with the daemon's error, and matches any case", async () => {
    const playground = await startPlayground('3m2w');
    await playground.advance(10_000);
    const boss = await docker(playground, 'manager1', 'node ls --filter role=boss');
    expect(boss).toEqual({
      stdout: '',
      stderr: "Error response from daemon: Invalid role filter: 'boss'\n",
      code: 1,
    });
    const workers = await docker(playground, 'manager1', 'node ls -q --filter role=WORKER');
    expect(workers.code).toBe(0);
    expect(workers.stdout.trim().split('\n')).toHaveLength(2);
  });
});
