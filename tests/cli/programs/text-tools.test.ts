import { describe, expect, it } from 'vitest';
import type { ProgramEntry } from '../../../src/cli/process';
import { catProgram } from '../../../src/cli/programs/cat';
import { headProgram } from '../../../src/cli/programs/head';
import { sortProgram } from '../../../src/cli/programs/sort';
import { tailProgram } from '../../../src/cli/programs/tail';
import { wcProgram } from '../../../src/cli/programs/wc';
import { runProgram } from '../shell/harness';

const twelve = Array.from({ length: 12 }, (_, index) => `line ${index + 1}\n`).join('');

async function run(
  program: ProgramEntry,
  args: readonly string[],
  stdin: string,
): Promise<[string, number]> {
  const result = await runProgram(program, args, { stdin });
  return [result.stdout + result.stderr, result.status];
}

describe('wc', () => {
  it.each([
    [['-l'], 'a\nb\nc\n', '3\n'],
    [['-l'], '', '0\n'],
    [['-l'], 'no newline', '0\n'],
    [['-w'], ' one two\tthree\n', '3\n'],
    [['-c'], 'héllo\n', '7\n'],
    [['-m'], 'héllo\n', '6\n'],
    [[], 'a b\nc\n', '      2       3       6\n'],
    [['-lw'], 'a b\n', '      1       2\n'],
    [['--lines'], 'x\n', '1\n'],
    [['-z'], '', "wc: invalid option -- 'z'\nTry 'wc --help' for more information.\n"],
  ])('wc %j', async (args, stdin, output) => {
    expect((await run(wcProgram, args, stdin))[0]).toBe(output);
  });

  it('names the file it counted', async () => {
    expect(await run(wcProgram, ['-l', '/etc/hostname'], '')).toEqual(['1 /etc/hostname\n', 0]);
  });
});

describe('head and tail', () => {
  it.each([
    [headProgram, [], twelve.split('\n').slice(0, 10).join('\n') + '\n'],
    [headProgram, ['-n', '2'], 'line 1\nline 2\n'],
    [headProgram, ['-2'], 'line 1\nline 2\n'],
    [headProgram, ['-n2'], 'line 1\nline 2\n'],
    [headProgram, ['--lines=1'], 'line 1\n'],
    [headProgram, ['-n', '-10'], 'line 1\nline 2\n'],
    [headProgram, ['-n', '0'], ''],
    [tailProgram, ['-n', '2'], 'line 11\nline 12\n'],
    [tailProgram, ['-1'], 'line 12\n'],
    [tailProgram, ['-n', '+11'], 'line 11\nline 12\n'],
    [tailProgram, [], twelve.split('\n').slice(2).join('\n')],
  ])('%o %j', async (program, args, output) => {
    expect(await run(program, args, twelve)).toEqual([output, 0]);
  });

  it('keeps a last line without a newline as it is', async () => {
    expect(await run(tailProgram, ['-n', '1'], 'a\nb')).toEqual(['b', 0]);
    expect(await run(headProgram, ['-n', '5'], 'a\nb')).toEqual(['a\nb', 0]);
  });

  it('rejects a bad count with GNU words', async () => {
    expect(await run(headProgram, ['-n', 'x'], '')).toEqual([
      'head: invalid number of lines: ‘x’\n',
      1,
    ]);
    expect(await run(tailProgram, ['-f'], '')).toEqual([
      'tail: following (-f) is not simulated in this playground\n',
      1,
    ]);
  });
});

describe('sort', () => {
  it.each([
    [[], 'b\na\nc\n', 'a\nb\nc\n'],
    [['-r'], 'b\na\nc\n', 'c\nb\na\n'],
    [[], 'B\na\nA\n', 'A\nB\na\n'],
    [['-f'], 'b\nA\na\n', 'A\na\nb\n'],
    [['-n'], '10\n9\n-1\nx\n', '-1\nx\n9\n10\n'],
    [['-nr'], '10\n9\n100\n', '100\n10\n9\n'],
    [['-u'], 'b\na\nb\na\n', 'a\nb\n'],
    [['-n', '-u'], '1\n01\n2\n', '01\n2\n'],
    [[], 'no newline', 'no newline\n'],
    [[], '', ''],
  ])('sort %j', async (args, stdin, output) => {
    expect(await run(sortProgram, args, stdin)).toEqual([output, 0]);
  });
});

describe('cat', () => {
  it.each([
    [[], 'piped\n', 'piped\n', 0],
    [['-'], 'piped', 'piped', 0],
    [['/etc/hostname'], '', 'manager1\n', 0],
    [['-n'], 'a\nb\n', '     1\ta\n     2\tb\n', 0],
    [['missing.txt'], '', 'cat: missing.txt: No such file or directory\n', 1],
  ])('cat %j', async (args, stdin, output, status) => {
    expect(await run(catProgram, args, stdin)).toEqual([output, status]);
  });
});
