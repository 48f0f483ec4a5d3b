import { describe, expect, it } from 'vitest';
import { stackNameError } from '../../../../src/cli/compose/stack/namespace';

describe('stackNameError, as validateStackName', () => {
  it.each([
    ['web', null],
    ['my stack', null],
    ['', 'invalid stack name: ""'],
    ['  ', 'invalid stack name: "  "'],
    ['"\'', 'invalid stack name: "\\"\'"'],
  ])('%j → %j', (name, error) => {
    expect(stackNameError(name)).toBe(error);
  });
});
