import { describe, expect, it } from 'vitest';
import { builtinPrograms } from '../../../src/cli/programs';
import { createSession } from '../../support/shell-harness';

describe('pwd', () => {
  it('prints the home directory the prompt shows as ~', async () => {
    const { session } = createSession({ programs: builtinPrograms });
    expect(await session.submit('pwd')).toEqual({ output: '/root\n', exitCode: 0 });
  });
});
