import { describe, expect, it } from 'vitest';
import { builtinPrograms } from '../../../src/cli/programs';
import { createSession, memoryFiles } from '../../support/shell-harness';

describe('touch', () => {
  it('creates an empty file, keeps an existing one, and names a missing directory', async () => {
    const machine = memoryFiles();
    const { session } = createSession({ programs: builtinPrograms, files: machine.files });
    expect(await session.submit('touch a && echo keep > b && touch b')).toEqual({
      output: '',
      exitCode: 0,
    });
    expect(machine.tree.read('/root/a')).toEqual({ ok: true, value: '' });
    expect(machine.tree.read('/root/b')).toEqual({ ok: true, value: 'keep\n' });
    expect(await session.submit('touch no/a')).toEqual({
      output: "touch: cannot touch 'no/a': No such file or directory\n",
      exitCode: 1,
    });
  });
});
