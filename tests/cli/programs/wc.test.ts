import { describe, expect, it } from 'vitest';
import { wcProgram } from '../../../src/cli/programs/wc';
import { runText as run } from '../../support/shell-harness';

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
