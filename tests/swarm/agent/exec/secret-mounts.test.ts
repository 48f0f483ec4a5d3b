import { describe, expect, it } from 'vitest';
import { mountedFiles } from '../../../../src/swarm/agent/exec/secret-mounts';

const file = (name: string, mode = 0o444) => ({ Name: name, UID: '0', GID: '0', Mode: mode });
const DEPENDENCIES = [
  { kind: 'secret' as const, id: 's1', name: 'db', data: 'czNjcjN0' },
  { kind: 'config' as const, id: 'c1', name: 'site', data: 'YT0x' },
];

describe("a task container's secret and config files", () => {
  it('puts relative secret targets under /run/secrets and relative config targets under /', () => {
    const mounted = mountedFiles(
      {
        Image: 'busybox',
        Secrets: [
          { File: file('db'), SecretID: 's1', SecretName: 'db' },
          { File: file('/etc/db', 0o400), SecretID: 's1', SecretName: 'db' },
        ],
        Configs: [
          { File: file('site.conf'), ConfigID: 'c1', ConfigName: 'site' },
          { ConfigID: 'c1', ConfigName: 'site' },
        ],
      },
      DEPENDENCIES,
    );
    expect(mounted).toEqual({
      ok: true,
      files: [
        { source: 'secret', name: 'db', path: '/run/secrets/db', text: 's3cr3t', mode: 0o444 },
        { source: 'secret', name: 'db', path: '/etc/db', text: 's3cr3t', mode: 0o400 },
        { source: 'config', name: 'site', path: '/site.conf', text: 'a=1', mode: 0o444 },
      ],
    });
  });

  it("fails the start, with moby's text, when the node has not been sent the secret", () => {
    const mounted = mountedFiles(
      { Image: 'busybox', Secrets: [{ File: file('x'), SecretID: 's9', SecretName: 'x' }] },
      DEPENDENCIES,
    );
    expect(mounted).toEqual({
      ok: false,
      error: 'unable to get secret from secret store: secret s9 not found',
    });
    expect(mountedFiles(undefined, [])).toEqual({ ok: true, files: [] });
  });
});
