import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Namespace } from '../../../../src/cli/compose/convert/compose';
import {
  convertServices,
  servicesDeclaredNetworks,
} from '../../../../src/cli/compose/convert/service';
import { load } from '../../../../src/cli/compose/loader/loader';
import { parseYAML } from '../../../../src/cli/compose/loader/parse-yaml';
import type { Config } from '../../../../src/cli/compose/types/types';

const testdata = (name: string): string =>
  fileURLToPath(new URL(`../testdata/${name}`, import.meta.url));

function loadText(text: string, env: Record<string, string> = {}): Config {
  return load({
    workingDir: '/srv/app',
    configFiles: [{ filename: 'docker-compose.yml', config: parseYAML(text) }],
    environment: new Map(Object.entries(env)),
  }).config;
}

function loadFile(name: string): Config {
  return load(
    {
      workingDir: '/srv/app',
      configFiles: [{ filename: name, config: parseYAML(readFileSync(testdata(name), 'utf8')) }],
      environment: new Map(),
    },
    { readFile: () => readFileSync(testdata('web.env'), 'utf8') },
  ).config;
}

const stack = new Namespace('vote');

describe('convertServices, as docker/cli convert.Services', () => {
  it('converts the voting app’s worker with the stack’s names, labels and networks', () => {
    const services = convertServices(stack, loadFile('voting-app.yml'));
    expect([...services.keys()].sort()).toEqual([
      'db',
      'redis',
      'result',
      'visualizer',
      'vote',
      'worker',
    ]);
    expect(services.get('worker')?.spec).toEqual({
      Name: 'vote_worker',
      Labels: {
        APP: 'VOTING',
        'com.docker.stack.image': 'dockersamples/examplevotingapp_worker',
        'com.docker.stack.namespace': 'vote',
      },
      TaskTemplate: {
        ContainerSpec: {
          Image: 'dockersamples/examplevotingapp_worker',
          Labels: { 'com.docker.stack.namespace': 'vote' },
          Privileges: { CredentialSpec: null, SELinuxContext: null },
        },
        Resources: {},
        RestartPolicy: {
          Condition: 'on-failure',
          Delay: 10_000_000_000,
          MaxAttempts: 3,
          Window: 120_000_000_000,
        },
        Placement: { Constraints: ['node.role == manager'] },
        Networks: [
          { Target: 'vote_backend', Aliases: ['worker'] },
          { Target: 'vote_frontend', Aliases: ['worker'] },
        ],
        ForceUpdate: 0,
      },
      Mode: { Replicated: { Replicas: 1 } },
      // No endpoint_mode: docker sends none, and the daemon takes vip.
      EndpointSpec: {},
    });
  });

  it('publishes ports sorted by published port, and mounts the named volume with its label', () => {
    const services = convertServices(stack, loadFile('voting-app.yml'));
    expect(services.get('vote')?.spec.EndpointSpec).toEqual({
      Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 5000, PublishMode: 'ingress' }],
    });
    expect(services.get('vote')?.spec.UpdateConfig).toEqual({
      Parallelism: 2,
      MaxFailureRatio: 0,
      Order: '',
    });
    expect(services.get('db')?.spec.TaskTemplate.ContainerSpec?.Mounts).toEqual([
      {
        Type: 'volume',
        Source: 'vote_db-data',
        Target: '/var/lib/postgresql/data',
        VolumeOptions: { Labels: { 'com.docker.stack.namespace': 'vote' } },
      },
    ]);
    expect(services.get('db')?.spec.TaskTemplate.ContainerSpec?.Env).toEqual([
      'POSTGRES_PASSWORD=postgres',
      'POSTGRES_USER=postgres',
    ]);
  });

  it('puts a service that names no network on <stack>_default', () => {
    const config = loadFile('stackdemo.yml');
    const services = convertServices(new Namespace('stackdemo'), config);
    expect(services.get('redis')?.spec.TaskTemplate.Networks).toEqual([
      { Target: 'stackdemo_default', Aliases: ['redis'] },
    ]);
    expect(servicesDeclaredNetworks(config.services)).toEqual(new Set(['default']));
  });

  it('converts every supported key of a service', () => {
    const converted = convertServices(new Namespace('site'), loadFile('every-key.yml')).get('web');
    const spec = converted?.spec;
    expect(spec?.Mode).toEqual({ Replicated: { Replicas: 3 } });
    expect(spec?.TaskTemplate.ContainerSpec).toMatchObject({
      Image: 'nginx:1.27',
      Labels: { tier: 'web', 'com.docker.stack.namespace': 'site' },
      Command: ['/docker-entrypoint.sh'],
      Args: ['nginx', '-g', 'daemon off;'],
      Hostname: '{{.Service.Name}}-{{.Task.Slot}}',
      Env: ['A=1', 'B=two words', 'DEBUG', 'EMPTY=', 'MODE=production'],
      Dir: '/srv',
      User: '101:101',
      StopGracePeriod: 20_000_000_000,
      Healthcheck: {
        Test: ['CMD', 'curl', '-f', 'http://localhost'],
        Interval: 30_000_000_000,
        Timeout: 5_000_000_000,
        StartPeriod: 10_000_000_000,
        Retries: 3,
      },
      Hosts: ['10.0.0.5 db.local'],
      DNSConfig: { Nameservers: ['8.8.8.8'] },
      CapabilityAdd: ['CAP_NET_ADMIN'],
      Ulimits: [
        { Name: 'nofile', Soft: 1024, Hard: 2048 },
        { Name: 'nproc', Soft: 512, Hard: 512 },
      ],
      Mounts: [
        {
          Type: 'volume',
          Source: 'site_static',
          Target: '/usr/share/nginx/html',
          ReadOnly: true,
          VolumeOptions: {
            Labels: { backup: 'yes', 'com.docker.stack.namespace': 'site' },
            DriverConfig: { Name: 'local' },
          },
        },
        { Type: 'bind', Source: '/srv/app/conf', Target: '/etc/nginx/conf.d' },
        { Type: 'tmpfs', Target: '/cache', TmpfsOptions: { SizeBytes: 1_000_000 } },
      ],
    });
    expect(spec?.TaskTemplate.Resources).toEqual({
      Limits: { NanoCPUs: 500_000_000, MemoryBytes: 268_435_456, Pids: 100 },
      Reservations: { NanoCPUs: 250_000_000, MemoryBytes: 67_108_864 },
    });
    expect(spec?.TaskTemplate.Placement).toEqual({
      Constraints: ['node.role == worker', 'node.labels.zone != dmz'],
      Preferences: [{ Spread: { SpreadDescriptor: 'node.labels.zone' } }],
      MaxReplicas: 2,
    });
    expect(spec?.TaskTemplate.Networks).toEqual([
      { Target: 'shared-back', Aliases: ['web'] },
      { Target: 'site_front', Aliases: ['www', 'web'] },
    ]);
    expect(spec?.TaskTemplate.LogDriver).toEqual({
      Name: 'json-file',
      Options: { 'max-size': '10m' },
    });
    expect(spec?.UpdateConfig).toEqual({
      Parallelism: 2,
      Delay: 10_000_000_000,
      FailureAction: 'rollback',
      Monitor: 30_000_000_000,
      // A float32, sent as Go's shortest text for it.
      MaxFailureRatio: 0.1,
      Order: 'start-first',
    });
    expect(spec?.RollbackConfig).toEqual({
      Parallelism: 1,
      MaxFailureRatio: 0,
      Order: 'stop-first',
    });
    expect(spec?.EndpointSpec?.Ports).toEqual([
      { Protocol: 'tcp', TargetPort: 80, PublishedPort: 80, PublishMode: 'ingress' },
      { Protocol: 'tcp', TargetPort: 443, PublishedPort: 8443, PublishMode: 'host' },
      { Protocol: 'udp', TargetPort: 9000, PublishedPort: 9000, PublishMode: 'ingress' },
      { Protocol: 'udp', TargetPort: 9001, PublishedPort: 9001, PublishMode: 'ingress' },
    ]);
    expect(converted?.secrets).toEqual([
      { name: 'prod_site_cert', file: { Name: 'cert.pem', UID: '101', GID: '0', Mode: 0o440 } },
      { name: 'site_site_key', file: { Name: 'site_key', UID: '0', GID: '0', Mode: 0o444 } },
    ]);
    expect(converted?.configs).toEqual([
      {
        name: 'site_nginx_conf',
        file: { Name: '/etc/nginx/nginx.conf', UID: '0', GID: '0', Mode: 0o444 },
      },
    ]);
  });

  it('gives a global service no replicas, and a dnsrr one no VIP', () => {
    const agent = convertServices(new Namespace('site'), loadFile('every-key.yml')).get('agent');
    expect(agent?.spec.Mode).toEqual({ Global: {} });
    expect(agent?.spec.EndpointSpec).toEqual({ Mode: 'dnsrr' });
  });

  it.each([
    [
      'services:\n  web:\n    image: x\n    volumes: ["data:/x"]\n',
      'service web: undefined volume "data"',
    ],
    [
      'services:\n  web:\n    image: x\n    networks: [back]\n',
      'service web: undefined network "back"',
    ],
    [
      'services:\n  web:\n    image: x\n    secrets: [key]\n',
      'service web: undefined secret "key"',
    ],
    [
      'services:\n  web:\n    image: x\n    deploy: {mode: global, replicas: 2}\n',
      'service web: replicas can only be used with replicated or replicated-job mode',
    ],
    [
      'services:\n  web:\n    image: x\n    deploy: {mode: daemon}\n',
      'service web: Unknown mode: daemon',
    ],
    [
      'services:\n  web:\n    image: x\n    healthcheck: {test: [CMD, "true"], disable: true}\n',
      "service web: test and disable can't be set at the same time",
    ],
    [
      'services:\n  web:\n    image: x\n    restart: sometimes\n',
      'service web: unknown restart policy: sometimes',
    ],
  ])('%j fails with %j', (text, message) => {
    let thrown = 'no error';
    try {
      convertServices(stack, loadText(text));
    } catch (error) {
      thrown = error instanceof Error ? error.message : String(error);
    }
    expect(thrown).toBe(message);
  });

  it('reads the unsupported restart: when deploy sets no restart policy', () => {
    const spec = convertServices(
      stack,
      loadText('services:\n  web:\n    image: x\n    restart: on-failure:4\n'),
    ).get('web')?.spec;
    expect(spec?.TaskTemplate.RestartPolicy).toEqual({ Condition: 'on-failure', MaxAttempts: 4 });
  });
});
