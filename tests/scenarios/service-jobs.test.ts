import { describe, expect, it } from 'vitest';
import { dockerOn as docker, startPlayground } from '../support/playground';

/**
 * Jobs typed into a 3m2w lab's terminals. The outputs were compared with a real swarm (engine
 * 20.10.24, client 28.2.2: three nodes there, five here), which printed for
 * `--mode replicated-job --replicas 5 --max-concurrent 2`:
 *   jb-rj     replicated job   0/2 (5/5 completed)   busybox:latest
 * four rows `jb-rj.1`…`jb-rj.4` and one `jb-rj.<node ID>` (slot 0), each `Complete  Complete N
 * seconds ago`; `{"JobIteration":{},"LastExecution":"…"}`; after `service update --force` the
 * old iteration's rows stayed as ` \_ jb-rj.1` history and JobIteration became `{"Index":1}`;
 * `scale` on a global job: `jb-gj: scale can only be used with replicated or replicated-job mode`.
 */
describe('jobs, typed in the terminals', () => {
  it('runs a replicated job to completion, lists it, and runs it again on --force', async () => {
    const playground = await startPlayground('3m2w');
    await playground.advance(10_000);
    const created = await docker(playground, 'manager1', [
      'service',
      'create',
      '--name',
      'rj',
      '--mode',
      'replicated-job',
      '--replicas',
      '5',
      '--max-concurrent',
      '2',
      'busybox',
      'sleep',
      '3',
    ]);
    expect(created.code).toBe(0);
    // Without a terminal only the lines without a bar are printed.
    expect(created.stdout).toMatch(
      /^[0-9a-z]{25}\nactive tasks: 0 out of 2 tasks\n1\/5: {2}\n2\/5: {2}\n3\/5: {2}\n4\/5: {2}\n5\/5: {2}\n/,
    );
    expect(created.stdout).toContain('active tasks: 1 out of 1 tasks\n');
    expect(created.stdout).toMatch(/active tasks: 0 out of 0 tasks\njob complete\n$/);

    const ls = await docker(playground, 'manager1', 'service ls');
    expect(ls.stdout).toMatch(/ rj +replicated job +0\/2 \(5\/5 completed\) +busybox:latest +\n/);

    const ps = await docker(playground, 'manager1', [
      'service',
      'ps',
      '--format',
      '{{.Name}} {{.DesiredState}} {{.CurrentState}}',
      'rj',
    ]);
    const rows = ps.stdout
      .trim()
      .split('\n')
      .map((row) => row.replace(/ \d+ seconds ago$| less than a second ago$/, ''));
    // The fifth task is named by its ID, so where it sorts among the others is the seed's.
    expect(rows).toHaveLength(5);
    expect(rows).toEqual(
      expect.arrayContaining([
        'rj.1 Complete Complete',
        'rj.2 Complete Complete',
        'rj.3 Complete Complete',
        'rj.4 Complete Complete',
        expect.stringMatching(/^rj\.[0-9a-z]{25} Complete Complete$/),
      ]),
    );

    const status = await docker(playground, 'manager1', [
      'service',
      'inspect',
      '--format',
      '{{json .JobStatus}}',
      'rj',
    ]);
    expect(status.stdout).toMatch(/^\{"JobIteration":\{\},"LastExecution":"[^"]+Z"\}\n$/);

    const forced = await docker(playground, 'manager1', 'service update --force rj');
    expect(forced.stdout).toMatch(/^rj\n[\s\S]*job complete\n$/);
    const again = await docker(playground, 'manager1', [
      'service',
      'inspect',
      '--format',
      '{{json .JobStatus.JobIteration}}',
      'rj',
    ]);
    expect(again.stdout).toBe('{"Index":1}\n');
    const history = await docker(playground, 'manager1', 'service ps -q rj');
    expect(history.stdout.trim().split('\n')).toHaveLength(10);
    expect((await docker(playground, 'manager1', 'service ls')).stdout).toContain(
      '0/2 (5/5 completed)',
    );
  }, 30_000);

  it('runs a global job once on every node', async () => {
    const playground = await startPlayground('3m2w');
    await playground.advance(10_000);
    const created = await docker(playground, 'manager1', [
      'service',
      'create',
      '-d',
      '--name',
      'gj',
      '--mode',
      'global-job',
      'busybox',
      'sleep',
      '2',
    ]);
    expect(created.code).toBe(0);
    await playground.advance(1_000);
    expect((await docker(playground, 'manager1', 'service ls')).stdout).toMatch(
      / gj +global job +[0-5]\/5 \(0\/5 completed\) +busybox:latest/,
    );
    await playground.advance(8_000);
    expect((await docker(playground, 'manager1', 'service ls')).stdout).toMatch(
      / gj +global job +0\/0 \(5\/5 completed\) +busybox:latest/,
    );
    const ps = await docker(playground, 'manager1', [
      'service',
      'ps',
      '--format',
      '{{.Node}} {{.DesiredState}} {{.CurrentState}}',
      'gj',
    ]);
    const nodes = ps.stdout
      .trim()
      .split('\n')
      .map((row) => row.replace(/ Complete Complete \d+ seconds ago$/, ''))
      .sort();
    expect(nodes).toEqual(['manager1', 'manager2', 'manager3', 'worker1', 'worker2']);
    // A global job drops its earlier iteration's tasks, completed ones too: on the real swarm,
    // `service update --force` left one row per node.
    const forced = await docker(playground, 'manager1', 'service update -d --force gj');
    expect(forced.code).toBe(0);
    await playground.advance(8_000);
    const rerun = await docker(playground, 'manager1', [
      'service',
      'ps',
      '--format',
      '{{.DesiredState}} {{.CurrentState}}',
      'gj',
    ]);
    expect(
      rerun.stdout
        .trim()
        .split('\n')
        .map((row) => row.replace(/ \d+ seconds ago$/, '')),
    ).toEqual(Array.from({ length: 5 }, () => 'Complete Complete'));
    const scaled = await docker(playground, 'manager1', 'service scale gj=3');
    expect(scaled.code).toBe(1);
    expect(scaled.stderr).toBe(
      'gj: scale can only be used with replicated or replicated-job mode\n',
    );
  }, 30_000);

  // On the real swarm, `--mode replicated-job --replicas 1 busybox false` gave after 14 s one
  // `Ready` task and three `Shutdown  Failed … "task: non-zero exit (1)"` in its slot, and with
  // `--restart-condition none` a single failed task and nothing after it.
  it('restarts a failed job task unless its restart condition is none', async () => {
    const playground = await startPlayground('3m2w');
    await playground.advance(10_000);
    for (const [name, extra] of [
      ['fails', []],
      ['once', ['--restart-condition', 'none']],
    ] as const) {
      const created = await docker(playground, 'manager1', [
        'service',
        'create',
        '-d',
        '--name',
        name,
        '--mode',
        'replicated-job',
        '--replicas',
        '1',
        ...extra,
        'busybox',
        'false',
      ]);
      expect(created.code).toBe(0);
    }
    await playground.advance(14_000);
    const rows = async (name: string): Promise<string[]> =>
      (
        await docker(playground, 'manager1', [
          'service',
          'ps',
          '--format',
          '{{.DesiredState}}|{{.CurrentState}}|{{.Error}}',
          name,
        ])
      ).stdout
        .trim()
        .split('\n')
        .map((row) => row.replace(/ (\d+ seconds|less than a second) ago\|/, '|'));
    const fails = await rows('fails');
    expect(fails.length).toBeGreaterThanOrEqual(3);
    expect(new Set(fails.slice(1))).toEqual(new Set(['Shutdown|Failed|"task: non-zero exit (1)"']));
    expect(await rows('once')).toEqual(['Shutdown|Failed|"task: non-zero exit (1)"']);
    const policy = await docker(playground, 'manager1', [
      'service',
      'inspect',
      '--format',
      '{{json .Spec.TaskTemplate.RestartPolicy}}',
      'fails',
    ]);
    expect(policy.stdout).toBe('{"Condition":"any","Delay":5000000000,"MaxAttempts":0}\n');
  }, 30_000);
});
