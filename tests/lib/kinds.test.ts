import { describe, expect, it } from 'vitest';
import { kindGuard } from '../../src/lib/kinds';

type Colour = 'red' | 'green';

describe('kindGuard', () => {
  const isColour = kindGuard<Colour>({ red: true, green: true });

  it('accepts the members of the union and nothing else', () => {
    expect(isColour('red')).toBe(true);
    expect(isColour('green')).toBe(true);
    expect(isColour('blue')).toBe(false);
    expect(isColour('toString')).toBe(false);
    expect(isColour(undefined)).toBe(false);
    expect(isColour(1)).toBe(false);
  });
});
