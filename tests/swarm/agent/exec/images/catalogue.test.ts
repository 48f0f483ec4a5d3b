import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../../../src/swarm/agent/exec/images/catalogue';
import { findImage } from '../../../../../src/swarm/agent/exec/images/lookup';
import { PLACEHOLDERS, TIME_FORMATS } from '../../../../../src/swarm/agent/exec/images/process';
import {
  familiarName,
  parseNormalizedNamed,
  withTag,
} from '../../../../../src/swarm/agent/exec/images/reference';
import type {
  ImageManifest,
  LogLine,
  ProcessBehaviour,
} from '../../../../../src/swarm/agent/exec/images/types';

const manifests = CATALOGUE.flatMap((entry) =>
  entry.manifests.map((manifest) => ({ entry, manifest })),
);
const named = (entry: { repository: string }, manifest: ImageManifest) =>
  `${entry.repository}:${manifest.tags[0] ?? '?'}`;

function behaviours(manifest: ImageManifest): ProcessBehaviour[] {
  const { process } = manifest;
  return [
    process.behaviour,
    ...(process.requiresEnv === undefined ? [] : [process.requiresEnv.otherwise]),
    ...(process.requiresHosts === undefined ? [] : [process.requiresHosts.otherwise]),
  ];
}

function lines(behaviour: ProcessBehaviour): LogLine[] {
  if (behaviour.kind === 'exits') return [...behaviour.logs];
  return [...behaviour.logs, ...(behaviour.repeat?.logs ?? []), ...(behaviour.onStop ?? [])];
}

