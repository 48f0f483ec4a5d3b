import { describe, expect, it } from 'vitest';
import { headProgram } from '../../../src/cli/programs/head';
import { tailProgram } from '../../../src/cli/programs/tail';
import { runText as run } from '../../support/shell-harness';

const twelve = Array.from({ length: 12 }, (_, index) => `line ${index + 1}\n`).join('');

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
