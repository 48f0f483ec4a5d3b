import { describe, expect, it } from 'vitest';
import type { Service } from '../../../../src/api/service';
import { FakeClock } from '../../../support/fake-clock';
import { daemonError, fakeManagerEngine } from '../../../support/fake-engine';
import { runDocker } from '../../../support/docker-run';
import { expectGolden } from '../swarm/golden-run';
import { at, findService, NGINX_DIGEST, SERVICE_IDS, WEB } from './fixtures';

const UPDATE_DEFAULTS = {
  Parallelism: 1,
  FailureAction: 'pause' as const,
  Monitor: 5_000_000_000,
  MaxFailureRatio: 0,
  Order: 'stop-first' as const,
};

/** web as `GET /services/web?insertDefaults=true` answers it after an update (reference §9.2). */
const INSPECTED: Service = {
  ...WEB,
  Spec: {
    Name: 'web',
    Labels: { tier: 'front', owner: '' },
    TaskTemplate: {
      ContainerSpec: {
        Image: `nginx:latest@${NGINX_DIGEST}`,
        Init: false,
        StopGracePeriod: 10_000_000_000,
        DNSConfig: {},
        Isolation: 'default',
      },
      Resources: { Limits: {}, Reservations: {} },
      RestartPolicy: { Condition: 'any', Delay: 5_000_000_000, MaxAttempts: 0 },
      Placement: {},
      ForceUpdate: 0,
      Runtime: 'container',
    },
    Mode: { Replicated: { Replicas: 3 } },
    UpdateConfig: UPDATE_DEFAULTS,
    RollbackConfig: UPDATE_DEFAULTS,
    EndpointSpec: {
      Mode: 'vip',
      Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' }],
    },
  },
  UpdateStatus: {
    State: 'completed',
    StartedAt: at(-130),
    CompletedAt: at(-70),
    Message: 'update completed',
  },
};

