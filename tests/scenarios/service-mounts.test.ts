import { describe, expect, it } from 'vitest';
import { dockerOn as docker, startPlayground } from '../support/playground';

/**
 * A service's bind mounts are checked on the node that creates the container, as moby does.
 * Compared with the oracle (engine 20.10.24): `service ps --no-trunc` shows each attempt
 * `Rejected` with `"invalid mount config for type "bind": bind source path does not exist:
 * /nonexistent"`, and the orchestrator tries again.
 */
describe("a service's bind mounts", () => {
  it('reject the task when the source is missing on the node, and run when it is there', async () => {
    const lab = await startPlayground('1m2w');
    await lab.advance(10_000);
    const bad = await docker(lab, 'manager1', [
      'service',
      'create',
      '-d',
      '--name',
      'bad',
      '--mount',
      'type=bind,source=/nonexistent,target=/data',
      'busybox',
      'sleep',
      '600',
    ]);
    expect(bad.code).toBe(0);
    const good = await docker(lab, 'manager1', [
      'service',
      'create',
      '-d',
      '--name',
      'good',
      '--mount',
      'type=bind,source=/var/run/docker.sock,target=/var/run/docker.sock',
      'busybox',
      'sleep',
      '600',
    ]);
    expect(good.code).toBe(0);
    await lab.advance(10_000);
    const ps = await docker(lab, 'manager1', [
      'service',
      'ps',
      '--no-trunc',
      '--format',
      '{{.CurrentState}}|{{.Error}}',
      'bad',
    ]);
    const [first, ...history] = ps.stdout.trim().split('\n');
    expect(first).toMatch(
      /^Rejected .*\|"invalid mount config for type "bind": bind source path does not exist: \/nonexistent"$/,
    );
    expect(history.length).toBeGreaterThan(0);
    const running = await docker(lab, 'manager1', [
      'service',
      'ps',
      '--format',
      '{{.CurrentState}}',
      'good',
    ]);
    expect(running.stdout).toMatch(/^Running /);
    lab.dispose();
  });
});
