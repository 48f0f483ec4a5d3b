import { describe, expect, it } from 'vitest';
import { dockerOn as docker, startPlayground } from '../support/playground';

/**
 * The Docker docs' swarm tutorial (engine/swarm/swarm-tutorial), typed into the terminals of a
 * 3m2w lab: deploy a service, inspect it, scale it, roll an update, drain a node, delete it.
 */
describe("the swarm tutorial's service steps, typed in the terminals", () => {
  it('deploys, inspects, scales, updates, drains and removes a service', async () => {
    const playground = await startPlayground('3m2w');
    await playground.advance(10_000);

    const created = await docker(playground, 'manager1', [
      'service',
      'create',
      '--replicas',
      '1',
      '--name',
      'helloworld',
      'alpine',
      'ping',
      'docker.com',
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout.split('\n')[0]).toMatch(/^[0-9a-z]{25}$/);
    expect(created.stdout).toContain('verify: Service');

    const ls = await docker(playground, 'manager1', 'service ls');
    expect(ls.stdout).toMatch(/^ID +NAME +MODE +REPLICAS +IMAGE +PORTS\n/);
    expect(ls.stdout).toMatch(/helloworld +replicated +1\/1 +alpine:latest/);

    const pretty = await docker(playground, 'manager1', 'service inspect --pretty helloworld');
    expect(pretty.stdout).toContain('Name:\t\thelloworld');
    expect(pretty.stdout).toContain(' Replicas:\t1');

    const ps = await docker(playground, 'manager1', 'service ps helloworld');
    expect(ps.stdout).toMatch(/helloworld\.1 +alpine:latest +\S+ +Running +Running/);

    const scaled = await docker(playground, 'manager1', 'service scale -d helloworld=5');
    expect(scaled.stdout).toBe('helloworld scaled to 5\n');
    await playground.advance(8_000);
    const running = await docker(playground, 'manager1', [
      'service',
      'ps',
      '-q',
      '-f',
      'desired-state=running',
      'helloworld',
    ]);
    expect(running.stdout.trim().split('\n')).toHaveLength(5);

    const redis = await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--replicas',
      '3',
      '--name',
      'redis',
      '--update-delay',
      '10s',
      'redis:7.4.0',
    ]);
    expect(redis.code).toBe(0);
    await playground.advance(8_000);
    const updated = await docker(
      playground,
      'manager1',
      'service update -d --image redis:7.4.1 redis',
    );
    expect(updated.stdout).toBe('redis\n');
    await playground.advance(45_000);
    const inspect = await docker(playground, 'manager1', [
      'service',
      'inspect',
      '--format',
      '{{.UpdateStatus.State}} {{.Spec.TaskTemplate.ContainerSpec.Image}}',
      'redis',
    ]);
    expect(inspect.stdout).toMatch(/^completed redis:7\.4\.1@sha256:[0-9a-f]{64}\n$/);

    const drain = await docker(playground, 'manager1', 'node update --availability drain worker1');
    expect(drain.stdout).toBe('worker1\n');
    await playground.advance(5_000);
    const onWorker1 = await docker(playground, 'manager1', [
      'node',
      'ps',
      '-f',
      'desired-state=running',
      'worker1',
    ]);
    expect(onWorker1.stdout.trim().split('\n')).toHaveLength(1);

    const rm = await docker(playground, 'manager1', 'service rm helloworld');
    expect(rm.stdout).toBe('helloworld\n');
    await playground.advance(5_000);
    expect(
      (await docker(playground, 'manager1', 'service ls -q')).stdout.trim().split('\n'),
    ).toHaveLength(1);
  });
});
