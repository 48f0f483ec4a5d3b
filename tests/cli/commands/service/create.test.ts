import { describe, expect, it } from 'vitest';
import type { ServiceSpec } from '../../../../src/api/service';
import { DaemonError } from '../../../../src/api/errors';
import { Canceller } from '../../../../src/lib/cancel';
import { runDocker } from '../../../support/docker-run';
import { FakeClock } from '../../../support/fake-clock';
import { daemonError, fakeManagerEngine, WORKER_NODE } from '../../../support/fake-engine';
import { expectGolden } from '../swarm/golden-run';
import {
  AGENT,
  convergingEngine,
  IDS,
  NGINX_DIGEST,
  NGINX_DISTRIBUTION,
  SERVICE_IDS,
  serviceEngine,
  slotTasks,
  task,
  WEB,
} from './fixtures';

/** A manager that records the specs it is asked to create and answers web's ID. */
function recordingEngine(specs: ServiceSpec[], images: string[] = []) {
  return serviceEngine([], [], {
    distributionInspect: ({ image }) => {
      images.push(image);
      return Promise.resolve(NGINX_DISTRIBUTION);
    },
    serviceCreate: ({ spec }) => {
      specs.push(spec);
      return Promise.resolve({ ID: SERVICE_IDS.web });
    },
  });
}

async function specOf(args: readonly string[]): Promise<ServiceSpec> {
  const specs: ServiceSpec[] = [];
  const result = await runDocker(['service', 'create', '-d', ...args], {
    engine: recordingEngine(specs),
  });
  expect(result.stderr).toBe('');
  expect(specs).toHaveLength(1);
  const [spec] = specs;
  if (spec === undefined) throw new Error('no spec sent');
  return spec;
}

