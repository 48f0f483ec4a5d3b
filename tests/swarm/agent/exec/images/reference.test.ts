import { describe, expect, it } from 'vitest';
import {
  familiarName,
  familiarString,
  imageWithDigestString,
  imageWithTagString,
  parseAnyReference,
  parseDockerRef,
  parseNormalizedNamed,
  parseReference,
  referenceName,
  referenceString,
  tagNameOnly,
  trimNamed,
  validateDigest,
  withDigest,
  withTag,
} from '../../../../../src/swarm/agent/exec/images/reference';

const HEX = 'a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4';
const DIGEST = `sha256:${HEX}`;

function parsed(text: string) {
  const result = parseNormalizedNamed(text);
  if (!result.ok) throw new Error(`${text}: ${result.message}`);
  return result.value;
}

describe('parseNormalizedNamed', () => {
  it.each([
    // text, domain, path, tag, digest, String(), familiar string
    ['nginx', 'docker.io', 'library/nginx', null, null, 'docker.io/library/nginx', 'nginx'],
    [
      'nginx:1.25',
      'docker.io',
      'library/nginx',
      '1.25',
      null,
      'docker.io/library/nginx:1.25',
      'nginx:1.25',
    ],
    [
      'nginx:latest',
      'docker.io',
      'library/nginx',
      'latest',
      null,
      'docker.io/library/nginx:latest',
      'nginx:latest',
    ],
    [
      `nginx@${DIGEST}`,
      'docker.io',
      'library/nginx',
      null,
      DIGEST,
      `docker.io/library/nginx@${DIGEST}`,
      `nginx@${DIGEST}`,
    ],
    [
      `nginx:1.25@${DIGEST}`,
      'docker.io',
      'library/nginx',
      '1.25',
      DIGEST,
      `docker.io/library/nginx:1.25@${DIGEST}`,
      `nginx:1.25@${DIGEST}`,
    ],
    ['library/nginx', 'docker.io', 'library/nginx', null, null, 'docker.io/library/nginx', 'nginx'],
    [
      'docker.io/nginx',
      'docker.io',
      'library/nginx',
      null,
      null,
      'docker.io/library/nginx',
      'nginx',
    ],
    [
      'docker.io/library/nginx',
      'docker.io',
      'library/nginx',
      null,
      null,
      'docker.io/library/nginx',
      'nginx',
    ],
    [
      'index.docker.io/library/nginx:1.27',
      'docker.io',
      'library/nginx',
      '1.27',
      null,
      'docker.io/library/nginx:1.27',
      'nginx:1.27',
    ],
    [
      'traefik:v3.1',
      'docker.io',
      'library/traefik',
      'v3.1',
      null,
      'docker.io/library/traefik:v3.1',
      'traefik:v3.1',
    ],
    ['user/app', 'docker.io', 'user/app', null, null, 'docker.io/user/app', 'user/app'],
    [
      'portainer/portainer-ce:2.21.5',
      'docker.io',
      'portainer/portainer-ce',
      '2.21.5',
      null,
      'docker.io/portainer/portainer-ce:2.21.5',
      'portainer/portainer-ce:2.21.5',
    ],
    ['library/a/b', 'docker.io', 'library/a/b', null, null, 'docker.io/library/a/b', 'library/a/b'],
    [
      'localhost:5000/app',
      'localhost:5000',
      'app',
      null,
      null,
      'localhost:5000/app',
      'localhost:5000/app',
    ],
    ['localhost/app:v1', 'localhost', 'app', 'v1', null, 'localhost/app:v1', 'localhost/app:v1'],
    [
      '127.0.0.1:5000/team/app:v2',
      '127.0.0.1:5000',
      'team/app',
      'v2',
      null,
      '127.0.0.1:5000/team/app:v2',
      '127.0.0.1:5000/team/app:v2',
    ],
    [
      'registry.example.com/app',
      'registry.example.com',
      'app',
      null,
      null,
      'registry.example.com/app',
      'registry.example.com/app',
    ],
    ['[::1]:5000/app', '[::1]:5000', 'app', null, null, '[::1]:5000/app', '[::1]:5000/app'],
    // An upper-case first element is taken for a registry host.
    ['Registry/app', 'Registry', 'app', null, null, 'Registry/app', 'Registry/app'],
    // A bare host:port has no slash, so it is a repository with a tag (reference's own FIXME).
    [
      'localhost:5000',
      'docker.io',
      'library/localhost',
      '5000',
      null,
      'docker.io/library/localhost:5000',
      'localhost:5000',
    ],
    [
      'nginx:Latest_1.x',
      'docker.io',
      'library/nginx',
      'Latest_1.x',
      null,
      'docker.io/library/nginx:Latest_1.x',
      'nginx:Latest_1.x',
    ],
    [
      'foo__bar',
      'docker.io',
      'library/foo__bar',
      null,
      null,
      'docker.io/library/foo__bar',
      'foo__bar',
    ],
    [
      'foo---bar.baz_qux',
      'docker.io',
      'library/foo---bar.baz_qux',
      null,
      null,
      'docker.io/library/foo---bar.baz_qux',
      'foo---bar.baz_qux',
    ],
  ])('%s', (text, domain, path, tag, digest, full, familiar) => {
    const reference = parsed(text);
    expect(reference).toEqual({ kind: 'named', domain, path, tag, digest });
    expect(referenceString(reference)).toBe(full);
    expect(familiarString(reference)).toBe(familiar);
  });

  it.each([
    ['Nginx', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['NGINX:1.25', 'invalid reference format: repository name (library/NGINX) must be lowercase'],
    [
      'docker.io/Nginx',
      'invalid reference format: repository name (library/Nginx) must be lowercase',
    ],
    ['user/App', 'invalid reference format: repository name (user/App) must be lowercase'],
    ['localhost:5000/App', 'invalid reference format: repository name (App) must be lowercase'],
    // The check cuts at the first colon, so a digest's algorithm is part of the "name".
    [
      `nginx@SHA256:${HEX}`,
      'invalid reference format: repository name (library/nginx@SHA256) must be lowercase',
    ],
    [HEX, `invalid repository name (${HEX}), cannot specify 64-byte hexadecimal strings`],
    ['', 'invalid reference format'],
    ['nginx:', 'invalid reference format'],
    [':1.25', 'invalid reference format'],
    ['nginx::1', 'invalid reference format'],
    ['nginx:-1', 'invalid reference format'],
    [`nginx:${'a'.repeat(129)}`, 'invalid reference format'],
    ['nginx@sha256:abc', 'invalid reference format'],
    ['nginx@', 'invalid reference format'],
    ['-nginx', 'invalid reference format'],
    ['nginx-', 'invalid reference format'],
    ['foo___bar', 'invalid reference format'],
    ['foo..bar', 'invalid reference format'],
    ['nginx/', 'invalid reference format'],
    ['a//b', 'invalid reference format'],
    ['nginx latest', 'invalid reference format'],
    ['http://nginx', 'invalid reference format'],
    [`nginx@sha256:${HEX.toUpperCase()}`, 'invalid checksum digest format'],
    [`nginx@sha256:${HEX}00`, 'invalid checksum digest length'],
    [`nginx@sha512:${HEX}`, 'invalid checksum digest length'],
    [`nginx@md5:${HEX.slice(0, 32)}`, 'unsupported digest algorithm'],
    [`user/${'a'.repeat(251)}`, 'repository name must not be more than 255 characters'],
  ])('refuses %j with docker’s error', (text, message) => {
    expect(parseNormalizedNamed(text)).toEqual({ ok: false, message });
  });

  it('accepts a path of exactly 255 characters', () => {
    expect(parseNormalizedNamed(`user/${'a'.repeat(250)}`).ok).toBe(true);
  });
});

describe('parseReference (reference.Parse, not normalised)', () => {
  it.each([
    ['', 'repository name must have at least one component'],
    // Only the upper case makes it fail, and no normalising check came first.
    ['example.com/Foo', 'repository name must be lowercase'],
    ['example.com/foo:bar/baz', 'invalid reference format'],
  ])('%j: %s', (text, message) => {
    expect(parseReference(text)).toEqual({ ok: false, message });
  });

  it('splits the first element off as a domain when it can be one', () => {
    expect(parseReference('foo/bar')).toEqual({
      ok: true,
      value: { kind: 'named', domain: 'foo', path: 'bar', tag: null, digest: null },
    });
    expect(parseReference('nginx')).toEqual({
      ok: true,
      value: { kind: 'named', domain: '', path: 'nginx', tag: null, digest: null },
    });
  });
});

describe('familiarName and referenceName', () => {
  it.each([
    ['nginx:1.25', 'nginx', 'docker.io/library/nginx'],
    ['library/a/b', 'library/a/b', 'docker.io/library/a/b'],
    ['dockersamples/visualizer', 'dockersamples/visualizer', 'docker.io/dockersamples/visualizer'],
    ['localhost:5000/app', 'localhost:5000/app', 'localhost:5000/app'],
  ])('%s', (text, familiar, name) => {
    const reference = parsed(text);
    expect(familiarName(reference)).toBe(familiar);
    expect(referenceName(reference)).toBe(name);
  });
});

describe('tagNameOnly and parseDockerRef', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.25', 'docker.io/library/nginx:1.25'],
    [`nginx@${DIGEST}`, `docker.io/library/nginx@${DIGEST}`],
    [`nginx:1.25@${DIGEST}`, `docker.io/library/nginx@${DIGEST}`],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
  ])('%s → %s', (text, expected) => {
    const result = parseDockerRef(text);
    expect(result.ok && referenceString(result.value)).toBe(expected);
  });

  it('adds latest only to a reference with neither tag nor digest', () => {
    expect(referenceString(tagNameOnly(parsed('redis')))).toBe('docker.io/library/redis:latest');
    expect(referenceString(tagNameOnly(parsed(`redis@${DIGEST}`)))).toBe(
      `docker.io/library/redis@${DIGEST}`,
    );
  });

  it('passes the parse error on', () => {
    expect(parseDockerRef('Redis')).toEqual({
      ok: false,
      message: 'invalid reference format: repository name (library/Redis) must be lowercase',
    });
  });
});

