import { describe, expect, it } from 'vitest';
import { runShell } from '../../../../../src/swarm/agent/exec/userland/shell';
import type { ProcessContext } from '../../../../../src/swarm/agent/exec/userland/process';
import { result } from '../../../../../src/swarm/agent/exec/userland/process';
import { buildFilesystem } from '../../../../../src/swarm/agent/exec/rootfs/tree';

const context: ProcessContext = {
  fs: buildFilesystem([[['/tmp', { kind: 'dir', mode: 0o1777, mtimeMs: 0 }]]]),
  userland: 'gnu',
  hostname: 'web-1',
  env: ['HOSTNAME=web-1', 'HOME=/root'],
  cwd: '/',
  user: { uid: 0, gid: 0, entry: null },
  stdin: '',
  nowEpochMs: 0,
};

/** `upper` reads its stdin; `fail` exits 3; anything else does not exist. */
const run = (argv: readonly string[], inner: ProcessContext) => {
  if (argv[0] === 'upper') return result(inner.stdin.toUpperCase());
  if (argv[0] === 'fail') return result('', 'failed\n', 3);
  return null;
};

function sh(script: string, shell = 'sh', ctx = context) {
  return runShell(shell, ['-c', script], ctx, run);
}

describe('sh -c in a container', () => {
  it('expands variables outside single quotes and keeps quoted spaces', () => {
    // Oracle (engine 20.10.24): `echo $HOSTNAME "a  b" '$X'` prints `<host> a  b $X`.
    expect(sh(`echo $HOSTNAME "a  b" '$X' \${HOME}x`).stdout).toBe('web-1 a  b $X /rootx\n');
  });

  it('joins commands with ;, && and ||, and keeps the last status', () => {
    expect(sh('false || echo or; true && echo and; fail && echo never')).toEqual({
      stdout: 'or\nand\n',
      stderr: 'failed\n',
      exitCode: 3,
    });
    expect(sh('exit 3').exitCode).toBe(3);
    expect(sh('fail; echo $?').stdout).toBe('3\n');
  });

  it('pipes stdout into the next command and redirects to /dev/null', () => {
    expect(sh('echo hi | upper').stdout).toBe('HI\n');
    expect(sh('fail 2>&1 | upper')).toMatchObject({ stdout: 'FAILED\n', stderr: '' });
    expect(sh('fail 2>/dev/null; echo x >/dev/null')).toMatchObject({ stdout: '', stderr: '' });
  });

  it('changes directory and exports for the rest of the script', () => {
    expect(sh('cd /tmp; pwd; export A=1; echo $A').stdout).toBe('/tmp\n1\n');
  });

  it('words a missing command as each shell does, exit 127', () => {
    expect(sh('nosuch')).toEqual({
      stdout: '',
      stderr: 'sh: 1: nosuch: not found\n',
      exitCode: 127,
    });
    expect(sh('nosuch', 'bash').stderr).toBe('bash: line 1: nosuch: command not found\n');
    expect(sh('nosuch', 'sh', { ...context, userland: 'busybox' }).stderr).toBe(
      'sh: nosuch: not found\n',
    );
  });

  it('says what it does not simulate instead of guessing', () => {
    expect(sh('echo $(hostname)')).toEqual({
      stdout: '',
      stderr: 'sh: command substitution: not simulated in this playground yet\n',
      exitCode: 1,
    });
    expect(sh('ls *').stderr).toBe('sh: globs: not simulated in this playground yet\n');
    expect(sh('echo x > /tmp/f').stderr).toBe(
      'sh: redirections: not simulated in this playground yet\n',
    );
  });
});
