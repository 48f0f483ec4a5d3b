import { describe, expect, it } from 'vitest';
import { grepProgram } from '../../../src/cli/programs/grep';
import { runProgram } from '../../support/shell-harness';

const nodes = `ID  HOSTNAME  STATUS
abc * manager1  Ready
def   worker1   Down
ghi   worker2   Ready
`;

async function grep(args: readonly string[], stdin = nodes): Promise<[string, number]> {
  const result = await runProgram(grepProgram, args, { stdin });
  return [result.stdout + result.stderr, result.status];
}

describe('grep', () => {
  it.each([
    [['Ready'], 'abc * manager1  Ready\nghi   worker2   Ready\n', 0],
    [['-v', 'Ready'], 'ID  HOSTNAME  STATUS\ndef   worker1   Down\n', 0],
    [['-c', 'worker'], '2\n', 0],
    [['-i', 'down'], 'def   worker1   Down\n', 0],
    [['-n', 'Down'], '3:def   worker1   Down\n', 0],
    [['-vc', 'Ready'], '2\n', 0],
    [['nothing'], '', 1],
    [['-c', 'nothing'], '0\n', 1],
    [['-q', 'Ready'], '', 0],
    [['^ghi'], 'ghi   worker2   Ready\n', 0],
    [['Down$'], 'def   worker1   Down\n', 0],
    [['work.r1'], 'def   worker1   Down\n', 0],
    [['worker[12]'], 'def   worker1   Down\nghi   worker2   Ready\n', 0],
    [['[[:digit:]]  R'], 'abc * manager1  Ready\n', 0],
    [['-E', 'Down|manager'], 'abc * manager1  Ready\ndef   worker1   Down\n', 0],
    [['Down\\|manager'], 'abc * manager1  Ready\ndef   worker1   Down\n', 0],
    [['Down|manager'], '', 1],
    [['-E', 'r[0-9]+ '], 'abc * manager1  Ready\ndef   worker1   Down\nghi   worker2   Ready\n', 0],
    [['r[0-9]\\+ '], 'abc * manager1  Ready\ndef   worker1   Down\nghi   worker2   Ready\n', 0],
    [['-F', '*'], 'abc * manager1  Ready\n', 0],
    [['*'], 'abc * manager1  Ready\n', 0],
    [['-w', 'worker'], '', 1],
    [['-w', 'worker1'], 'def   worker1   Down\n', 0],
    [['-x', 'ID  HOSTNAME  STATUS'], 'ID  HOSTNAME  STATUS\n', 0],
    [['-o', 'worker[0-9]'], 'worker1\nworker2\n', 0],
    [['-e', 'Down', '-e', 'ID'], 'ID  HOSTNAME  STATUS\ndef   worker1   Down\n', 0],
    [['Ready', '-c'], '2\n', 0],
    [['--count', '--ignore-case', 'ready'], '2\n', 0],
    [['--color=auto', 'Down'], 'def   worker1   Down\n', 0],
    [
      ['-h'],
      "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      2,
    ],
  ])('grep %j', async (args, output, status) => {
    expect(await grep(args)).toEqual([output, status]);
  });

  it.each([
    [['-z', 'x'], "grep: invalid option -- 'z'\n"],
    [['--frobnicate', 'x'], "grep: unrecognized option '--frobnicate'\n"],
    [['a\\(b'], 'grep: Unmatched ( or \\(\n'],
    [['-E', 'a(b'], 'grep: Unmatched ( or \\(\n'],
    [['[abc'], 'grep: Unmatched [, [^, [:, [., or [=\n'],
    [[], ''],
  ])('exits 2 on %j', async (args, message) => {
    const [output, status] = await grep(args);
    expect(status).toBe(2);
    expect(output.startsWith(message)).toBe(true);
  });

  it('reports a missing file and still searches the rest', async () => {
    expect(await grep(['manager', '-', 'nope.txt'])).toEqual([
      '(standard input):abc * manager1  Ready\ngrep: nope.txt: No such file or directory\n',
      2,
    ]);
  });
});

describe('grep context', () => {
  const text = 'a\nb\nmatch1\nc\nd\ne\nmatch2\nf\n';

  it.each([
    [['-A', '1', 'match'], 'match1\nc\n--\nmatch2\nf\n'],
    [['-B1', 'match'], 'b\nmatch1\n--\ne\nmatch2\n'],
    [['-C', '2', 'match'], 'a\nb\nmatch1\nc\nd\ne\nmatch2\nf\n'],
    [['-n', '-A', '1', 'match1'], '3:match1\n4-c\n'],
    [['--after-context=1', '-c', 'match'], '2\n'],
  ])('grep %j', async (args, stdout) => {
    expect(await runProgram(grepProgram, args, { stdin: text })).toEqual({
      stdout,
      stderr: '',
      status: 0,
    });
  });

  it('refuses a context length that is not a number', async () => {
    expect(await runProgram(grepProgram, ['-A', 'x', 'a'], { stdin: text })).toEqual({
      stdout: '',
      stderr: 'grep: x: invalid context length argument\n',
      status: 2,
    });
  });
});
