import { describe, expect, it } from 'vitest';
import { ls } from '../../../../../src/swarm/agent/exec/userland/files';
import type { ProcessContext } from '../../../../../src/swarm/agent/exec/userland/process';
import { buildFilesystem } from '../../../../../src/swarm/agent/exec/rootfs/tree';

const NOW = Date.UTC(2026, 11, 7, 14, 0);
const fs = buildFilesystem([
  [
    ['/bin', { kind: 'dir', mode: 0o755, mtimeMs: Date.UTC(2025, 0, 1) }],
    [
      '/etc/hostname',
      {
        kind: 'file',
        mode: 0o644,
        mtimeMs: Date.UTC(2026, 11, 7, 13, 45),
        text: 'ct-env-1-manager1\n',
      },
    ],
    ['/run', { kind: 'dir', mode: 0o755, mtimeMs: Date.UTC(2025, 0, 1) }],
  ],
]);

function context(userland: ProcessContext['userland']): ProcessContext {
  return {
    fs,
    userland,
    hostname: 'h',
    env: [],
    cwd: '/',
    user: { uid: 0, gid: 0, entry: null },
    stdin: '',
    nowEpochMs: NOW,
  };
}

describe('ls in a container', () => {
  it("prints BusyBox's fixed-width long format, with the year for old files", () => {
    // Oracle (engine 20.10.24, busybox): `ls -la /etc/hostname /run`, byte for byte.
    expect(ls(['-la', '/etc/hostname', '/run'], context('busybox')).stdout).toBe(
      '-rw-r--r--    1 root     root            18 Dec  7 13:45 /etc/hostname\n\n/run:\ntotal 8\n' +
        'drwxr-xr-x    2 root     root          4096 Jan  1  2025 .\n' +
        'drwxr-xr-x    5 root     root          4096 Jan  1  1970 ..\n',
    );
  });

  it("pads GNU's long format to the widest column and lists names one a line", () => {
    expect(ls(['-l', '/'], context('gnu')).stdout).toBe(
      'total 12\ndrwxr-xr-x 2 root root 4096 Jan  1  2025 bin\ndrwxr-xr-x 2 root root 4096 Dec  7 13:45 etc\ndrwxr-xr-x 2 root root 4096 Jan  1  2025 run\n',
    );
    expect(ls([], context('gnu')).stdout).toBe('bin\netc\nrun\n');
  });

  it('refuses an option it does not know, in each userland', () => {
    expect(ls(['-z'], context('gnu'))).toEqual({
      stdout: '',
      stderr: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n",
      exitCode: 2,
    });
    expect(ls(['-z'], context('busybox')).exitCode).toBe(1);
  });
});
