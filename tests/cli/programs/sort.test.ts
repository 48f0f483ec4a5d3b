import { describe, expect, it } from 'vitest';
import { sortProgram } from '../../../src/cli/programs/sort';
import { runText as run } from '../../support/shell-harness';

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
