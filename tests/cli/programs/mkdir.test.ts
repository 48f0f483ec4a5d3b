import { describe, expect, it } from 'vitest';
import { builtinPrograms } from '../../../src/cli/programs';
import { createSession, memoryFiles } from '../../support/shell-harness';

function shell() {
  const machine = memoryFiles();
  return createSession({ programs: builtinPrograms, files: machine.files }).session;
}

describe('mkdir', () => {
  it.each([
    ['mkdir a/b', "mkdir: cannot create directory 'a/b': No such file or directory\n", 1],
    ['mkdir', "mkdir: missing operand\nTry 'mkdir --help' for more information.\n", 1],
    ['mkdir -p a/b && mkdir a', "mkdir: cannot create directory 'a': File exists\n", 1],
    ['mkdir -p a/b && mkdir -p a/b a && ls a', 'b\n', 0],
  ])('%s', async (line, output, exitCode) => {
    expect(await shell().submit(line)).toEqual({ output, exitCode });
  });
});
