import { describe, expect, it } from 'vitest';
import type {
  Service,
  ServiceRollback,
  ServiceSpec,
  UpdateStatus,
} from '../../../../src/api/service';
import { DaemonError } from '../../../../src/api/errors';
import { runDocker } from '../../../support/docker-run';
import { FakeClock } from '../../../support/fake-clock';
import { daemonError, fakeManagerEngine } from '../../../support/fake-engine';
import { serviceSpec } from '../../../support/service-specs';
import { expectGolden } from '../swarm/golden-run';
import {
  convergingEngine,
  findService,
  NGINX_DIGEST,
  NGINX_DISTRIBUTION,
  service,
  SERVICE_IDS,
  slotTasks,
  WEB,
} from './fixtures';

interface SentUpdate {
  readonly id: string;
  readonly version: number;
  readonly spec: ServiceSpec;
  readonly rollback: ServiceRollback;
}

/** web as the daemon stores it, with a little of everything to edit. */
const CURRENT: Service = service(
  SERVICE_IDS.web,
  serviceSpec('web', {
    Labels: { keep: 'yes', drop: 'me' },
    TaskTemplate: {
      ContainerSpec: {
        Image: `nginx:1.24@${NGINX_DIGEST}`,
        Env: ['A=1', 'B=2'],
        Init: false,
        Mounts: [
          { Type: 'volume', Source: 'logs', Target: '/var/log' },
          { Type: 'volume', Source: 'data', Target: '/data' },
        ],
        DNSConfig: { Nameservers: ['8.8.8.8'] },
        Hosts: ['10.0.0.5 db cache'],
        Isolation: 'default',
      },
      Resources: { Limits: {}, Reservations: {} },
      Placement: { Constraints: ['node.role==worker'] },
      ForceUpdate: 2,
      Runtime: 'container',
    },
    Mode: { Replicated: { Replicas: 2 } },
    EndpointSpec: {
      Mode: 'vip',
      Ports: [
        { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' },
        { Protocol: 'udp', TargetPort: 53, PublishedPort: 53, PublishMode: 'ingress' },
      ],
    },
  }),
  { Version: { Index: 77 } },
);

function updateEngine(sent: SentUpdate[], current: Service = CURRENT, images: string[] = []) {
  return fakeManagerEngine({
    serviceInspect: ({ id }) => findService([current], id),
    distributionInspect: ({ image }) => {
      images.push(image);
      return Promise.resolve(NGINX_DISTRIBUTION);
    },
    serviceUpdate: (request) => {
      sent.push(request);
      return Promise.resolve({});
    },
  });
}

async function sentSpec(flags: readonly string[], current: Service = CURRENT): Promise<SentUpdate> {
  const sent: SentUpdate[] = [];
  const result = await runDocker(['service', 'update', '-d', ...flags, 'web'], {
    engine: updateEngine(sent, current),
  });
  expect(result).toEqual({ stdout: 'web\n', stderr: '', code: 0 });
  const [update] = sent;
  if (update === undefined) throw new Error('no update sent');
  return update;
}

const NETWORK_STUB = {
  Name: '',
  Id: '',
  Created: '2026-12-07T23:08:10.11212992Z',
  Scope: 'swarm',
  Driver: 'overlay',
  EnableIPv6: false,
  IPAM: { Driver: 'default', Options: null, Config: [] },
  Internal: false,
  Attachable: false,
  Ingress: false,
  ConfigFrom: { Network: '' },
  ConfigOnly: false,
  Containers: null,
  Options: null,
  Labels: null,
} as const;

describe('docker service update: the spec it sends (update.go updateService)', () => {
  it('sends the current spec back with the version read when only -d is given', async () => {
    const update = await sentSpec([]);
    expect(update.id).toBe(SERVICE_IDS.web);
    expect(update.version).toBe(77);
    expect(update.rollback).toBe('none');
    // Mounts are rebuilt on every update: sorted by source.
    expect(update.spec.TaskTemplate.ContainerSpec?.Mounts).toEqual([
      { Type: 'volume', Source: 'data', Target: '/data' },
      { Type: 'volume', Source: 'logs', Target: '/var/log' },
    ]);
    expect({
      ...update.spec,
      TaskTemplate: { ...update.spec.TaskTemplate, ContainerSpec: {} },
    }).toEqual({
      ...CURRENT.Spec,
      TaskTemplate: { ...CURRENT.Spec.TaskTemplate, ContainerSpec: {} },
    });
  });

  it('applies the list and map flags as docker does', async () => {
    const update = await sentSpec([
      '--label-add',
      'new=1',
      '--label-rm',
      'drop',
      '--label-rm',
      'absent',
      '--env-add',
      'A=9',
      '--env-add',
      'C=3',
      '--env-rm',
      'B',
      '--mount-add',
      'type=bind,src=/srv,dst=/data',
      '--mount-rm',
      '/var/log',
      '--constraint-add',
      'node.labels.zone==a',
      '--constraint-rm',
      'node.role==worker',
      '--dns-add',
      '1.1.1.1',
      '--dns-rm',
      '8.8.8.8',
      '--dns-search-add',
      'example.com',
      '--host-add',
      'api:10.0.0.6',
      '--host-rm',
      'cache',
      '--publish-add',
      '9090:90',
      '--publish-rm',
      '53/udp',
      '--group-add',
      'wheel',
      '--cap-add',
      'net_admin',
    ]);
    expect(update.spec.Labels).toEqual({ keep: 'yes', new: '1' });
    expect(update.spec.TaskTemplate.ContainerSpec).toEqual({
      Image: `nginx:1.24@${NGINX_DIGEST}`,
      Env: ['A=9', 'C=3'],
      Groups: ['wheel'],
      Init: false,
      Mounts: [{ Type: 'bind', Source: '/srv', Target: '/data' }],
      Hosts: ['10.0.0.5 db', '10.0.0.6 api'],
      DNSConfig: { Nameservers: ['1.1.1.1'], Search: ['example.com'] },
      Isolation: 'default',
      CapabilityAdd: ['CAP_NET_ADMIN'],
    });
    expect(update.spec.TaskTemplate.Placement).toEqual({ Constraints: ['node.labels.zone==a'] });
    expect(update.spec.EndpointSpec).toEqual({
      Mode: 'vip',
      Ports: [
        { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' },
        { Protocol: 'tcp', TargetPort: 90, PublishedPort: 9090, PublishMode: 'ingress' },
      ],
    });
  });

  it('removes a published port by its target port, not its published one', async () => {
    const byPublished = await sentSpec(['--publish-rm', '8080']);
    expect(byPublished.spec.EndpointSpec?.Ports).toHaveLength(2);
    const byTarget = await sentSpec(['--publish-rm', '80']);
    expect(byTarget.spec.EndpointSpec?.Ports).toEqual([
      { Protocol: 'udp', TargetPort: 53, PublishedPort: 53, PublishMode: 'ingress' },
    ]);
  });

  it('sets replicas, placement, resources, restart, update and rollback configs, and --force', async () => {
    const update = await sentSpec([
      '--replicas',
      '5',
      '--replicas-max-per-node',
      '3',
      '--limit-memory',
      '128m',
      '--reserve-cpu',
      '0.25',
      '--restart-max-attempts',
      '2',
      '--update-parallelism',
      '0',
      '--update-order',
      'start-first',
      '--rollback-delay',
      '3s',
      '--stop-grace-period',
      '1m',
      '--endpoint-mode',
      'dnsrr',
      '--force',
      '--read-only',
      '--tty=false',
      '--log-driver',
      'syslog',
    ]);
    const spec = update.spec;
    expect(spec.Mode).toEqual({ Replicated: { Replicas: 5 } });
    expect(spec.TaskTemplate.Placement).toEqual({
      Constraints: ['node.role==worker'],
      MaxReplicas: 3,
    });
    expect(spec.TaskTemplate.Resources).toEqual({
      Limits: { MemoryBytes: 134_217_728 },
      Reservations: { NanoCPUs: 250_000_000 },
    });
    expect(spec.TaskTemplate.RestartPolicy).toEqual({
      Condition: 'any',
      Delay: 5_000_000_000,
      MaxAttempts: 2,
    });
    expect(spec.UpdateConfig).toEqual({
      Parallelism: 0,
      FailureAction: 'pause',
      Monitor: 5_000_000_000,
      MaxFailureRatio: 0,
      Order: 'start-first',
    });
    expect(spec.RollbackConfig).toEqual({
      Parallelism: 1,
      Delay: 3_000_000_000,
      FailureAction: 'pause',
      Monitor: 5_000_000_000,
      MaxFailureRatio: 0,
      Order: 'stop-first',
    });
    expect(spec.TaskTemplate.ContainerSpec?.StopGracePeriod).toBe(60_000_000_000);
    expect(spec.TaskTemplate.ContainerSpec?.ReadOnly).toBe(true);
    expect(spec.TaskTemplate.ForceUpdate).toBe(3);
    expect(spec.TaskTemplate.LogDriver).toEqual({ Name: 'syslog' });
    expect(spec.EndpointSpec?.Mode).toBe('dnsrr');
    expect(Object.keys(spec.TaskTemplate)).toEqual([
      'ContainerSpec',
      'Resources',
      'RestartPolicy',
      'Placement',
      'LogDriver',
      'ForceUpdate',
      'Runtime',
    ]);
  });

  it('pins a new --image through the registry; other updates only tag the image', async () => {
    const sent: SentUpdate[] = [];
    const images: string[] = [];
    await runDocker(['service', 'update', '-d', '--image', 'nginx', 'web'], {
      engine: updateEngine(sent, CURRENT, images),
    });
    expect(images).toEqual(['nginx:latest']);
    expect(sent[0]?.spec.TaskTemplate.ContainerSpec?.Image).toBe(`nginx:latest@${NGINX_DIGEST}`);
    expect(sent[0]?.spec.TaskTemplate.Placement?.Platforms).toHaveLength(2);
    const untagged = service(
      SERVICE_IDS.web,
      serviceSpec('web', {
        TaskTemplate: { ...serviceSpec('web').TaskTemplate, ContainerSpec: { Image: 'redis' } },
      }),
    );
    const tagged = await sentSpec(['--replicas', '1'], untagged);
    expect(tagged.spec.TaskTemplate.ContainerSpec?.Image).toBe('redis:latest');
    expect(images).toEqual(['nginx:latest']);
  });

  it('sets health settings and clears a NONE test', async () => {
    const none = service(
      SERVICE_IDS.web,
      serviceSpec('web', {
        TaskTemplate: {
          ...serviceSpec('web').TaskTemplate,
          ContainerSpec: { Image: 'nginx:latest', Healthcheck: { Test: ['NONE'] } },
        },
      }),
    );
    const update = await sentSpec(['--health-interval', '5s', '--health-retries', '2'], none);
    expect(update.spec.TaskTemplate.ContainerSpec?.Healthcheck).toEqual({
      Interval: 5_000_000_000,
      Retries: 2,
    });
    const disabled = await sentSpec(['--no-healthcheck']);
    expect(disabled.spec.TaskTemplate.ContainerSpec?.Healthcheck).toEqual({ Test: ['NONE'] });
  });

  it('asks for a rollback with --rollback, sending the current spec', async () => {
    const update = await sentSpec(['--rollback', '-q']);
    expect(update.rollback).toBe('previous');
  });
});

describe('docker service update: errors', () => {
  it.each([
    ['update-rollback-combined', ['--rollback', '--replicas', '3']],
    ['update-replicas-global', ['--replicas', '3']],
    ['update-mount-duplicate', ['--mount-add', 'target=/x', '--mount-add', 'type=tmpfs,target=/x']],
    ['update-generic-missing', ['--generic-resource-rm', 'gpu']],
    ['update-healthcheck-conflict', ['--no-healthcheck', '--health-cmd', 'true']],
  ])('%s: a CLI error after reading the service, nothing sent', async (name, flags) => {
    const sent: SentUpdate[] = [];
    const global = { ...CURRENT, Spec: { ...CURRENT.Spec, Mode: { Global: {} } } };
    const result = await expectGolden(`service/${name}`, ['service', 'update', ...flags, 'web'], {
      engine: updateEngine(sent, name === 'update-replicas-global' ? global : CURRENT),
    });
    expect(result.code).toBe(1);
    expect(sent).toEqual([]);
  });

  it('has no --env, --label or -p (only their -add and -rm forms)', async () => {
    const engine = updateEngine([]);
    await expectGolden('service/update-no-env', ['service', 'update', '--env', 'A=1', 'web'], {
      engine,
    });
    await expectGolden('service/update-no-publish', ['service', 'update', '-p', '80', 'web'], {
      engine,
    });
    await expectGolden('service/update-args', ['service', 'update'], { engine });
  });

  it('prints the daemon errors: a missing service, a stale version', async () => {
    await expectGolden(
      'service/update-missing',
      ['service', 'update', '--replicas', '2', 'nosuch'],
      {
        engine: updateEngine([]),
      },
    );
    await expectGolden('service/update-out-of-sequence', ['service', 'update', '--force', 'web'], {
      engine: fakeManagerEngine({
        serviceInspect: () => Promise.resolve(CURRENT),
        serviceUpdate: () => daemonError('rpc error: code = Unknown desc = update out of sequence'),
      }),
    });
  });

  it('looks --network-add and --network-rm up as swarm networks (update.go updateNetworks)', async () => {
    const sent: SentUpdate[] = [];
    const scopes: string[] = [];
    const networks: Record<string, string> = { front: 'frontid', back: 'backid' };
    const engine = {
      ...updateEngine(sent, {
        ...CURRENT,
        Spec: {
          ...CURRENT.Spec,
          TaskTemplate: { ...CURRENT.Spec.TaskTemplate, Networks: [{ Target: 'frontid' }] },
        },
      }),
      networkInspect: ({ id, scope }: { readonly id: string; readonly scope: string }) => {
        scopes.push(scope);
        const found = networks[id];
        return found === undefined
          ? daemonError(`network ${id} not found`)
          : Promise.resolve({ ...NETWORK_STUB, Id: found, Name: id });
      },
    };
    let result = await runDocker(
      ['service', 'update', '-d', '--network-add', 'back', '--network-rm', 'front', 'web'],
      { engine },
    );
    expect(result).toEqual({ stdout: 'web\n', stderr: '', code: 0 });
    expect(sent[0]?.spec.TaskTemplate.Networks).toEqual([{ Target: 'backid' }]);
    expect(scopes).toEqual(['swarm', 'swarm']);
    result = await runDocker(['service', 'update', '-d', '--network-add', 'front', 'web'], {
      engine,
    });
    expect(result).toEqual({
      stdout: '',
      stderr: 'service is already attached to network front\n',
      code: 1,
    });
    result = await runDocker(['service', 'update', '-d', '--network-add', 'nosuch', 'web'], {
      engine,
    });
    expect(result).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: network nosuch not found\n',
      code: 1,
    });
  });
});