describe('the catalogue', () => {
  it('has the images the tutorials and labs use', () => {
    expect(CATALOGUE.map((entry) => entry.repository)).toEqual(
      expect.arrayContaining([
        'nginx',
        'httpd',
        'redis',
        'postgres',
        'mysql',
        'mariadb',
        'mongo',
        'alpine',
        'busybox',
        'ubuntu',
        'debian',
        'traefik',
        'node',
        'python',
        'golang',
        'wordpress',
        'registry',
        'portainer/portainer-ce',
        'dockersamples/visualizer',
        'dockersamples/examplevotingapp_vote',
        'dockersamples/examplevotingapp_result',
        'dockersamples/examplevotingapp_worker',
        'hello-world',
      ]),
    );
  });

  it.each([
    // The swarm tutorial, its rolling update (both generations), the routing mesh, the
    // voting-app stack, and the images labs pin.
    'alpine',
    'redis:7.4.0',
    'redis:7.4.1',
    'redis:3.0.6',
    'redis:3.0.7',
    'nginx',
    'nginx:alpine',
    'nginx:1.24',
    'nginx:1.25',
    'redis:alpine',
    'postgres:15-alpine',
    'traefik:v3.1',
    'traefik:v2.11',
    'registry:2',
    'httpd:2.4',
    'mysql:8.0',
    'busybox:1.36',
    'ubuntu:22.04',
    'dockersamples/examplevotingapp_vote:before',
    'dockersamples/examplevotingapp_vote:after',
  ])('has %s', (reference) => {
    expect(findImage(reference)).toBeDefined();
  });

  it('names each repository as docker prints it, and its Docker Hub path', () => {
    for (const entry of CATALOGUE) {
      const parsed = parseNormalizedNamed(entry.repository);
      expect(parsed.ok, entry.repository).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.path).toBe(entry.path);
      expect(familiarName(parsed.value)).toBe(entry.repository);
    }
    const repositories = CATALOGUE.map((entry) => entry.repository);
    expect(new Set(repositories).size).toBe(repositories.length);
  });

  it('gives every repository a latest tag and every tag to one manifest only', () => {
    for (const entry of CATALOGUE) {
      const tags = entry.manifests.flatMap((manifest) => [...manifest.tags]);
      expect(tags, entry.repository).toContain('latest');
      expect(new Set(tags).size, entry.repository).toBe(tags.length);
    }
  });

  it('writes only tags docker accepts', () => {
    for (const { entry, manifest } of manifests) {
      for (const tag of manifest.tags) {
        const parsed = parseNormalizedNamed(entry.repository);
        expect(parsed.ok && withTag(parsed.value, tag).ok, `${entry.repository}:${tag}`).toBe(true);
      }
    }
  });

  it('gives every manifest its own sha256 digest of 64 lower-case hex digits', () => {
    const digests = manifests.map(({ manifest }) => manifest.digest);
    for (const digest of digests) expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(new Set(digests).size).toBe(digests.length);
  });

  it('gives every manifest a size, and platforms that include linux/amd64', () => {
    for (const { entry, manifest } of manifests) {
      const name = named(entry, manifest);
      expect(manifest.size, name).toBeGreaterThan(0);
      expect(Number.isInteger(manifest.size), name).toBe(true);
      expect(manifest.platforms.length, name).toBeGreaterThan(0);
      expect(manifest.platforms, name).toContainEqual({ os: 'linux', architecture: 'amd64' });
      const single =
        manifest.mediaType === 'application/vnd.docker.distribution.manifest.v2+json' ||
        manifest.mediaType === 'application/vnd.docker.distribution.manifest.v1+prettyjws';
      if (single) expect(manifest.platforms.length, name).toBe(1);
      // Attestation manifests exist only in an OCI index.
      if (manifest.attestations) {
        expect(manifest.mediaType, name).toBe('application/vnd.oci.image.index.v1+json');
      }
      for (const platform of manifest.platforms) {
        if (platform.architecture === 'arm') expect(platform.variant, name).toMatch(/^v[5-7]$/);
        if (platform.os === 'windows') expect(platform.osVersion, name).toMatch(/^10\.0\./);
      }
    }
  });

  it('gives every image a command to run and a PATH', () => {
    for (const { entry, manifest } of manifests) {
      const { config } = manifest;
      const name = named(entry, manifest);
      const command = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
      expect(command.length, name).toBeGreaterThan(0);
      expect(config.Env[0], name).toMatch(/^PATH=\//);
      for (const variable of config.Env) expect(variable, name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*=/);
      for (const port of config.ExposedPorts) expect(port, name).toMatch(/^\d+\/(tcp|udp)$/);
      if (config.StopSignal !== undefined) expect(config.StopSignal, name).toMatch(/^SIG[A-Z]+$/);
    }
  });

  it('writes log lines in order, with placeholders that renderLogs fills', () => {
    const known = new Set<string>(PLACEHOLDERS);
    for (const { entry, manifest } of manifests) {
      for (const behaviour of behaviours(manifest)) {
        if (behaviour.kind === 'exits') {
          expect(behaviour.afterMs).toBeGreaterThan(0);
          expect(Number.isInteger(behaviour.exitCode)).toBe(true);
        }
        let last = 0;
        for (const line of behaviour.logs) {
          expect(line.atMs, named(entry, manifest)).toBeGreaterThanOrEqual(last);
          last = line.atMs;
          if (behaviour.kind === 'exits') expect(line.atMs).toBeLessThanOrEqual(behaviour.afterMs);
        }
        for (const line of lines(behaviour)) {
          expect(line.text, named(entry, manifest)).not.toMatch(/\n/);
          for (const [, name = ''] of line.text.matchAll(/\{\{([^}]*)\}\}/g)) {
            const ok =
              known.has(name) ||
              (name.startsWith('time:') && TIME_FORMATS[name.slice(5)] !== undefined) ||
              /^ip:[a-z0-9-]+$/.test(name);
            expect(ok, `${named(entry, manifest)}: {{${name}}}`).toBe(true);
            if (name === 'pid') expect(line.perCpu, line.text).toBeDefined();
          }
        }
      }
    }
  });

  it('keeps the tutorial’s rolling update a real update: 7.4.0 and 7.4.1 differ', () => {
    const from = findImage('redis:7.4.0');
    const to = findImage('redis:7.4.1');
    expect(from?.digest).not.toBe(to?.digest);
    expect(from?.manifest.config.Env).toContain('REDIS_VERSION=7.4.0');
    expect(to?.manifest.config.Env).toContain('REDIS_VERSION=7.4.1');
  });

  it('has the real images’ defaults', () => {
    const config = (reference: string) => findImage(reference)?.manifest.config;
    expect(config('nginx')).toMatchObject({
      Entrypoint: ['/docker-entrypoint.sh'],
      Cmd: ['nginx', '-g', 'daemon off;'],
      ExposedPorts: ['80/tcp'],
      StopSignal: 'SIGQUIT',
    });
    expect(config('redis')).toMatchObject({
      Entrypoint: ['docker-entrypoint.sh'],
      Cmd: ['redis-server'],
      WorkingDir: '/data',
      ExposedPorts: ['6379/tcp'],
    });
    expect(config('redis')?.StopSignal).toBeUndefined();
    expect(config('alpine')).toMatchObject({ Entrypoint: null, Cmd: ['/bin/sh'] });
    expect(config('busybox')).toMatchObject({ Entrypoint: null, Cmd: ['sh'] });
    expect(config('hello-world')).toMatchObject({ Entrypoint: null, Cmd: ['/hello'] });
    expect(config('postgres')).toMatchObject({ Cmd: ['postgres'], StopSignal: 'SIGINT' });
    expect(config('httpd')).toMatchObject({ Cmd: ['httpd-foreground'], StopSignal: 'SIGWINCH' });
    expect(config('traefik:v3.1')).toMatchObject({
      Entrypoint: ['/entrypoint.sh'],
      Cmd: ['traefik'],
    });
    expect(config('registry:2')).toMatchObject({
      Entrypoint: ['/entrypoint.sh'],
      Cmd: ['/etc/docker/registry/config.yml'],
      ExposedPorts: ['5000/tcp'],
    });
    expect(config('golang')).toMatchObject({ WorkingDir: '/go', Cmd: ['bash'] });
  });
});
