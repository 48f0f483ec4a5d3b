import { describe, expect, it } from 'vitest';
import {
  distributionInspect,
  findImage,
  inspectPlatforms,
  manifestForTag,
  pinImage,
  resolveImage,
  tagsOf,
  unreachableRegistryMessage,
  MANIFEST_UNKNOWN_MESSAGE,
  UNKNOWN_REPOSITORY_MESSAGE,
} from '../../../../../src/swarm/agent/exec/images/lookup';
import { CATALOGUE } from '../../../../../src/swarm/agent/exec/images/catalogue';
import type { ImageEntry } from '../../../../../src/swarm/agent/exec/images/types';

function entry(repository: string): ImageEntry {
  const found = CATALOGUE.find((candidate) => candidate.repository === repository);
  if (found === undefined) throw new Error(`no ${repository} in the catalogue`);
  return found;
}

function digestOf(repository: string, tag: string): string {
  const manifest = manifestForTag(entry(repository), tag);
  if (manifest === undefined) throw new Error(`no ${repository}:${tag}`);
  return manifest.digest;
}

const NGINX_LATEST = digestOf('nginx', 'latest');
const NGINX_1_25 = digestOf('nginx', '1.25');

describe('findImage', () => {
  it.each([
    ['nginx', 'nginx', 'latest', NGINX_LATEST],
    ['nginx:latest', 'nginx', 'latest', NGINX_LATEST],
    ['nginx:1.27.3', 'nginx', '1.27.3', NGINX_LATEST],
    ['nginx:mainline', 'nginx', 'mainline', NGINX_LATEST],
    ['nginx:1.25', 'nginx', '1.25', NGINX_1_25],
    ['library/nginx:1.25', 'nginx', '1.25', NGINX_1_25],
    ['docker.io/nginx:1.25', 'nginx', '1.25', NGINX_1_25],
    ['docker.io/library/nginx:1.25', 'nginx', '1.25', NGINX_1_25],
    ['index.docker.io/library/nginx', 'nginx', 'latest', NGINX_LATEST],
    ['traefik:v3.1', 'traefik', 'v3.1', digestOf('traefik', 'v3.1.7')],
    ['redis:7.4.0', 'redis', '7.4.0', digestOf('redis', '7.4.0')],
    ['redis:7.4.1', 'redis', '7.4.1', digestOf('redis', '7.4.1')],
    [
      'portainer/portainer-ce',
      'portainer/portainer-ce',
      'latest',
      digestOf('portainer/portainer-ce', 'latest'),
    ],
    [
      'docker.io/dockersamples/visualizer:latest',
      'dockersamples/visualizer',
      'latest',
      digestOf('dockersamples/visualizer', 'latest'),
    ],
  ])('%s', (text, repository, tag, digest) => {
    const found = findImage(text);
    expect(found?.entry.repository).toBe(repository);
    expect(found?.tag).toBe(tag);
    expect(found?.digest).toBe(digest);
  });

  it('finds by digest, with or without a tag, and the digest wins over the tag', () => {
    expect(findImage(`nginx@${NGINX_1_25}`)?.manifest.tags).toContain('1.25.5');
    expect(findImage(`nginx@${NGINX_1_25}`)?.tag).toBeNull();
    expect(findImage(`docker.io/library/nginx@${NGINX_1_25}`)?.digest).toBe(NGINX_1_25);
    expect(findImage(`nginx:latest@${NGINX_1_25}`)?.digest).toBe(NGINX_1_25);
    expect(findImage(`nginx:latest@${NGINX_1_25}`)?.reference.tag).toBe('latest');
  });

  it.each([
    ['nginx:9.99'],
    [`nginx@sha256:${'0'.repeat(64)}`],
    // A digest of another repository is not this one's.
    [`redis@${NGINX_LATEST}`],
    ['nosuchuser/nosuchimage'],
    ['nginx/nginx'],
    ['localhost:5000/nginx'],
    ['Nginx'],
    [NGINX_LATEST.slice('sha256:'.length)],
  ])('has no %s', (text) => {
    expect(findImage(text)).toBeUndefined();
  });
});

describe('resolveImage failures', () => {
  it.each([
    ['nginx:9.99', 'manifest-unknown', MANIFEST_UNKNOWN_MESSAGE],
    [`nginx@sha256:${'0'.repeat(64)}`, 'manifest-unknown', MANIFEST_UNKNOWN_MESSAGE],
    ['nosuchuser/nosuchimage:1.0', 'repository-unknown', UNKNOWN_REPOSITORY_MESSAGE],
    ['nginxx', 'repository-unknown', UNKNOWN_REPOSITORY_MESSAGE],
    [
      'Nginx',
      'invalid-reference',
      'invalid reference format: repository name (library/Nginx) must be lowercase',
    ],
    ['nginx:', 'invalid-reference', 'invalid reference format'],
    [`sha256:${'0'.repeat(64)}`, 'full-image-id', 'no manifest found for full image ID'],
    ['0'.repeat(64), 'full-image-id', 'no manifest found for full image ID'],
  ])('%s: %s', (text, reason, message) => {
    expect(resolveImage(text)).toEqual({ ok: false, reason, message });
  });

  it('gives Docker Hub’s exact text for a repository it does not have', () => {
    expect(UNKNOWN_REPOSITORY_MESSAGE).toBe(
      'errors:\ndenied: requested access to the resource is denied\nunauthorized: authentication required\n',
    );
  });

  it.each([
    [
      'localhost:5000',
      'Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused',
    ],
    ['localhost', 'Get "http://localhost/v2/": dial tcp [::1]:80: connect: connection refused'],
    [
      '127.0.0.1:5000',
      'Get "http://127.0.0.1:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused',
    ],
    [
      'registry.example.com:5000',
      'Get "https://registry.example.com:5000/v2/": dial tcp: lookup registry.example.com: no such host',
    ],
    ['ghcr.io', 'Get "https://ghcr.io/v2/": dial tcp: lookup ghcr.io: no such host'],
  ])('cannot reach %s', (domain, message) => {
    expect(unreachableRegistryMessage(domain)).toBe(message);
    expect(resolveImage(`${domain}/app:v1`)).toEqual({
      ok: false,
      reason: 'registry-unreachable',
      message,
    });
  });
});

