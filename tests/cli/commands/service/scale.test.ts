import { describe, expect, it } from 'vitest';
import type { Service, ServiceSpec } from '../../../../src/api/service';
import { runDocker } from '../../../support/docker-run';
import { FakeClock } from '../../../support/fake-clock';
import { fakeManagerEngine } from '../../../support/fake-engine';
import { serviceSpec } from '../../../support/service-specs';
import { expectGolden } from '../swarm/golden-run';
import { AGENT, findService, service, slotTasks, WEB } from './fixtures';

const JOB: Service = service(
  'j0b1j0b2j0b3j0b4j0b5j0b6j',
  serviceSpec('batch', { Mode: { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 2 } } }),
);
const UNTAGGED: Service = service(
  'u0u1u2u3u4u5u6u7u8u9uaubu',
  serviceSpec('cache', {
    TaskTemplate: { ...serviceSpec('cache').TaskTemplate, ContainerSpec: { Image: 'redis' } },
  }),
);

function scaleEngine(sent: { id: string; spec: ServiceSpec }[]) {
  return fakeManagerEngine({
    serviceInspect: ({ id }) => findService([WEB, AGENT, JOB, UNTAGGED], id),
    serviceUpdate: ({ id, spec }) => {
      sent.push({ id, spec });
      return Promise.resolve({});
    },
  });
}

describe('docker service scale (arguments, checked before it runs)', () => {
  it('needs at least one SERVICE=REPLICAS', async () => {
    await expectGolden('service/scale-args', ['service', 'scale']);
  });

  it('refuses a specifier without both sides of its =', async () => {
    await expectGolden('service/scale-specifier', ['service', 'scale', 'web=3', 'api']);
    await expectGolden('service/scale-specifier-empty', ['service', 'scale', 'web=']);
  });
});

describe('docker service scale', () => {
  it('sets the replicas (or a job’s completions) and says so for each service, as typed', async () => {
    const sent: { id: string; spec: ServiceSpec }[] = [];
    await expectGolden(
      'service/scale-detach',
      ['service', 'scale', '-d', 'web=5', 'batch=3', 'cache=1'],
      {
        engine: scaleEngine(sent),
      },
    );
    expect(sent.map(({ id, spec }) => [id, spec.Mode])).toEqual([
      [WEB.ID, { Replicated: { Replicas: 5 } }],
      [JOB.ID, { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 3 } }],
      [UNTAGGED.ID, { Replicated: { Replicas: 1 } }],
    ]);
    // The client library tags the image on every update.
    expect(sent[2]?.spec.TaskTemplate.ContainerSpec?.Image).toBe('redis:latest');
  });

  it('scales the others and lists the errors, each after its service', async () => {
    const sent: { id: string; spec: ServiceSpec }[] = [];
    const result = await expectGolden(
      'service/scale-errors',
      ['service', 'scale', '-d', 'agent=2', 'web=abc', 'nosuch=1', 'web=2'],
      { engine: scaleEngine(sent) },
    );
    expect(result.code).toBe(1);
    expect(sent.map(({ id }) => id)).toEqual([WEB.ID]);
  });

  it('waits for each scaled service in turn, without -q', async () => {
    const clock = new FakeClock();
    const engine = fakeManagerEngine({
      serviceInspect: () =>
        Promise.resolve({ ...WEB, Spec: { ...WEB.Spec, Mode: { Replicated: { Replicas: 2 } } } }),
      serviceUpdate: () => Promise.resolve({}),
      taskList: () => Promise.resolve(slotTasks(2, 'running')),
    });
    const result = await runDocker(['service', 'scale', 'web=2'], { engine, clock });
    expect(result.stdout.split('\n').slice(0, 5)).toEqual([
      'web scaled to 2',
      'overall progress: 0 out of 2 tasks',
      '1/2:  ',
      '2/2:  ',
      'overall progress: 2 out of 2 tasks',
    ]);
    expect(result.stdout.endsWith('verify: Service web converged\n')).toBe(true);
  });
});
