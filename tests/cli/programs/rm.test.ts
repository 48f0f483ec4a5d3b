import { describe, expect, it } from 'vitest';
import { builtinPrograms } from '../../../src/cli/programs';
import { createSession, memoryFiles } from '../../support/shell-harness';

function shell() {
  const machine = memoryFiles();
  return createSession({ programs: builtinPrograms, files: machine.files }).session;
}

describe('rm', () => {
  it.each([
    ['rm x', "rm: cannot remove 'x': No such file or directory\n", 1],
    ['rm -f x', '', 0],
    ['rm', "rm: missing operand\nTry 'rm --help' for more information.\n", 1],
    ['mkdir d && rm d', "rm: cannot remove 'd': Is a directory\n", 1],
    ['mkdir -p d/e && touch d/e/f && rm -r d && ls', '', 0],
    ['touch f && rm f && cat f', 'cat: f: No such file or directory\n', 1],
    [
      'rm -rf /',
      "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
      1,
    ],
  ])('%s', async (line, output, exitCode) => {
    expect(await shell().submit(line)).toEqual({ output, exitCode });
  });
});
