import { describe, expect, it } from 'vitest';
import {
  containerConfigFacts,
  mergeEnv,
  pathAndArgs,
} from '../../../../src/swarm/agent/exec/container-config';
import type { ImageConfig } from '../../../../src/swarm/agent/exec/images';

const NGINX: ImageConfig = {
  User: '',
  ExposedPorts: ['80/tcp'],
  Env: [
    'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    'NGINX_VERSION=1.27.3',
  ],
  Entrypoint: ['/docker-entrypoint.sh'],
  Cmd: ['nginx', '-g', 'daemon off;'],
  WorkingDir: '',
  Volumes: [],
  Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
  StopSignal: 'SIGQUIT',
};

describe('the config a task container is created with', () => {
  it("puts the service's variables first and keeps the image's it does not set", () => {
    // Oracle (engine 20.10.24): --env FOO=bar --env NGINX_VERSION=9 on nginx gives
    // ["FOO=bar","NGINX_VERSION=9","PATH=…"].
    expect(mergeEnv(['FOO=bar', 'NGINX_VERSION=9'], NGINX.Env)).toEqual([
      'FOO=bar',
      'NGINX_VERSION=9',
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    ]);
    expect(mergeEnv([], NGINX.Env)).toEqual(NGINX.Env);
  });

  it("takes the image's entrypoint and cmd unless the spec's Command replaces both", () => {
    const plain = containerConfigFacts({ Image: 'nginx' }, NGINX);
    expect(plain).toMatchObject({
      entrypoint: ['/docker-entrypoint.sh'],
      cmd: ['nginx', '-g', 'daemon off;'],
      hostname: '',
      stopSignal: 'SIGQUIT',
    });
    expect(pathAndArgs(plain)).toEqual({
      path: '/docker-entrypoint.sh',
      args: ['nginx', '-g', 'daemon off;'],
    });
    const args = containerConfigFacts({ Image: 'nginx', Args: ['nginx', '-T'] }, NGINX);
    expect(args).toMatchObject({ entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-T'] });
    const command = containerConfigFacts({ Image: 'nginx', Command: ['sleep', '1d'] }, NGINX);
    expect(command).toMatchObject({ entrypoint: ['sleep', '1d'], cmd: null });
    expect(pathAndArgs(command)).toEqual({ path: 'sleep', args: ['1d'] });
    expect(pathAndArgs({ entrypoint: null, cmd: ['sh'] })).toEqual({ path: 'sh', args: [] });
  });

  it("keeps the spec's hostname, directory and user over the image's", () => {
    const facts = containerConfigFacts(
      { Image: 'nginx', Hostname: 'web-1', Dir: '/srv', User: 'nobody' },
      { ...NGINX, WorkingDir: '/usr/share/nginx', User: 'nginx' },
    );
    expect(facts).toMatchObject({ hostname: 'web-1', workingDir: '/srv', user: 'nobody' });
    const image = containerConfigFacts(
      { Image: 'nginx', Dir: '' },
      { ...NGINX, WorkingDir: '/data' },
    );
    expect(image.workingDir).toBe('/data');
  });
});