describe('parseAnyReference', () => {
  it.each([
    [HEX, { kind: 'digest', digest: DIGEST }],
    [DIGEST, { kind: 'digest', digest: DIGEST }],
    [
      'nginx',
      { kind: 'named', domain: 'docker.io', path: 'library/nginx', tag: null, digest: null },
    ],
    // `name:tag` is not a digest: the algorithm is unknown, so it is parsed as a name.
    [
      'nginx:latest',
      { kind: 'named', domain: 'docker.io', path: 'library/nginx', tag: 'latest', digest: null },
    ],
  ])('%s', (text, value) => {
    expect(parseAnyReference(text)).toEqual({ ok: true, value });
  });

  it('refuses what is neither', () => {
    expect(parseAnyReference('Nginx')).toEqual({
      ok: false,
      message: 'invalid reference format: repository name (library/Nginx) must be lowercase',
    });
  });
});

describe('validateDigest (go-digest)', () => {
  it.each([
    [DIGEST, null],
    [`sha512:${'0'.repeat(128)}`, null],
    [`sha384:${'0'.repeat(96)}`, null],
    ['sha256', 'invalid checksum digest format'],
    ['sha256:', 'invalid checksum digest format'],
    [':abc', 'invalid checksum digest format'],
    ['sha256:abc', 'invalid checksum digest length'],
    [`sha256:${'g'.repeat(64)}`, 'invalid checksum digest format'],
    ['md5:d41d8cd98f00b204e9800998ecf8427e', 'unsupported digest algorithm'],
    ['MD5:d41d8cd98f00b204e9800998ecf8427e', 'invalid checksum digest format'],
  ])('%s', (text, error) => {
    expect(validateDigest(text)).toBe(error);
  });
});

