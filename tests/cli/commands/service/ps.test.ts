import { describe, expect, it } from 'vitest';
import type { Service } from '../../../../src/api/service';
import type { Filters } from '../../../../src/api/swarm';
import type { Task } from '../../../../src/api/task';
import {
  daemonError,
  fakeEngine,
  fakeManagerEngine,
  WORKER_NODE,
  type FakeEngineFunctions,
} from '../../../support/fake-engine';
import { expectGolden } from '../swarm/golden-run';
import { AGENT, findService, IDS, NGINX_DIGEST, serviceEngine, task, WEB } from './fixtures';

const OLD_IMAGE = `nginx:1.24@${NGINX_DIGEST}`;

/** web's tasks in store order: slots 1, 2, 3 and 10, with history, and one pending. */
const WEB_TASKS: readonly Task[] = [
  task({
    id: '5ls5s5fldaqgxbaxy2vhmrbsn',
    slot: 3,
    node: IDS.manager1,
    state: 'running',
    since: -4,
    created: -5,
  }),
  task({
    id: 'nvjljf7rmor4s3p8j0ubaaybl',
    slot: 2,
    node: IDS.worker1,
    state: 'rejected',
    desired: 'shutdown',
    since: -300,
    created: -310,
    error:
      'No such image: nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
  }),
  task({
    id: '0qihejybwf1xrrr9skqbm4ccn',
    slot: 1,
    node: IDS.manager1,
    state: 'running',
    since: -70,
    created: -90,
  }),
  task({
    id: 'bk658fpbex0d2hvv3zu0x1qac',
    slot: 2,
    node: IDS.worker1,
    state: 'running',
    since: -65,
    created: -100,
  }),
  task({
    id: 'ky2re9oz86r9rv2yqyr3pe5jg',
    slot: 1,
    node: IDS.manager1,
    state: 'shutdown',
    desired: 'shutdown',
    since: -75,
    created: -400,
    image: OLD_IMAGE,
  }),
  task({
    id: '8ryt076polmcsd6u0xqeqe0sq',
    slot: 10,
    state: 'pending',
    since: -31,
    created: -31,
    error: 'no suitable node (scheduling constraints not satisfied on 5 nodes)',
  }),
];

const AGENT_TASKS: readonly Task[] = [
  task({
    id: 'a9k3m2n1b0v9c8x7z6l5k4j3h',
    service: AGENT.ID,
    node: IDS.worker1,
    state: 'running',
    image: `busybox:latest@${NGINX_DIGEST}`,
    ports: [{ Protocol: 'tcp', TargetPort: 9100, PublishedPort: 9100, PublishMode: 'host' }],
  }),
  task({
    id: 'z9y8x7w6v5u4t3s2r1q0p9o8n',
    service: AGENT.ID,
    node: IDS.manager1,
    state: 'running',
    image: `busybox:latest@${NGINX_DIGEST}`,
    ports: [
      { Protocol: 'tcp', TargetPort: 9100, PublishedPort: 9100, PublishMode: 'host' },
      { Protocol: 'udp', TargetPort: 53, PublishedPort: 5353, PublishMode: 'host' },
    ],
  }),
];

const SERVICES: readonly Service[] = [WEB, AGENT];

/** A manager that filters tasks by `service` as the daemon does, and records the filters. */
function psEngine(
  seen: Filters[] = [],
  services: readonly Service[] = SERVICES,
  functions: FakeEngineFunctions = {},
) {
  return serviceEngine(services, [], {
    serviceList: ({ filters }) =>
      Promise.resolve(
        services.filter(
          (service) =>
            (filters.id ?? []).some((id) => service.ID.startsWith(id)) ||
            (filters.name ?? []).some((name) => service.Spec.Name.startsWith(name)),
        ),
      ),
    taskList: ({ filters }) => {
      seen.push(filters);
      const wanted = filters.service ?? [];
      return Promise.resolve(
        [...WEB_TASKS, ...AGENT_TASKS].filter((t) => wanted.includes(t.ServiceID ?? '')),
      );
    },
    ...functions,
  });
}

