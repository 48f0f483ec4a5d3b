import { describe, expect, it } from 'vitest';
import {
  containerFilesystem,
  hostsFile,
  RESOLV_CONF,
} from '../../../../../src/swarm/agent/exec/rootfs/layers';
import { childNames, resolvePath } from '../../../../../src/swarm/agent/exec/rootfs/tree';
import { containerRecord } from '../../../../support/container-record';

describe("a task container's files", () => {
  it("writes /etc/hosts as libnetwork does, the container's address last", () => {
    // Oracle (engine 20.10.24): the same lines, `172.17.0.2\t<hostname>` last.
    expect(hostsFile(containerRecord({ hostname: 'web-1' }))).toBe(
      '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n172.17.0.2\tweb-1\n',
    );
    expect(hostsFile(containerRecord({ ipAddress: '' }))).not.toContain('172.17');
  });

  it('has the hostname, resolv.conf and the top-level directories of its image', () => {
    const fs = containerFilesystem(containerRecord({ hostname: 'web-1' }), 0);
    expect(resolvePath(fs, '/etc/hostname')).toMatchObject({ entry: { text: 'web-1\n' } });
    expect(resolvePath(fs, '/etc/resolv.conf')).toMatchObject({ entry: { text: RESOLV_CONF } });
    expect(childNames(fs, '/')).toEqual([
      'bin',
      'boot',
      'dev',
      'docker-entrypoint.d',
      'docker-entrypoint.sh',
      'etc',
      'home',
      'lib',
      'lib64',
      'media',
      'mnt',
      'opt',
      'proc',
      'root',
      'run',
      'sbin',
      'srv',
      'sys',
      'tmp',
      'usr',
      'var',
    ]);
    const alpine = containerFilesystem(
      containerRecord({ userland: 'busybox', entrypoint: null, cmd: ['sh'] }),
      0,
    );
    expect(resolvePath(alpine, '/bin/cat', true)).toMatchObject({
      entry: { kind: 'link', target: '/bin/busybox' },
    });
  });

  it('puts a mount on top of the rest', () => {
    const secret = { kind: 'file', mode: 0o444, mtimeMs: 0, text: 's3cret' } as const;
    const fs = containerFilesystem(containerRecord(), 0, [[['/run/secrets/db', secret]]]);
    expect(childNames(fs, '/run/secrets')).toEqual(['db']);
  });
});