/** web with the update status the daemon reports `ms` after the update was sent. */
function updating(statusAt: (ms: number) => UpdateStatus | undefined, clock: FakeClock): Service {
  const current = { ...WEB, Spec: { ...WEB.Spec, Mode: { Replicated: { Replicas: 2 } } } };
  const status = statusAt(clock.nowMs);
  return status === undefined ? current : { ...current, UpdateStatus: status };
}

function progressEngine(clock: FakeClock, statusAt: (ms: number) => UpdateStatus | undefined) {
  return convergingEngine(
    clock,
    WEB,
    (ms) => (ms < 400 ? [] : slotTasks(2, ms < 800 ? 'starting' : 'running')),
    {
      serviceInspect: () => Promise.resolve(updating(statusAt, clock)),
    },
  );
}

describe('docker service update: the progress display', () => {
  it('prints the argument as typed and follows the update to `Service web converged`', async () => {
    const clock = new FakeClock();
    const engine = progressEngine(clock, (ms) =>
      ms < 1000 ? { State: 'updating', Message: 'update in progress' } : { State: 'completed' },
    );
    await expectGolden(
      'service/update-progress',
      ['service', 'update', '--image', 'nginx:1.25', 'web'],
      {
        engine,
        clock,
      },
    );
    expect(clock.nowMs).toBe(5800);
  });

  it('ends at once when the update has already completed', async () => {
    const clock = new FakeClock();
    const result = await runDocker(['service', 'update', '--force', 'web'], {
      engine: progressEngine(clock, () => ({ State: 'completed', Message: 'update completed' })),
      clock,
    });
    expect(result).toEqual({ stdout: 'web\n', stderr: '', code: 0 });
  });

  it('fails when the update pauses', async () => {
    const clock = new FakeClock();
    const engine = progressEngine(clock, (ms) =>
      ms < 600
        ? { State: 'updating' }
        : {
            State: 'paused',
            Message: 'update paused due to failure or early termination of task t1xx',
          },
    );
    const result = await expectGolden(
      'service/update-progress-paused',
      ['service', 'update', '--force', 'web'],
      {
        engine,
        clock,
      },
    );
    expect(result.code).toBe(1);
  });

  it('follows a rollback: its message first, then the rolled-back tasks, then its end', async () => {
    const clock = new FakeClock();
    // The rollback completes before the tasks converge, so its line follows the verify line.
    const engine = progressEngine(clock, (ms) =>
      ms < 600
        ? { State: 'rollback_started', Message: 'manually requested rollback' }
        : { State: 'rollback_completed', Message: 'rollback completed' },
    );
    await expectGolden(
      'service/update-progress-rollback',
      ['service', 'update', '--rollback', 'web'],
      {
        engine,
        clock,
        columns: 120,
      },
    );
    const paused = new FakeClock();
    const result = await runDocker(['service', 'rollback', 'web'], {
      engine: progressEngine(paused, () => ({
        State: 'rollback_paused',
        Message: 'rollback paused due to failure or early termination of task t1xx',
      })),
      clock: paused,
    });
    expect(result.stderr).toBe(
      'service rollback paused: rollback paused due to failure or early termination of task t1xx\n',
    );
  });

  it('reports the daemon error of a lost service while waiting', async () => {
    const clock = new FakeClock();
    const engine = convergingEngine(clock, WEB, () => slotTasks(2, 'running'), {
      serviceInspect: () =>
        clock.sleeps.length === 0
          ? Promise.resolve(WEB)
          : Promise.reject(new DaemonError('not-found', 'service web not found')),
    });
    const result = await runDocker(['service', 'update', '-q', '--force', 'web'], {
      engine,
      clock,
    });
    expect(result).toEqual({
      stdout: 'web\n',
      stderr: 'Error response from daemon: service web not found\n',
      code: 1,
    });
  });
});
