import { describe, expect, it } from 'vitest';
import { builtinPrograms } from '../../../src/cli/programs';
import { FakeClock } from '../../support/fake-clock';
import { createSession, memoryFiles } from '../../support/shell-harness';

function shell(nowMs?: number) {
  const machine = memoryFiles('manager1', nowMs);
  return createSession({ programs: builtinPrograms, files: machine.files }).session;
}

describe('ls', () => {
  it('lists names on one line on a terminal, one a line in a pipe, hidden ones with -a', async () => {
    const session = shell();
    await session.submit('touch b a .h && mkdir d');
    expect(await session.submit('ls')).toEqual({ output: 'a  b  d\n', exitCode: 0 });
    expect(await session.submit('ls | cat')).toEqual({ output: 'a\nb\nd\n', exitCode: 0 });
    expect(await session.submit('ls -a')).toEqual({ output: '.  ..  .h  a  b  d\n', exitCode: 0 });
  });

  it('prints the long format with its total, and a missing path with status 2', async () => {
    // Files written an hour before the shell's clock show their time; older ones their year.
    const session = shell(FakeClock.EPOCH_MS - 3_600_000);
    await session.submit('echo hello > a.txt && mkdir d');
    expect(await session.submit('ls -l')).toEqual({
      output:
        'total 8\n-rw-r--r-- 1 root root    6 Nov 25 07:11 a.txt\ndrwxr-xr-x 2 root root 4096 Nov 25 07:11 d\n',
      exitCode: 0,
    });
    expect((await shell().submit('ls -ld /root')).output).toBe(
      'drwx------ 2 root root 4096 Nov 14  2023 /root\n',
    );
    expect(await session.submit('ls nothere')).toEqual({
      output: "ls: cannot access 'nothere': No such file or directory\n",
      exitCode: 2,
    });
    expect(await session.submit('ls a.txt /root/d')).toEqual({
      output: 'a.txt\n\n/root/d:\n',
      exitCode: 0,
    });
  });
});
