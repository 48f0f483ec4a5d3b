import { describe, expect, it } from 'vitest';
import { catProgram } from '../../../src/cli/programs/cat';
import { runText as run } from '../../support/shell-harness';

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
