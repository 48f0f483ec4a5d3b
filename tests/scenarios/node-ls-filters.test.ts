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

describe('docker node ps --filter, through the swarm daemon', () => {
  it('checks a desired state and the keys as moby does, before any task is listed', async () => {
    const playground = await startPlayground('3m2w');
    await playground.advance(10_000);
    // Checked against Docker Engine 20.10.24 (the oracle): `allocated` is the API's, not
    // swarmkit's, and a filter names swarmkit's states.
    for (const state of ['bogus', 'allocated']) {
      expect(
        await docker(playground, 'manager1', `node ps --filter desired-state=${state}`),
      ).toEqual({
        stdout: '',
        stderr: `Error response from daemon: Invalid desired-state filter: '${state}'\n`,
        code: 1,
      });
    }
    expect(await docker(playground, 'manager1', 'node ps --filter colour=red')).toEqual({
      stdout: '',
      stderr: "Error response from daemon: invalid filter 'colour'\n",
      code: 1,
    });
    const running = await docker(playground, 'manager1', 'node ps --filter desired-state=Running');
    expect(running.code).toBe(0);
    expect(running.stdout).toMatch(/^ID +NAME +IMAGE +NODE +DESIRED STATE/);
  });
});