describe('docker service create: the spec it sends (opts.go ToService)', () => {
  it('sends what docker sends for a plain image, pinned by the registry', async () => {
    const specs: ServiceSpec[] = [];
    const images: string[] = [];
    const result = await expectGolden(
      'service/create-detach',
      ['service', 'create', '-d', 'nginx'],
      {
        engine: recordingEngine(specs, images),
      },
    );
    expect(result.stdout).toBe(`${SERVICE_IDS.web}\n`);
    expect(images).toEqual(['nginx:latest']);
    expect(specs).toEqual([
      {
        Name: '',
        Labels: {},
        TaskTemplate: {
          ContainerSpec: { Image: `nginx:latest@${NGINX_DIGEST}`, Init: false, DNSConfig: {} },
          Resources: { Limits: {}, Reservations: {} },
          Placement: {
            Platforms: [
              { Architecture: 'amd64', OS: 'linux' },
              { Architecture: 'arm64', OS: 'linux' },
            ],
          },
          ForceUpdate: 0,
        },
        Mode: { Replicated: {} },
        EndpointSpec: { Mode: 'vip' },
      },
    ]);
  });

  it('tags but does not pin with --no-resolve-image, and asks no registry', async () => {
    const images: string[] = [];
    const specs: ServiceSpec[] = [];
    await runDocker(['service', 'create', '-d', '--no-resolve-image', 'library/redis'], {
      engine: recordingEngine(specs, images),
    });
    expect(images).toEqual([]);
    expect(specs[0]?.TaskTemplate.ContainerSpec?.Image).toBe('redis:latest');
    expect(specs[0]?.TaskTemplate.Placement).toEqual({});
  });

  it.each([
    ['docker.io/library/nginx:1.25', 'nginx:1.25'],
    ['index.docker.io/user/app', 'user/app:latest'],
    ['localhost:5000/team/app', 'localhost:5000/team/app:latest'],
    ['Nginx', 'Nginx'],
  ])('tags %s as the client library does before asking the registry', async (typed, asked) => {
    const images: string[] = [];
    await runDocker(['service', 'create', '-d', typed], { engine: recordingEngine([], images) });
    expect(images).toEqual([asked]);
  });

  it('keeps a digest already given and drops the arm architecture', async () => {
    const specs: ServiceSpec[] = [];
    const engine = serviceEngine([], [], {
      distributionInspect: () =>
        Promise.resolve({
          ...NGINX_DISTRIBUTION,
          Platforms: [{ architecture: 'arm', os: 'linux' }],
        }),
      serviceCreate: ({ spec }) => {
        specs.push(spec);
        return Promise.resolve({ ID: SERVICE_IDS.web });
      },
    });
    await runDocker(['service', 'create', '-d', `nginx@${NGINX_DIGEST}`], { engine });
    expect(specs[0]?.TaskTemplate.ContainerSpec?.Image).toBe(`nginx@${NGINX_DIGEST}`);
    expect(specs[0]?.TaskTemplate.Placement?.Platforms).toEqual([{ OS: 'linux' }]);
  });

  it('warns on stderr when the registry cannot be reached, and keeps the tag', async () => {
    const specs: ServiceSpec[] = [];
    const engine = serviceEngine([], [], {
      distributionInspect: () => Promise.reject(new DaemonError('unavailable', 'denied')),
      serviceCreate: ({ spec }) => {
        specs.push(spec);
        return Promise.resolve({ ID: SERVICE_IDS.web, Warnings: ['a daemon warning'] });
      },
    });
    await expectGolden('service/create-registry-warning', ['service', 'create', '-d', 'myapp'], {
      engine,
    });
    expect(specs[0]?.TaskTemplate.ContainerSpec?.Image).toBe('myapp:latest');
  });

  it('puts the image, command and args after IMAGE into the container spec', async () => {
    const spec = await specOf([
      '--name',
      'web',
      '--entrypoint',
      'sh -c',
      'busybox',
      'echo',
      '--not-a-flag',
      "it's",
    ]);
    expect(spec.Name).toBe('web');
    expect(spec.TaskTemplate.ContainerSpec).toEqual({
      Image: `busybox:latest@${NGINX_DIGEST}`,
      Command: ['sh', '-c'],
      Args: ['echo', '--not-a-flag', "it's"],
      Init: false,
      DNSConfig: {},
    });
  });

  it('carries every container setting, in moby order, as docker builds them', async () => {
    const spec = await specOf([
      '-l',
      'b=2',
      '--label',
      'a=1',
      '--container-label',
      'tier=front',
      '-e',
      'A=1',
      '-e',
      'B',
      '-e',
      'A=2',
      '--hostname',
      'h1',
      '-w',
      '/srv',
      '-u',
      'nobody',
      '--group',
      'wheel',
      '--init',
      '--stop-signal',
      'SIGQUIT',
      '-t',
      '--read-only',
      '--mount',
      'type=bind,src=/data,dst=/data,ro',
      '--mount',
      'target=/cache,volume-label=x=y',
      '--stop-grace-period',
      '30s',
      '--health-cmd',
      'curl -f localhost',
      '--health-interval',
      '10s',
      '--health-retries',
      '3',
      '--host',
      'db:10.0.0.5',
      '--dns',
      '8.8.8.8',
      '--dns-search',
      'example.com',
      '--dns-option',
      'ndots:2',
      '--isolation',
      'process',
      '--sysctl',
      'net.core.somaxconn=1024',
      '--cap-add',
      'net_admin',
      '--cap-drop',
      'ALL',
      '--ulimit',
      'nofile=1024:2048',
      '--oom-score-adj',
      '100',
      '--credential-spec',
      'file://spec.json',
      'nginx',
    ]);
    expect(spec.Labels).toEqual({ a: '1', b: '2' });
    expect(Object.keys(spec.Labels)).toEqual(['a', 'b']);
    const container = spec.TaskTemplate.ContainerSpec;
    expect(container).toEqual({
      Image: `nginx:latest@${NGINX_DIGEST}`,
      Labels: { tier: 'front' },
      Hostname: 'h1',
      Env: ['B', 'A=2'],
      Dir: '/srv',
      User: 'nobody',
      Groups: ['wheel'],
      Privileges: {
        CredentialSpec: { Config: '', File: 'spec.json', Registry: '' },
        SELinuxContext: null,
        NoNewPrivileges: false,
      },
      Init: true,
      StopSignal: 'SIGQUIT',
      TTY: true,
      ReadOnly: true,
      Mounts: [
        { Type: 'bind', Source: '/data', Target: '/data', ReadOnly: true },
        {
          Type: 'volume',
          Target: '/cache',
          VolumeOptions: { Labels: { x: 'y' }, DriverConfig: {} },
        },
      ],
      StopGracePeriod: 30_000_000_000,
      Healthcheck: {
        Test: ['CMD-SHELL', 'curl -f localhost'],
        Interval: 10_000_000_000,
        Retries: 3,
      },
      Hosts: ['10.0.0.5 db'],
      DNSConfig: { Nameservers: ['8.8.8.8'], Search: ['example.com'], Options: ['ndots:2'] },
      Isolation: 'process',
      Sysctls: { 'net.core.somaxconn': '1024' },
      CapabilityAdd: ['CAP_NET_ADMIN'],
      CapabilityDrop: ['ALL'],
      Ulimits: [{ Name: 'nofile', Hard: 2048, Soft: 1024 }],
      OomScoreAdj: 100,
    });
    expect(Object.keys(container ?? {})).toEqual(Object.keys(container ?? {}));
  });

  it('takes a bare -e KEY from the CLI environment when it is set there', async () => {
    const spec = await specOf(['-e', 'HOME', '-e', 'UNSET', 'nginx']);
    expect(spec.TaskTemplate.ContainerSpec?.Env).toEqual(['HOME=/root', 'UNSET']);
  });

  it('builds placement, resources, restart, update, rollback and endpoint parts', async () => {
    const spec = await specOf([
      '--replicas',
      '0x3',
      '--replicas-max-per-node',
      '2',
      '--constraint',
      'node.role==worker',
      '--placement-pref',
      'spread=node.labels.zone',
      '--limit-cpu',
      '0.5',
      '--limit-memory',
      '256m',
      '--limit-pids',
      '100',
      '--reserve-cpu',
      '1/4',
      '--reserve-memory',
      '64MiB',
      '--generic-resource',
      'gpu=2',
      '--restart-condition',
      'on-failure',
      '--restart-max-attempts',
      '3',
      '--update-parallelism',
      '2',
      '--update-delay',
      '10s',
      '--update-max-failure-ratio',
      '0.1',
      '--rollback-order',
      'start-first',
      '--rollback-monitor',
      '0s',
      '--log-driver',
      'json-file',
      '--log-opt',
      'max-size=10m',
      '--endpoint-mode',
      'DNSRR',
      '-p',
      '8080:80',
      '--publish',
      'published=53,target=53,protocol=udp,mode=host',
      'nginx',
    ]);
    expect(spec.Mode).toEqual({ Replicated: { Replicas: 3 } });
    expect(spec.TaskTemplate).toEqual({
      ContainerSpec: { Image: `nginx:latest@${NGINX_DIGEST}`, Init: false, DNSConfig: {} },
      Resources: {
        Limits: { NanoCPUs: 500_000_000, MemoryBytes: 268_435_456, Pids: 100 },
        Reservations: {
          NanoCPUs: 250_000_000,
          MemoryBytes: 67_108_864,
          GenericResources: [{ DiscreteResourceSpec: { Kind: 'gpu', Value: 2 } }],
        },
      },
      RestartPolicy: { Condition: 'on-failure', Delay: 5_000_000_000, MaxAttempts: 3 },
      Placement: {
        Constraints: ['node.role==worker'],
        Preferences: [{ Spread: { SpreadDescriptor: 'node.labels.zone' } }],
        MaxReplicas: 2,
        Platforms: [
          { Architecture: 'amd64', OS: 'linux' },
          { Architecture: 'arm64', OS: 'linux' },
        ],
      },
      LogDriver: { Name: 'json-file', Options: { 'max-size': '10m' } },
      ForceUpdate: 0,
    });
    expect(spec.UpdateConfig).toEqual({
      Parallelism: 2,
      Delay: 10_000_000_000,
      FailureAction: 'pause',
      Monitor: 5_000_000_000,
      MaxFailureRatio: 0.1,
      Order: 'stop-first',
    });
    expect(spec.RollbackConfig).toEqual({
      Parallelism: 1,
      FailureAction: 'pause',
      MaxFailureRatio: 0,
      Order: 'start-first',
    });
    expect(spec.EndpointSpec).toEqual({
      Mode: 'dnsrr',
      Ports: [
        { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' },
        { Protocol: 'udp', TargetPort: 53, PublishedPort: 53, PublishMode: 'host' },
      ],
    });
  });

  it('expands port ranges and leaves a missing published port to the daemon', async () => {
    const spec = await specOf([
      '-p',
      '8080-8081:80-81',
      '-p',
      '9000-9001:90',
      '-p',
      '443',
      'nginx',
    ]);
    expect(spec.EndpointSpec?.Ports).toEqual([
      { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' },
      { Protocol: 'tcp', TargetPort: 81, PublishedPort: 8081, PublishMode: 'ingress' },
      { Protocol: 'tcp', TargetPort: 90, PublishedPort: 9000, PublishMode: 'ingress' },
      { Protocol: 'tcp', TargetPort: 90, PublishedPort: 9001, PublishMode: 'ingress' },
      { Protocol: 'tcp', TargetPort: 443, PublishMode: 'ingress' },
    ]);
  });

  it.each([
    ['global', ['--mode', 'global'], { Global: {} }],
    [
      'replicated-job',
      ['--mode', 'replicated-job', '--replicas', '5', '--max-concurrent', '2'],
      {
        ReplicatedJob: { MaxConcurrent: 2, TotalCompletions: 5 },
      },
    ],
    ['replicated-job without counts', ['--mode', 'replicated-job'], { ReplicatedJob: {} }],
    ['global-job', ['--mode', 'global-job'], { GlobalJob: {} }],
    ['replicas 0', ['--replicas', '0'], { Replicated: { Replicas: 0 } }],
  ])('sends the %s mode', async (_label, flags, mode) => {
    const spec = await specOf([...flags, 'nginx']);
    expect(spec.Mode).toEqual(mode);
  });

  it('sends NONE for --no-healthcheck', async () => {
    const spec = await specOf(['--no-healthcheck', 'nginx']);
    expect(spec.TaskTemplate.ContainerSpec?.Healthcheck).toEqual({ Test: ['NONE'] });
  });
});

describe('docker service create: errors', () => {
  it.each([
    ['create-mode-unknown', ['--mode', 'daemon']],
    ['create-mode-replicas-global', ['--mode', 'global', '--replicas', '2']],
    ['create-mode-max-per-node-global', ['--mode', 'global-job', '--replicas-max-per-node', '1']],
    ['create-mode-max-concurrent', ['--max-concurrent', '2']],
    ['create-job-update-config', ['--mode', 'replicated-job', '--update-parallelism', '2']],
    ['create-healthcheck-conflict', ['--no-healthcheck', '--health-retries', '2']],
    ['create-generic-resource-named', ['--generic-resource', 'gpu=UUID1']],
  ])('%s: a CLI error, exit 1, before any call', async (name, flags) => {
    const engine = fakeManagerEngine({
      serviceCreate: () => daemonError('must not be called'),
      distributionInspect: () => daemonError('must not be called'),
    });
    const result = await expectGolden(`service/${name}`, ['service', 'create', ...flags, 'nginx'], {
      engine,
    });
    expect(result.code).toBe(1);
  });

  it.each([
    ['create-publish-hostip', ['-p', '127.0.0.1:80:80']],
    ['create-publish-bad-ip', ['-p', 'foo:80:80']],
    ['create-publish-bad-port', ['-p', '80a']],
    ['create-publish-bad-proto', ['-p', '80/icmp']],
    ['create-publish-range-mismatch', ['-p', '8080-8082:80-81']],
    ['create-publish-long-missing-target', ['-p', 'published=80']],
    ['create-publish-long-bad-mode', ['-p', 'target=80,mode=bridge']],
    ['create-publish-long-bad-key', ['-p', 'target=80,port=1']],
    ['create-publish-long-bad-number', ['-p', 'target=eighty=1']],
    ['create-mount-bare-field', ['--mount', 'type=volume,target=/x,rw']],
    ['create-mount-unknown-key', ['--mount', 'target=/x,foo=bar']],
    ['create-mount-mixed', ['--mount', 'type=bind,src=/a,target=/x,volume-nocopy']],
    ['create-mount-no-target', ['--mount', 'src=data']],
    ['create-mount-readonly', ['--mount', 'target=/x,readonly=yes']],
    ['create-env-empty-key', ['-e', '=x']],
    ['create-label-empty', ['--label', '=x']],
    ['create-dns-bad', ['--dns', '8.8.8']],
    ['create-host-bad', ['--host', 'db']],
    ['create-placement-pref-bad', ['--placement-pref', 'binpack=x']],
    ['create-ulimit-bad', ['--ulimit', 'nofile=2048:1024']],
    ['create-cpu-bad', ['--limit-cpu', 'lots']],
    ['create-health-negative', ['--health-interval', '-1s']],
    ['create-entrypoint-quote', ['--entrypoint', 'sh "-c']],
    ['create-credential-spec-bad', ['--credential-spec', 'spec.json']],
  ])('%s: a flag error, exit 125', async (name, flags) => {
    const result = await expectGolden(`service/${name}`, ['service', 'create', ...flags, 'nginx'], {
      engine: fakeManagerEngine(),
    });
    expect(result.code).toBe(125);
  });

  it('needs an IMAGE', async () => {
    await expectGolden('service/create-args', ['service', 'create'], {
      engine: fakeManagerEngine(),
    });
  });

  it('prints only the daemon error when the create fails (no registry warning)', async () => {
    const engine = fakeManagerEngine({
      serviceCreate: () =>
        daemonError(
          'rpc error: code = AlreadyExists desc = name conflicts with an existing object: service web already exists',
        ),
    });
    await expectGolden(
      'service/create-name-conflict',
      ['service', 'create', '--name', 'web', 'nginx'],
      {
        engine,
      },
    );
  });

  it('fails on a worker with the daemon text', async () => {
    const engine = fakeManagerEngine({
      distributionInspect: () => Promise.resolve(NGINX_DISTRIBUTION),
      serviceCreate: () => daemonError(WORKER_NODE),
    });
    await expectGolden('service/create-on-worker', ['service', 'create', 'nginx'], { engine });
  });

  it('sends --network as typed, short and long form (opts/network.go), for the daemon to resolve', async () => {
    const spec = await specOf([
      '--network',
      'front',
      '--network',
      'name=Back,alias=API,driver-opt=k=v',
      'nginx',
    ]);
    expect(spec.TaskTemplate.Networks).toEqual([
      { Target: 'front' },
      // The long form is lower-cased whole, as docker does.
      { Target: 'back', Aliases: ['api'], DriverOpts: { k: 'v' } },
    ]);
    expect(Object.keys(spec.TaskTemplate)).toEqual([
      'ContainerSpec',
      'Resources',
      'Placement',
      'Networks',
      'ForceUpdate',
    ]);
  });

  it("refuses a bad --network long form with docker's flag errors", async () => {
    for (const [value, message] of [
      ['alias=x', 'network name/id is not specified'],
      ['name=a,colour=red', 'invalid field key colour'],
      ['name=a,driver-opt=k', 'invalid key value pair format in driver options'],
    ] as const) {
      const result = await runDocker(['service', 'create', '--network', value, 'nginx'], {
        engine: fakeManagerEngine({ serviceCreate: () => daemonError('must not be called') }),
      });
      expect(result.code).toBe(125);
      expect(result.stderr).toContain(
        `invalid argument "${value}" for "--network" flag: ${message}`,
      );
    }
  });

  it('says what it does not simulate yet: env files, credential specs', async () => {
    for (const flags of [
      ['--env-file', 'app.env'],
      ['--credential-spec', 'config://spec'],
    ]) {
      const result = await runDocker(['service', 'create', ...flags, 'nginx'], {
        engine: fakeManagerEngine({ serviceCreate: () => daemonError('must not be called') }),
      });
      expect(result).toEqual({
        stdout: '',
        stderr: `docker service create ${flags[0] ?? ''}: not simulated in this playground yet\n`,
        code: 1,
      });
    }
  });
});

describe('docker service create: the convergence display (progress.go)', () => {
  /** web's tasks: none for 400 ms, then preparing, running from 800 ms. */
  const webTimeline = (ms: number) =>
    ms < 400 ? [] : ms < 800 ? slotTasks(3, 'preparing') : slotTasks(3, 'running');

  it('redraws in place on a terminal wider than 110 columns, with bars', async () => {
    const clock = new FakeClock();
    const result = await expectGolden(
      'service/create-progress-tty',
      ['service', 'create', '--name', 'web', '--replicas', '3', 'nginx'],
      { engine: convergingEngine(clock, WEB, webTimeline), clock, columns: 120 },
    );
    expect(clock.sleeps.every((ms) => ms === 200)).toBe(true);
    // Converged at 800 ms, then 5 s of verification: 29 polls of 200 ms.
    expect(clock.nowMs).toBe(5800);
    expect(result.stdout).toContain(
      '\u001b[1A\u001b[2K\rverify: Service kx8f4szm6gyl8ljm6cm1ek4xk converged \r\u001b[1B',
    );
  });

  it('draws no bars on a narrow terminal', async () => {
    const clock = new FakeClock();
    const result = await runDocker(['service', 'create', '--replicas', '3', 'nginx'], {
      engine: convergingEngine(clock, WEB, webTimeline),
      clock,
      columns: 80,
    });
    expect(result.stdout).toContain('\r1/3: running   \r');
    expect(result.stdout).not.toContain('[=');
  });

  it('prints one line per record without a terminal, and no bars', async () => {
    const clock = new FakeClock();
    await expectGolden(
      'service/create-progress-plain',
      ['service', 'create', '--replicas', '3', 'nginx'],
      {
        engine: convergingEngine(clock, WEB, webTimeline),
        clock,
      },
    );
  });

  it('waits the same with -q and prints only the ID; -d does not wait', async () => {
    const clock = new FakeClock();
    const quiet = await runDocker(['service', 'create', '-q', 'nginx'], {
      engine: convergingEngine(clock, WEB, webTimeline),
      clock,
    });
    expect(quiet).toEqual({ stdout: `${SERVICE_IDS.web}\n`, stderr: '', code: 0 });
    expect(clock.nowMs).toBe(5800);
    const detached = new FakeClock();
    await runDocker(['service', 'create', '-d', 'nginx'], {
      engine: convergingEngine(detached, WEB, webTimeline),
      clock: detached,
    });
    expect(detached.sleeps).toEqual([]);
  });

  it('shows a task error in its slot line and keeps waiting until Ctrl+C', async () => {
    const clock = new FakeClock();
    const cancel = new Canceller();
    const pending = [
      task({
        id: 'p1xxxxxxxxxxxxxxxxxxxxxxx',
        slot: 1,
        state: 'pending',
        error: 'no suitable node (scheduling constraints not satisfied on 5 nodes)',
      }),
    ];
    const engine = convergingEngine(
      clock,
      { ...WEB, Spec: { ...WEB.Spec, Mode: { Replicated: { Replicas: 1 } } } },
      (ms) => {
        if (ms >= 1000) cancel.cancel();
        return pending;
      },
    );
    await expectGolden(
      'service/create-progress-interrupted',
      ['service', 'create', '--constraint', 'node.labels.gpu==true', 'nginx'],
      { engine, clock, cancel: cancel.signal },
    );
  });

  it('follows a global service node by node, waiting for its first tasks', async () => {
    const clock = new FakeClock();
    const agentTask = (node: string, state: 'preparing' | 'running') =>
      task({ id: `a${node.slice(0, 24)}`, service: SERVICE_IDS.agent, node, state });
    const engine = convergingEngine(clock, AGENT, (ms) =>
      ms < 200
        ? []
        : [
            agentTask(IDS.manager1, ms < 600 ? 'preparing' : 'running'),
            agentTask(IDS.worker1, ms < 400 ? 'preparing' : 'running'),
          ],
    );
    await expectGolden(
      'service/create-progress-global',
      ['service', 'create', '--mode', 'global', 'busybox'],
      {
        engine,
        clock,
        columns: 120,
      },
    );
  });

  it('detects a task failure after convergence and verifies again', async () => {
    const clock = new FakeClock();
    const engine = convergingEngine(clock, WEB, (ms) =>
      ms >= 1000 && ms < 1400 ? slotTasks(3, 'starting') : slotTasks(3, 'running'),
    );
    const result = await runDocker(['service', 'create', '--replicas', '3', 'nginx'], {
      engine,
      clock,
    });
    expect(result.stdout).toContain('verify: Detected task failure\n');
    // Converged again at 1400 ms: 5 s more.
    expect(clock.nowMs).toBe(6400);
  });

  it('uses the monitor period of the spec', async () => {
    const clock = new FakeClock();
    const monitored = {
      ...WEB,
      Spec: {
        ...WEB.Spec,
        UpdateConfig: {
          Parallelism: 1,
          FailureAction: 'pause' as const,
          Monitor: 2_000_000_000,
          MaxFailureRatio: 0,
          Order: 'stop-first' as const,
        },
      },
    };
    const result = await runDocker(['service', 'create', '--update-monitor', '2s', 'nginx'], {
      engine: convergingEngine(clock, monitored, () => slotTasks(3, 'running')),
      clock,
    });
    expect(result.stdout).toContain(
      'verify: Waiting 2 seconds to verify that tasks are stable...\n',
    );
    expect(clock.nowMs).toBe(2000);
  });

  it('reports a daemon error met while waiting', async () => {
    const clock = new FakeClock();
    const engine = convergingEngine(clock, WEB, webTimeline, {
      nodeList: () =>
        daemonError('rpc error: code = Unknown desc = The swarm does not have a leader.'),
    });
    const result = await runDocker(['service', 'create', 'nginx'], { engine, clock });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Error response from daemon: rpc error: code = Unknown desc = The swarm does not have a leader.\n',
    );
  });
});
