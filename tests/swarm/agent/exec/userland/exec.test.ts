import { describe, expect, it } from 'vitest';
import {
  execEnvironment,
  execInContainer,
  replaceOrAppendEnv,
  type ExecRequest,
} from '../../../../../src/swarm/agent/exec/userland/exec';
import { containerRecord, RECORD_ID } from '../../../../support/container-record';

const HOST = RECORD_ID.slice(0, 12);
const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function exec(
  cmd: readonly string[],
  parts: Partial<ExecRequest> = {},
  record = containerRecord(),
) {
  const request = { cmd, env: [], workdir: '', user: '', tty: false, stdin: '', ...parts };
  return execInContainer(record, request, 0, 0);
}

describe('docker exec in a task container', () => {
  it("gives the daemon's PATH and HOSTNAME, the container's Env, the exec's -e, then HOME", () => {
    // Oracle (engine 20.10.24): PATH, HOSTNAME, the Env in order (PATH replaced in place), HOME.
    const env = execEnvironment(
      containerRecord(),
      { cmd: [], env: ['X=1', 'GREETING=over'], workdir: '', user: '', tty: true, stdin: '' },
      '/root',
    );
    expect(env).toEqual([
      PATH,
      `HOSTNAME=${HOST}`,
      'TERM=xterm',
      'GREETING=over',
      'X=1',
      'HOME=/root',
    ]);
    expect(replaceOrAppendEnv(['A=1', 'B=2'], ['A', 'C=3'])).toEqual(['B=2', 'C=3']);
  });

  it('runs hostname, env, cat and ls over the container', () => {
    expect(exec(['hostname'])).toEqual({ stdout: `${HOST}\n`, stderr: '', exitCode: 0 });
    expect(exec(['cat', '/etc/hostname']).stdout).toBe(`${HOST}\n`);
    expect(exec(['env']).stdout).toBe(`${PATH}\nHOSTNAME=${HOST}\nGREETING=hello\nHOME=/root\n`);
    expect(exec(['ls', '/run'])).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(exec(['/bin/ls', '-d', '/etc'])).toMatchObject({ stdout: '/etc\n', exitCode: 0 });
  });

  it('fails a program it cannot find as runc does: the OCI text on stdout, exit 126', () => {
    // Oracle (engine 20.10.24), byte for byte, with CRLF.
    expect(exec(['nosuchcmd'])).toEqual({
      stdout:
        'OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuchcmd": executable file not found in $PATH: unknown\r\n',
      stderr: '',
      exitCode: 126,
    });
    expect(exec(['/nosuch/path']).stdout).toContain(
      'exec: "/nosuch/path": stat /nosuch/path: no such file or directory: unknown',
    );
    expect(exec(['pwd'], { workdir: '/nosuch' }).stdout).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("/nosuch") set in config.json failed: no such file or directory: unknown\r\n',
    );
    expect(exec(['id'], { user: 'bob' })).toEqual({
      stdout: 'unable to find user bob: no matching entries in passwd file\r\n',
      stderr: '',
      exitCode: 126,
    });
  });

  it('runs as -u and in -w, with HOME from passwd', () => {
    const alpine = containerRecord({ userland: 'busybox', entrypoint: null, cmd: ['sh'] });
    expect(
      exec(['sh', '-c', 'id; pwd; echo $HOME'], { user: 'nobody', workdir: '/etc' }, alpine).stdout,
    ).toBe('uid=65534(nobody) gid=65534(nobody) groups=65534(nobody)\n/etc\n/\n');
    // Oracle (engine 20.10.24): an unknown uid runs with gid 0 and HOME /.
    expect(exec(['sh', '-c', 'id; echo $HOME'], { user: '1234' }, alpine).stdout).toBe(
      'uid=1234 gid=0(root) groups=0(root)\n/\n',
    );
  });

  it("prints BusyBox's texts in an Alpine container", () => {
    const alpine = containerRecord({ userland: 'busybox', entrypoint: null, cmd: ['sh'] });
    // Oracle (engine 20.10.24, busybox): these texts and exit codes.
    expect(exec(['cat', '/nosuch'], {}, alpine)).toEqual({
      stdout: '',
      stderr: "cat: can't open '/nosuch': No such file or directory\n",
      exitCode: 1,
    });
    expect(exec(['ls', '/nosuch'], {}, alpine)).toEqual({
      stdout: '',
      stderr: 'ls: /nosuch: No such file or directory\n',
      exitCode: 1,
    });
    expect(exec(['cat', '/etc'], {}, alpine).stderr).toBe('cat: read error: Is a directory\n');
    expect(exec(['sh', '-c', 'nosuch; echo $?'], {}, alpine)).toEqual({
      stdout: '127\n',
      stderr: 'sh: nosuch: not found\n',
      exitCode: 0,
    });
  });

  it("prints GNU's texts in a Debian one, and merges the streams on a TTY", () => {
    expect(exec(['ls', '/nosuch'])).toEqual({
      stdout: '',
      stderr: "ls: cannot access '/nosuch': No such file or directory\n",
      exitCode: 2,
    });
    expect(exec(['cat', '/nosuch', '/etc/hostname'], { tty: true })).toEqual({
      stdout: `${HOST}\r\ncat: /nosuch: No such file or directory\r\n`,
      stderr: '',
      exitCode: 1,
    });
  });

  it('says so for a program the image has but the playground does not run', () => {
    expect(exec(['nginx', '-t'])).toEqual({
      stdout: '',
      stderr: 'nginx: not simulated in this playground yet\n',
      exitCode: 1,
    });
  });
});