/** A service with every optional block of the pretty template. */
const FULL: Service = {
  ...INSPECTED,
  ID: 'f0f1f2f3f4f5f6f7f8f9fafbf',
  Spec: {
    ...INSPECTED.Spec,
    Name: 'full',
    TaskTemplate: {
      ...INSPECTED.Spec.TaskTemplate,
      ContainerSpec: {
        Image: 'busybox:1.36',
        Args: ['sleep', '1d'],
        Env: ['A=1', 'B=2'],
        Dir: '/srv',
        User: 'nobody',
        Init: true,
        Mounts: [{ Type: 'volume', Source: 'data', Target: '/data' }],
        Healthcheck: { Test: ['CMD-SHELL', 'true'], Interval: 10_000_000_000, Retries: 3 },
        Secrets: [
          {
            File: { Name: 'db_password', UID: '0', GID: '0', Mode: 292 },
            SecretID: 's1',
            SecretName: 'db_password',
          },
        ],
        Sysctls: { 'net.core.somaxconn': '1024' },
        CapabilityAdd: ['CAP_NET_ADMIN', 'CAP_SYS_TIME'],
        CapabilityDrop: ['CAP_MKNOD'],
        Ulimits: [{ Name: 'nofile', Hard: 2048, Soft: 1024 }],
      },
      Resources: {
        Limits: { NanoCPUs: 500_000_000, MemoryBytes: 268_435_456, Pids: 100 },
        Reservations: { NanoCPUs: 2_000_000_000, MemoryBytes: 64 * 1024 * 1024 },
      },
      Placement: {
        Constraints: ['node.role==worker', 'node.labels.zone!=b'],
        Preferences: [{ Spread: { SpreadDescriptor: 'node.labels.zone' } }],
        MaxReplicas: 2,
      },
      Networks: [{ Target: 'r9h4gq0yhb3v6l8n2m4p6q8s0' }],
      LogDriver: { Name: 'json-file', Options: { 'max-size': '10m', 'max-file': '3' } },
    },
    Mode: { Global: {} },
    UpdateConfig: { ...UPDATE_DEFAULTS, Delay: 10_000_000_000, MaxFailureRatio: 0.1 },
    RollbackConfig: { ...UPDATE_DEFAULTS, Monitor: 0, Order: 'start-first' },
  },
  Endpoint: {
    Spec: {},
    Ports: [
      { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' },
      { Protocol: 'udp', TargetPort: 53, PublishedPort: 30001, PublishMode: 'ingress' },
    ],
  },
  UpdateStatus: { State: 'updating', StartedAt: at(-5), Message: 'update in progress' },
};

function inspectEngine(services: readonly Service[] = [INSPECTED, FULL], seen: unknown[] = []) {
  return fakeManagerEngine({
    serviceInspect: (request) => {
      seen.push(request);
      return findService(services, request.id);
    },
  });
}

describe('docker service inspect', () => {
  it('prints the JSON with defaults inserted, maps sorted, indented 4 spaces', async () => {
    const seen: unknown[] = [];
    const result = await expectGolden('service/inspect', ['service', 'inspect', 'web'], {
      engine: inspectEngine([INSPECTED], seen),
    });
    expect(seen).toEqual([{ id: 'web', insertDefaults: true }]);
    expect(result.stdout).toContain(
      '"Labels": {\n                "owner": "",\n                "tier": "front"',
    );
  });

  it('prints compact JSON, and a template per service against swarm.Service', async () => {
    const engine = inspectEngine();
    await expectGolden(
      'service/inspect-format-json',
      ['service', 'inspect', '--format', 'json', 'web'],
      {
        engine,
      },
    );
    await expectGolden(
      'service/inspect-format',
      [
        'service',
        'inspect',
        '-f',
        '{{.Spec.Name}} {{.Spec.Mode.Replicated.Replicas}} {{.Spec.UpdateConfig.Monitor}} {{json .Spec.Mode}} {{.UpdateStatus.State}} {{.CreatedAt}}',
        'web',
      ],
      { engine },
    );
  });

  it('reports a template error per service after the others, as docker 27 frames it', async () => {
    const engine = inspectEngine();
    const result = await expectGolden(
      'service/inspect-format-nil',
      ['service', 'inspect', '--format', '{{.Spec.Mode.Replicated.Replicas}}', 'web', 'full'],
      { engine },
    );
    expect(result.code).toBe(1);
    await expectGolden(
      'service/inspect-format-parse',
      ['service', 'inspect', '--format', '{{.Spec', 'web'],
      {
        engine,
      },
    );
  });

  it('prints [] and the lookup errors: missing, ambiguous, empty', async () => {
    const twins = [
      INSPECTED,
      { ...INSPECTED, ID: 'kx8f4szzzzzzzzzzzzzzzzzzz', Spec: { ...INSPECTED.Spec, Name: 'web2' } },
    ];
    await expectGolden('service/inspect-missing', ['service', 'inspect', 'nosuch'], {
      engine: inspectEngine(),
    });
    await expectGolden(
      'service/inspect-some-missing',
      ['service', 'inspect', 'nosuch', 'web', 'kx8f4s', ''],
      {
        engine: inspectEngine(twins),
      },
    );
  });

  it('prints the pretty text of docker 27.5.1, tabs included', async () => {
    const clock = new FakeClock();
    const result = await runDocker(['service', 'inspect', '--pretty', 'web'], {
      engine: inspectEngine(),
      clock,
    });
    const update = [
      ' Parallelism:\t1',
      ' On failure:\tpause',
      ' Monitoring Period: 5s',
      ' Max failure ratio: 0',
    ];
    expect(result.stdout).toBe(
      [
        '',
        `ID:\t\t${SERVICE_IDS.web}`,
        'Name:\t\tweb',
        'Labels:',
        ' owner',
        ' tier=front',
        'Service Mode:\tReplicated',
        ' Replicas:\t3',
        'UpdateStatus:',
        ' State:\t\tcompleted',
        ' Started:\t2 minutes ago',
        ' Completed:\tAbout a minute ago',
        ' Message:\tupdate completed',
        'Placement:',
        'UpdateConfig:',
        ...update,
        ' Update order:      stop-first',
        'RollbackConfig:',
        ...update,
        ' Rollback order:    stop-first',
        'ContainerSpec:',
        ` Image:\t\tnginx:latest@${NGINX_DIGEST}`,
        ' Init:\t\tfalse',
        'Resources:',
        'Endpoint Mode:\tvip',
        'Ports:',
        ' PublishedPort = 8080',
        '  Protocol = tcp',
        '  TargetPort = 80',
        '  PublishMode = ingress ',
        '',
        '',
      ].join('\n'),
    );
  });

  it('prints every optional block of the pretty template', async () => {
    await expectGolden(
      'service/inspect-pretty-full',
      ['service', 'inspect', '--pretty', 'full', 'web'],
      {
        engine: inspectEngine(),
      },
    );
  });

  it('refuses --pretty with --format, and extra text after pretty', async () => {
    const engine = inspectEngine();
    await expectGolden(
      'service/inspect-pretty-format',
      ['service', 'inspect', '--pretty', '-f', '{{.ID}}', 'web'],
      {
        engine,
      },
    );
    await expectGolden(
      'service/inspect-pretty-extra',
      ['service', 'inspect', '--format', 'pretty {{.ID}}', 'web'],
      {
        engine,
      },
    );
  });

  it('prints nothing but the first error when a pretty lookup fails', async () => {
    await expectGolden(
      'service/inspect-pretty-missing',
      ['service', 'inspect', '--pretty', 'web', 'nosuch', 'full'],
      {
        engine: inspectEngine(),
      },
    );
  });

  it('passes other daemon errors through', async () => {
    await expectGolden('service/inspect-on-worker', ['service', 'inspect', 'web'], {
      engine: fakeManagerEngine({
        serviceInspect: () =>
          daemonError(
            "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.",
          ),
      }),
    });
  });
});