describe('withTag, withDigest, trimNamed', () => {
  it('keeps what the reference had', () => {
    const tagged = withTag(parsed(`nginx@${DIGEST}`), '1.27');
    expect(tagged.ok && familiarString(tagged.value)).toBe(`nginx:1.27@${DIGEST}`);
    const pinned = withDigest(parsed('nginx:1.27'), DIGEST);
    expect(pinned.ok && familiarString(pinned.value)).toBe(`nginx:1.27@${DIGEST}`);
    expect(familiarString(trimNamed(parsed(`nginx:1.27@${DIGEST}`)))).toBe('nginx');
  });

  it('refuses a bad tag or digest', () => {
    expect(withTag(parsed('nginx'), '-x')).toEqual({ ok: false, message: 'invalid tag format' });
    expect(withDigest(parsed('nginx'), 'sha256:xyz')).toEqual({
      ok: false,
      message: 'invalid digest format',
    });
  });
});

describe("the docker client's service image strings", () => {
  it.each([
    ['nginx', 'nginx:latest'],
    ['docker.io/library/nginx:1.27', 'nginx:1.27'],
    [`nginx@${DIGEST}`, `nginx@${DIGEST}`],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['Nginx', 'Nginx'],
  ])('imageWithTagString(%s) = %s', (text, expected) => {
    expect(imageWithTagString(text)).toBe(expected);
  });

  it.each([
    ['nginx:latest', `nginx:latest@${DIGEST}`],
    ['nginx', `nginx@${DIGEST}`],
    [`nginx:1.27@${DIGEST}`, `nginx:1.27@${DIGEST}`],
    ['Nginx', 'Nginx'],
  ])('imageWithDigestString(%s) = %s', (text, expected) => {
    expect(imageWithDigestString(text, DIGEST)).toBe(expected);
  });
});