describe('docker service ps', () => {
  it('sorts by name then newest first, indents history, truncates IDs, images and errors', async () => {
    const seen: Filters[] = [];
    const result = await expectGolden('service/ps', ['service', 'ps', 'web'], {
      engine: psEngine(seen),
    });
    expect(seen).toEqual([{ service: [WEB.ID] }]);
    expect(result.stdout.split('\n')[2]).toMatch(/^ky2re9oz86r9 {4}\\_ web\.1 {3}nginx:1\.24 /);
  });

  it('mixes several services, names global tasks by node ID, shows host ports', async () => {
    await expectGolden('service/ps-services', ['service', 'ps', 'agent', 'kx8f'], {
      engine: psEngine(),
    });
  });

  it('shows everything with --no-trunc and IDs with --no-resolve', async () => {
    const engine = psEngine();
    await expectGolden('service/ps-no-trunc', ['service', 'ps', '--no-trunc', 'web'], { engine });
    await expectGolden('service/ps-no-resolve', ['service', 'ps', '--no-resolve', 'agent'], {
      engine,
    });
  });

  it('prints full task IDs with -q (it implies --no-trunc), history included', async () => {
    await expectGolden('service/ps-quiet', ['service', 'ps', '-q', 'web'], { engine: psEngine() });
  });

  it('formats with raw, json and templates, without the history indent outside tables', async () => {
    const engine = psEngine();
    await expectGolden(
      'service/ps-format-template',
      ['service', 'ps', '--format', '{{.Name}} {{.DesiredState}}', 'web'],
      {
        engine,
      },
    );
    await expectGolden('service/ps-format-json', ['service', 'ps', '--format', 'json', 'agent'], {
      engine,
    });
    await expectGolden('service/ps-format-raw', ['service', 'ps', '--format', 'raw', 'agent'], {
      engine,
    });
    await expectGolden(
      'service/ps-format-table',
      ['service', 'ps', '--format', 'table {{.Name}}\\t{{.CurrentState}}', 'web'],
      { engine },
    );
  });

  it('passes filters on, with node references resolved (self)', async () => {
    const seen: Filters[] = [];
    await expectGolden(
      'service/ps-filter',
      [
        'service',
        'ps',
        '-f',
        'desired-state=running',
        '-f',
        'node=self',
        '-f',
        'node=worker1',
        'web',
      ],
      { engine: psEngine(seen) },
    );
    expect(seen).toEqual([
      { 'desired-state': ['running'], node: [IDS.manager1, 'worker1'], service: [WEB.ID] },
    ]);
  });

  it('lists the services found and reports the others after the table', async () => {
    const result = await expectGolden(
      'service/ps-some-missing',
      ['service', 'ps', 'nosuch', 'agent', 'other'],
      {
        engine: psEngine(),
      },
    );
    expect(result.code).toBe(1);
    await expectGolden('service/ps-missing', ['service', 'ps', 'nosuch', 'other'], {
      engine: psEngine(),
    });
  });

  it('refuses an ambiguous ID prefix', async () => {
    const twin = {
      ...AGENT,
      ID: 'kx8f4szzzzzzzzzzzzzzzzzzz',
      Spec: { ...AGENT.Spec, Name: 'api' },
    };
    await expectGolden('service/ps-ambiguous', ['service', 'ps', 'agent', 'kx8f'], {
      engine: psEngine([], [WEB, twin, AGENT]),
    });
  });

  it('shows IDs for services and nodes it cannot look up', async () => {
    const lost = psEngine([], SERVICES, {
      serviceInspect: ({ id }) => (id === WEB.ID ? daemonError('gone') : findService(SERVICES, id)),
      nodeInspect: () => daemonError('gone'),
    });
    await expectGolden('service/ps-unresolved', ['service', 'ps', 'web'], { engine: lost });
  });

  it('fails as the daemon does on a worker and outside a swarm', async () => {
    await expectGolden('service/ps-on-worker', ['service', 'ps', 'web'], {
      engine: fakeManagerEngine({ serviceList: () => daemonError(WORKER_NODE) }),
    });
    await expectGolden('service/ps-not-in-swarm', ['service', 'ps', 'web'], {
      engine: fakeEngine(),
    });
    await expectGolden('service/ps-args', ['service', 'ps'], { engine: fakeEngine() });
  });
});
