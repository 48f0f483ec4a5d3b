import { describe, expect, it } from 'vitest';
import { Canceller } from '../../src/lib/cancel';
import { runDocker } from '../support/docker-run';
import { dockerOn as docker, startPlayground, whileAdvancing } from '../support/playground';

/**
 * Logs in a 3m2w lab: `docker logs` of a task's container on its node, `docker service logs` on
 * the managers, and the log broker's warning once a node that ran a task is stopped. The line
 * shapes are those engine 20.10.24 printed for the same loop (`busybox sh -c 'while true; do
 * echo hi; sleep 1; done'`, 3 replicas): `lg-hi.3.whg2clnx1lb4@manager1    | hi`.
 */
describe('logs in a lab', () => {
  it('reads a container on its node and a service on the managers, with a node stopped', async () => {
    const playground = await startPlayground('3m2w');
    await playground.advance(10_000);
    const loop = 'while true; do echo hi; echo err >&2; sleep 1; done';
    const created = await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--name',
      'hi',
      '--replicas',
      '3',
      'busybox',
      'sh',
      '-c',
      loop,
    ]);
    expect(created.code).toBe(0);
    await playground.advance(8_000);

    const ps = await docker(playground, 'manager1', [
      'service',
      'ps',
      '--format',
      '{{.Name}} {{.Node}}',
      'hi',
    ]);
    const placed = ps.stdout
      .trim()
      .split('\n')
      .map((row) => row.split(' '));
    const onWorker = placed.find(([, node]) => node?.startsWith('worker'));
    if (onWorker === undefined) throw new Error('three replicas on five nodes left no worker one');
    const worker = onWorker[1] ?? '';

    // docker logs on the node: stdout and stderr apart, --tail, and moby's unknown-container text.
    const id = (await docker(playground, worker, 'ps -q')).stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    const all = await docker(playground, worker, ['logs', id]);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^(hi\n){5,}$/);
    expect(all.stderr).toMatch(/^(err\n){5,}$/);
    const last = await docker(playground, worker, ['logs', '-t', '--tail', '1', id]);
    expect(last.stdout + last.stderr).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z (hi|err)\n$/,
    );
    const missing = await docker(playground, worker, 'logs nosuch');
    expect(missing).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such container: nosuch\n',
      code: 1,
    });

    // service logs: not on a worker; on a follower it goes to the leader's broker.
    const onWorkerNode = await docker(playground, worker, 'service logs hi');
    expect(onWorkerNode.stderr).toMatch(
      /^Error response from daemon: This node is not a swarm manager\./,
    );
    const tail = await docker(playground, 'manager2', 'service logs --tail 1 hi');
    expect(tail.code).toBe(0);
    // Each container's last line; the loop writes hi to stdout, then err to stderr.
    expect(tail.stdout).toBe('');
    const prefixes = tail.stderr.trim().split('\n');
    expect(prefixes).toHaveLength(3);
    for (const row of prefixes) {
      expect(row).toMatch(/^hi\.[123]\.[0-9a-z]{12}@(manager[123]|worker[12]) {4}\| err$/);
    }
    expect(prefixes.some((row) => row.includes(`@${worker}    |`))).toBe(true);

    // A stopped node: its lines are missing, and the broker says so after the others.
    const nodeId = (
      await docker(playground, 'manager1', ['node', 'inspect', '--format', '{{.ID}}', worker])
    ).stdout.trim();
    await playground.systemctl(worker, 'stop', ['docker.service', 'docker.socket']);
    const warning =
      'error from daemon in stream: Error grabbing logs: rpc error: code = Unknown desc = warning: incomplete log stream. some logs could not be retrieved for the following reasons: ' +
      `node ${nodeId} is not available\n\n`;
    const partial = await docker(playground, 'manager1', 'service logs --tail 1 hi');
    expect(partial.code).toBe(1);
    const lines = partial.stderr.split('\n').slice(0, -3);
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toContain(`@${worker}`);
    expect(partial.stderr.endsWith(warning)).toBe(true);

    // Once the node is Down its old task is replaced; the broker still names it, at once.
    await playground.advance(30_000);
    const later = await docker(playground, 'manager1', 'service logs --tail 1 hi');
    expect(later.stderr.endsWith(warning)).toBe(true);
    expect(later.stderr.split('\n').slice(0, -3)).toHaveLength(3);
  });

  it('follows a container until it exits, and prints what an image writes', async () => {
    const playground = await startPlayground('1m2w');
    await playground.advance(10_000);
    await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--name',
      'once',
      '--restart-condition',
      'none',
      '--constraint',
      'node.role==manager',
      'busybox',
      'sh',
      '-c',
      'echo a; sleep 3; echo b',
    ]);
    await playground.advance(3_500);
    const id = (await docker(playground, 'manager1', 'ps -q')).stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    const followed = await docker(playground, 'manager1', ['logs', '-f', id]);
    expect(followed).toEqual({ stdout: 'a\nb\n', stderr: '', code: 0 });
    const service = await docker(playground, 'manager1', 'service logs --no-task-ids once');
    expect(service.stdout).toBe('once.1@manager1    | a\nonce.1@manager1    | b\n');
  });

  it('follows a service as time passes, until Ctrl+C', async () => {
    const playground = await startPlayground('1m2w');
    await playground.advance(10_000);
    await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--name',
      'tick',
      'busybox',
      'sh',
      '-c',
      'while true; do echo tick; sleep 1; done',
    ]);
    await playground.advance(5_000);
    const cancel = new Canceller();
    const pending = runDocker(['service', 'logs', '-f', '--tail', '1', '--no-task-ids', 'tick'], {
      engine: playground.engine('manager1'),
      clock: playground.clock,
      cancel: cancel.signal,
    });
    for (let step = 0; step < 30; step++) await playground.advance(100);
    cancel.cancel();
    const followed = await whileAdvancing(playground, pending);
    const rows = followed.stdout.trim().split('\n');
    // The last line at first, then one a second for three seconds.
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.length).toBeLessThanOrEqual(5);
    expect(new Set(rows).size).toBe(1);
    expect(rows[0]).toMatch(/^tick\.1@(manager1|worker[12]) {4}\| tick$/);
  });
});
