import { describe, expect, it } from 'vitest';
import { echoProgram } from '../../../src/cli/programs/echo';
import { printfProgram } from '../../../src/cli/programs/printf';
import { runProgram } from '../../support/shell-harness';

describe('echo', () => {
  it.each([
    [[], '\n'],
    [['a', 'b'], 'a b\n'],
    [['-n', 'a'], 'a'],
    [['-e', 'a\\tb\\n'], 'a\tb\n\n'],
    [['a\\tb'], 'a\\tb\n'],
    [['-ne', 'x\\n'], 'x\n'],
    [['-en', 'x'], 'x'],
    [['-e', 'a\\cb'], 'a'],
    [['-e', '\\0101\\x42'], 'AB\n'],
    [['-E', '-e', 'a\\n'], 'a\n\n'],
    [['--', 'a'], '-- a\n'],
    [['-x', 'a'], '-x a\n'],
    [['a', '-n'], 'a -n\n'],
  ])('echo %j', async (args, stdout) => {
    expect(await runProgram(echoProgram, args)).toEqual({ stdout, stderr: '', status: 0 });
  });
});

describe('printf', () => {
  it.each([
    [['hello'], 'hello'],
    [['%s\\n', 'a'], 'a\n'],
    [['%s\\n', 'a', 'b', 'c'], 'a\nb\nc\n'],
    [['%s=%s\\n', 'a', '1', 'b'], 'a=1\nb=\n'],
    [['%d%%\\n', '42'], '42%\n'],
    [['[%5s][%-5s]\\n', 'ab', 'cd'], '[   ab][cd   ]\n'],
    [['[%05d][%x][%X][%o]\\n', '42', '255', '255', '8'], '[00042][ff][FF][10]\n'],
    [['%.2s\\n', 'abcdef'], 'ab\n'],
    [['%b\\n', 'a\\tb'], 'a\tb\n'],
    [['%q\\n', 'a b'], 'a\\ b\n'],
    [['%c', 'xyz'], 'x'],
    [['%d\\n', '-7'], '-7\n'],
    [['%d\\n'], '0\n'],
    [['a\\tb\\c tail'], 'a\tb'],
    [['--', '%s', 'x'], 'x'],
  ])('printf %j', async (args, stdout) => {
    expect(await runProgram(printfProgram, args)).toEqual({ stdout, stderr: '', status: 0 });
  });

  it('reports an invalid number and goes on with 0', async () => {
    expect(await runProgram(printfProgram, ['%d\\n', 'abc'])).toEqual({
      stdout: '0\n',
      stderr: 'bash: printf: abc: invalid number\n',
      status: 1,
    });
  });

  it('rejects an unknown conversion', async () => {
    expect(await runProgram(printfProgram, ['%z'])).toEqual({
      stdout: '',
      stderr: "bash: printf: `z': invalid format character\n",
      status: 1,
    });
  });

  it('prints its usage without a format', async () => {
    expect(await runProgram(printfProgram, [])).toEqual({
      stdout: '',
      stderr: 'printf: usage: printf [-v var] format [arguments]\n',
      status: 2,
    });
  });
});