describe('distributionInspect', () => {
  it('answers an index with its descriptor and every platform, attestations as unknown/unknown', () => {
    const result = distributionInspect('nginx');
    expect(result).toEqual({
      ok: true,
      value: {
        Descriptor: {
          mediaType: 'application/vnd.oci.image.index.v1+json',
          digest: NGINX_LATEST,
          size: findImage('nginx')?.manifest.size,
        },
        Platforms: [
          { architecture: 'amd64', os: 'linux' },
          { architecture: 'unknown', os: 'unknown' },
          { architecture: 'arm', os: 'linux' },
          { architecture: 'unknown', os: 'unknown' },
          { architecture: 'arm', os: 'linux' },
          { architecture: 'unknown', os: 'unknown' },
          { architecture: 'arm64', os: 'linux' },
          { architecture: 'unknown', os: 'unknown' },
          { architecture: '386', os: 'linux' },
          { architecture: 'unknown', os: 'unknown' },
          { architecture: 'mips64le', os: 'linux' },
          { architecture: 'unknown', os: 'unknown' },
          { architecture: 'ppc64le', os: 'linux' },
          { architecture: 'unknown', os: 'unknown' },
          { architecture: 's390x', os: 'linux' },
          { architecture: 'unknown', os: 'unknown' },
        ],
      },
    });
  });

  it('answers the same descriptor by tag and by digest', () => {
    const byTag = distributionInspect('nginx:1.25');
    const byDigest = distributionInspect(`nginx@${NGINX_1_25}`);
    expect(byTag.ok && byTag.value.Descriptor.digest).toBe(NGINX_1_25);
    expect(byDigest).toEqual(byTag);
  });

  it('lists no attestation entries for windows images or images without them', () => {
    const mongo = findImage('mongo');
    if (mongo === undefined) throw new Error('no mongo');
    expect(inspectPlatforms(mongo.manifest)).toEqual([
      { architecture: 'amd64', os: 'linux' },
      { architecture: 'unknown', os: 'unknown' },
      { architecture: 'arm64', os: 'linux' },
      { architecture: 'unknown', os: 'unknown' },
      { architecture: 'amd64', os: 'windows' },
      { architecture: 'amd64', os: 'windows' },
    ]);
    const busybox = distributionInspect('busybox');
    expect(busybox.ok && busybox.value.Platforms.length).toBe(10);
  });

  it('answers a single-platform manifest with its own platform', () => {
    expect(distributionInspect('redis:3.0.7')).toEqual({
      ok: true,
      value: {
        Descriptor: {
          mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
          digest: digestOf('redis', '3.0.7'),
          size: findImage('redis:3.0.7')?.manifest.size,
        },
        Platforms: [{ architecture: 'amd64', os: 'linux' }],
      },
    });
  });

  it('refuses a schema 1 image with the deprecation notice, naming the reference', () => {
    expect(distributionInspect('redis:3.0.6')).toEqual({
      ok: false,
      reason: 'deprecated-schema1',
      message:
        '[DEPRECATION NOTICE] Docker Image Format v1 and Docker Image manifest version 2, schema 1 support is disabled by default and will be removed in an upcoming release. Suggest the author of docker.io/library/redis:3.0.6 to upgrade the image to the OCI Format or Docker Image manifest v2, schema 2. More information at https://docs.docker.com/go/deprecated-image-specs/',
    });
  });

  it.each([
    ['nginx:nope', MANIFEST_UNKNOWN_MESSAGE],
    ['nope/nope', UNKNOWN_REPOSITORY_MESSAGE],
    ['NOPE', 'invalid reference format: repository name (library/NOPE) must be lowercase'],
  ])('fails for %s', (text, message) => {
    const result = distributionInspect(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(message);
  });
});

describe('pinImage (the daemon pinning a service image)', () => {
  it.each([
    ['nginx', `nginx:latest@${NGINX_LATEST}`],
    ['nginx:1.25', `nginx:1.25@${NGINX_1_25}`],
    ['docker.io/library/nginx:1.25', `nginx:1.25@${NGINX_1_25}`],
    ['redis:3.0.6', `redis:3.0.6@${digestOf('redis', '3.0.6')}`],
    [`nginx@${NGINX_1_25}`, `nginx@${NGINX_1_25}`],
    [`docker.io/library/nginx:latest@${NGINX_1_25}`, `nginx:latest@${NGINX_1_25}`],
    ['0'.repeat(64), '0'.repeat(64)],
  ])('%s → %s', (text, pinned) => {
    expect(pinImage(text)).toEqual({ ok: true, value: pinned });
  });

  it('fails as the registry does', () => {
    expect(pinImage('nginx:nope')).toEqual({
      ok: false,
      reason: 'manifest-unknown',
      message: MANIFEST_UNKNOWN_MESSAGE,
    });
    expect(pinImage('nope/nope').ok).toBe(false);
  });
});

describe('tagsOf', () => {
  it('lists every tag of a repository once', () => {
    const tags = tagsOf(entry('redis'));
    expect(tags).toEqual(
      expect.arrayContaining(['latest', '7.4.2', '7.4.1', '7.4.0', '3.0.7', '3.0.6', 'alpine']),
    );
    expect(new Set(tags).size).toBe(tags.length);
  });
});
