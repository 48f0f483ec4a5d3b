import { describe, expect, it } from 'vitest';
import type { Service } from '../../../../src/api/service';
import type { Filters } from '../../../../src/api/swarm';
import {
  daemonError,
  fakeEngine,
  fakeManagerEngine,
  WORKER_NODE,
} from '../../../support/fake-engine';
import { serviceSpec } from '../../../support/service-specs';
import { expectGolden } from '../swarm/golden-run';
import { AGENT, IDS, NGINX_DIGEST, service, task, WEB } from './fixtures';

const status = (running: number, desired: number, completed = 0) => ({
  ServiceStatus: { RunningTasks: running, DesiredTasks: desired, CompletedTasks: completed },
});

const PORTS = [
  { Protocol: 'udp' as const, TargetPort: 53, PublishedPort: 53, PublishMode: 'ingress' as const },
  {
    Protocol: 'tcp' as const,
    TargetPort: 81,
    PublishedPort: 8081,
    PublishMode: 'ingress' as const,
  },
  {
    Protocol: 'tcp' as const,
    TargetPort: 80,
    PublishedPort: 8080,
    PublishMode: 'ingress' as const,
  },
  {
    Protocol: 'tcp' as const,
    TargetPort: 80,
    PublishedPort: 9000,
    PublishMode: 'ingress' as const,
  },
  {
    Protocol: 'tcp' as const,
    TargetPort: 80,
    PublishedPort: 9001,
    PublishMode: 'ingress' as const,
  },
  { Protocol: 'tcp' as const, TargetPort: 9100, PublishedPort: 9100, PublishMode: 'host' as const },
];

/** The services of the table, in store order (not sorted by name). */
const SERVICES: readonly Service[] = [
  { ...WEB, ...status(3, 3) },
  { ...AGENT, ...status(2, 2) },
  service(
    'q2w3e4r5t6y7u8i9o0p1a2s3d',
    serviceSpec('web10', {
      TaskTemplate: {
        ...serviceSpec('x').TaskTemplate,
        ContainerSpec: { Image: `redis:7.2@${NGINX_DIGEST}` },
        Placement: { MaxReplicas: 2 },
      },
      Mode: { Replicated: { Replicas: 4 } },
    }),
    { ...status(4, 4), Endpoint: { Spec: {}, Ports: PORTS } },
  ),
  service(
    'z9x8c7v6b5n4m3l2k1j0h9g8f',
    serviceSpec('web2', {
      TaskTemplate: {
        ...serviceSpec('x').TaskTemplate,
        ContainerSpec: { Image: 'registry.example.com:5000/team/app' },
      },
    }),
    status(0, 1),
  ),
  service(
    'j0b1j0b2j0b3j0b4j0b5j0b6j',
    serviceSpec('batch', { Mode: { ReplicatedJob: { MaxConcurrent: 2, TotalCompletions: 5 } } }),
    status(1, 2, 3),
  ),
  service(
    'g0b1g0b2g0b3g0b4g0b5g0b6g',
    serviceSpec('sweep', { Mode: { GlobalJob: {} } }),
    status(0, 1, 4),
  ),
];

function listEngine(services: readonly Service[] = SERVICES, seen: unknown[] = []) {
  return fakeManagerEngine({
    serviceList: (request) => {
      seen.push(request);
      return Promise.resolve(services);
    },
  });
}

describe('docker service ls', () => {
  it('prints the table sorted by name, with modes, replicas, images and ingress ports', async () => {
    const seen: unknown[] = [];
    const result = await expectGolden('service/ls', ['service', 'ls'], {
      engine: listEngine(SERVICES, seen),
    });
    expect(seen).toEqual([{ filters: {}, status: true }]);
    expect(result.stdout.split('\n')[0]).toBe(
      'ID             NAME      MODE             REPLICAS               IMAGE                                PORTS',
    );
  });

  it('prints 12-character IDs with -q, without asking for the task counts', async () => {
    const seen: unknown[] = [];
    await expectGolden('service/ls-quiet', ['service', 'ls', '-q'], {
      engine: listEngine(SERVICES, seen),
    });
    expect(seen).toEqual([{ filters: {}, status: false }]);
  });

  it('prints an empty table when there is no service', async () => {
    await expectGolden('service/ls-empty', ['service', 'ls'], { engine: listEngine([]) });
  });

  it('passes filters to the daemon and reports its filter error', async () => {
    const seen: { filters: Filters }[] = [];
    await expectGolden(
      'service/ls-filter',
      ['service', 'ls', '-f', 'mode=global', '--filter', 'name=ag'],
      {
        engine: fakeManagerEngine({
          serviceList: (request) => {
            seen.push(request);
            return Promise.resolve([{ ...AGENT, ...status(2, 2) }]);
          },
        }),
      },
    );
    expect(seen[0]?.filters).toEqual({ mode: ['global'], name: ['ag'] });
    await expectGolden('service/ls-invalid-filter', ['service', 'ls', '-f', 'color=red'], {
      engine: fakeManagerEngine({ serviceList: () => daemonError("invalid filter 'color'") }),
    });
  });

  it('formats as json, raw and a custom table or template', async () => {
    const engine = listEngine(SERVICES.slice(0, 3));
    await expectGolden('service/ls-format-json', ['service', 'ls', '--format', 'json'], { engine });
    await expectGolden('service/ls-format-raw', ['service', 'ls', '--format', 'raw'], { engine });
    await expectGolden('service/ls-format-raw-quiet', ['service', 'ls', '--format', 'raw', '-q'], {
      engine,
    });
    await expectGolden(
      'service/ls-format-table',
      ['service', 'ls', '--format', 'table {{.Name}}\\t{{.Replicas}}\\t{{.Ports}}'],
      { engine },
    );
    await expectGolden(
      'service/ls-format-template',
      ['service', 'ls', '-q', '--format', '{{.Name}}: {{.Mode}}'],
      {
        engine,
      },
    );
    await expectGolden('service/ls-format-error', ['service', 'ls', '--format', '{{.Nope}}'], {
      engine,
    });
  });

  it('counts the tasks itself when the daemon gives no ServiceStatus', async () => {
    const tasksSeen: Filters[] = [];
    const engine = fakeManagerEngine({
      serviceList: () => Promise.resolve([WEB, AGENT]),
      taskList: ({ filters }) => {
        tasksSeen.push(filters);
        return Promise.resolve([
          task({ id: 'w1', slot: 1, node: IDS.manager1, state: 'running' }),
          task({ id: 'w2', slot: 2, node: IDS.worker2, state: 'running' }),
          task({ id: 'w3', slot: 3, node: IDS.worker1, state: 'shutdown', desired: 'shutdown' }),
          task({ id: 'a1', service: AGENT.ID, node: IDS.worker1, state: 'running' }),
        ]);
      },
    });
    const result = await expectGolden('service/ls-counted', ['service', 'ls'], { engine });
    expect(tasksSeen).toEqual([{ service: [WEB.ID, AGENT.ID] }]);
    // Desired counts the tasks not shut down; worker2 is down, so its running task is not running.
    expect(result.stdout).toContain('replicated   1/2');
  });

  it('fails as the daemon does on a worker and outside a swarm', async () => {
    await expectGolden('service/ls-on-worker', ['service', 'ls'], {
      engine: fakeManagerEngine({ serviceList: () => daemonError(WORKER_NODE) }),
    });
    await expectGolden('service/ls-not-in-swarm', ['service', 'ls'], { engine: fakeEngine() });
    await expectGolden('service/ls-args', ['service', 'ls', 'web'], { engine: fakeEngine() });
  });
});
