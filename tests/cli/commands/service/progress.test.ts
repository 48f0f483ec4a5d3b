import { describe, expect, it } from 'vitest';
import type { Service } from '../../../../src/api/service';
import type { Task, TaskState } from '../../../../src/api/task';
import { runDocker } from '../../../support/docker-run';
import { FakeClock } from '../../../support/fake-clock';
import { serviceSpec } from '../../../support/service-specs';
import { expectGolden } from '../swarm/golden-run';
import { convergingEngine, IDS, service, slotTasks, task } from './fixtures';

/** Job tasks of iteration 7: slots count from 0. */
function jobTask(slot: number | undefined, node: string, state: TaskState): Task {
  return {
    ...task({
      id: `j${slot ?? node.slice(0, 1)}${'x'.repeat(23)}`,
      service: JOB.ID,
      ...(slot === undefined ? {} : { slot }),
      node,
      state,
      desired: 'complete',
    }),
    JobIteration: { Index: 7 },
  };
}

const JOB: Service = service(
  'j0b1j0b2j0b3j0b4j0b5j0b6j',
  serviceSpec('batch', { Mode: { ReplicatedJob: { MaxConcurrent: 2, TotalCompletions: 3 } } }),
  { JobStatus: { JobIteration: { Index: 7 } } },
);

const GLOBAL_JOB: Service = { ...JOB, Spec: { ...JOB.Spec, Mode: { GlobalJob: {} } } };

describe('the progress display of jobs (progress.go job updaters)', () => {
  it('counts completions of a replicated job and ends with `job complete`, no verify', async () => {
    const clock = new FakeClock();
    const engine = convergingEngine(clock, JOB, (ms) => [
      jobTask(0, IDS.manager1, ms < 200 ? 'running' : 'complete'),
      jobTask(1, IDS.worker1, ms < 400 ? 'running' : 'complete'),
      ...(ms < 400 ? [] : [jobTask(2, IDS.manager1, ms < 600 ? 'starting' : 'complete')]),
    ]);
    await expectGolden(
      'service/progress-replicated-job',
      [
        'service',
        'create',
        '--mode',
        'replicated-job',
        '--replicas',
        '3',
        '--max-concurrent',
        '2',
        'busybox',
      ],
      { engine, clock, columns: 120 },
    );
    expect(clock.nowMs).toBe(600);
  });

  it('follows a global job on the nodes it started on', async () => {
    const clock = new FakeClock();
    const engine = convergingEngine(clock, GLOBAL_JOB, (ms) =>
      ms < 200
        ? []
        : [
            jobTask(undefined, IDS.manager1, 'complete'),
            jobTask(undefined, IDS.worker1, ms < 600 ? 'running' : 'complete'),
          ],
    );
    const result = await runDocker(['service', 'create', '--mode', 'global-job', 'busybox'], {
      engine,
      clock,
    });
    expect(result.stdout).toBe(
      ['j0b1j0b2j0b3j0b4j0b5j0b6j', 'job progress: waiting for tasks', 'job complete', ''].join(
        '\n',
      ),
    );
  });

  it('draws only the overall line above 20 replicas', async () => {
    const clock = new FakeClock();
    const many = service(JOB.ID, serviceSpec('many', { Mode: { Replicated: { Replicas: 21 } } }));
    const result = await runDocker(['service', 'create', '--replicas', '21', 'nginx'], {
      engine: convergingEngine(clock, many, () => slotTasks(21, 'running', JOB.ID)),
      clock,
      columns: 120,
    });
    expect(result.stdout).not.toContain('1/21');
    expect(result.stdout).toContain('overall progress: 21 out of 21 tasks');
  });
});
