import { describe, expect, it } from 'vitest';
import { neverCancelled } from '../../src/lib/cancel';
import { dockerOn as docker, startPlayground, whileAdvancing } from '../support/playground';

type Playground = Awaited<ReturnType<typeof startPlayground>>;

async function nodeUpdate(playground: Playground, ...args: string[]): Promise<void> {
  const updated = await docker(playground, 'manager1', ['node', 'update', ...args]);
  expect(updated.code).toBe(0);
}

/** `service ps`'s `{{.Node}}` column, counted per node. */
async function tasksPerNode(playground: Playground, service: string): Promise<Map<string, number>> {
  const ps = await docker(playground, 'manager1', [
    'service',
    'ps',
    '--filter',
    'desired-state=running',
    '--format',
    '{{.Node}}',
    service,
  ]);
  const counts = new Map<string, number>();
  for (const node of ps.stdout.trim().split('\n')) counts.set(node, (counts.get(node) ?? 0) + 1);
  return counts;
}

describe('placement typed in the terminals', () => {
  // A real swarm (engine 20.10.24) with jb-zone=a on one node and jb-zone=b on two put six
  // replicas of `--placement-pref spread=node.labels.jb-zone` three in a, three in b.
  it('spreads replicas evenly over the values of a label, unlabelled nodes a value of their own', async () => {
    const playground = await startPlayground('3m2w');
    await playground.advance(10_000);
    await nodeUpdate(playground, '--label-add', 'zone=a', 'worker1');
    await nodeUpdate(playground, '--label-add', 'zone=b', 'worker2');
    await nodeUpdate(playground, '--label-add', 'zone=b', 'manager2');
    const created = await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--name',
      'web',
      '--replicas',
      '9',
      '--placement-pref',
      'spread=node.labels.zone',
      'nginx',
    ]);
    expect(created.code).toBe(0);
    await playground.advance(6_000);
    const perNode = await tasksPerNode(playground, 'web');
    const zoneOf: Record<string, string> = { worker1: 'a', worker2: 'b', manager2: 'b' };
    const perZone = new Map<string, number>();
    for (const [node, count] of perNode) {
      const zone = zoneOf[node] ?? '';
      perZone.set(zone, (perZone.get(zone) ?? 0) + count);
    }
    expect(Object.fromEntries(perZone)).toEqual({ a: 3, b: 3, '': 3 });
    const pretty = await docker(playground, 'manager1', 'service inspect --pretty web');
    expect(pretty.stdout).toContain('Placement:\n Preferences:   [spread=node.labels.zone]\n');
  }, 30_000);

  // On the real swarm, `docker node update --label-rm jb-zone worker1` under a service
  // constrained to `node.labels.jb-zone==a` gave, for each of its tasks there:
  //   jb-ce.1|Shutdown|Rejected 3 seconds ago|"assigned node no longer meets constraints"
  //   jb-ce.1|Ready|Pending 2 seconds ago|"no suitable node (scheduling constraints not
  //   satisfied on 3 nodes)"
  // with the status message "task rejected by constraint enforcer".
  it('rejects the running tasks of a node that no longer meets the constraints', async () => {
    const playground = await startPlayground('3m2w');
    await playground.advance(10_000);
    await nodeUpdate(playground, '--label-add', 'zone=a', 'worker1');
    const created = await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--name',
      'pinned',
      '--replicas',
      '2',
      '--constraint',
      'node.labels.zone==a',
      'nginx',
    ]);
    expect(created.code).toBe(0);
    await playground.advance(6_000);
    expect(Object.fromEntries(await tasksPerNode(playground, 'pinned'))).toEqual({ worker1: 2 });
    await nodeUpdate(playground, '--label-rm', 'zone', 'worker1');
    await playground.advance(3_000);
    const ps = await docker(playground, 'manager1', [
      'service',
      'ps',
      '--no-trunc',
      '--format',
      '{{.Name}}|{{.Node}}|{{.DesiredState}}|{{.CurrentState}}|{{.Error}}',
      'pinned',
    ]);
    const rows = ps.stdout
      .trim()
      .split('\n')
      .map((row) => row.replace(/ (\d+ seconds|less than a second) ago\|/, '|'));
    expect(rows).toEqual([
      'pinned.1||Ready|Pending|"no suitable node (scheduling constraints not satisfied on 5 nodes)"',
      'pinned.1|worker1|Shutdown|Rejected|"assigned node no longer meets constraints"',
      'pinned.2||Ready|Pending|"no suitable node (scheduling constraints not satisfied on 5 nodes)"',
      'pinned.2|worker1|Shutdown|Rejected|"assigned node no longer meets constraints"',
    ]);
    // `docker inspect` of a task is another part's; the Engine API gives the same task.
    const tasks = await whileAdvancing(
      playground,
      playground.engine('manager1').taskList({ filters: { service: ['pinned'] } }, neverCancelled),
    );
    const statuses = tasks
      .filter((task) => task.Status.State === 'rejected')
      .map((task) => `${task.Status.Message ?? ''}|${task.Status.Err ?? ''}`);
    expect(statuses).toEqual([
      'task rejected by constraint enforcer|assigned node no longer meets constraints',
      'task rejected by constraint enforcer|assigned node no longer meets constraints',
    ]);
  }, 30_000);
});
