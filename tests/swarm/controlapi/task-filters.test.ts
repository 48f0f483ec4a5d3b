import { describe, expect, it } from 'vitest';
import type { Filters } from '../../../src/api/swarm';
import { refusedTaskFilter } from '../../../src/swarm/controlapi';

function refusal(filters: Filters): string | null {
  return refusedTaskFilter(filters)?.message ?? null;
}

describe('task list filters', () => {
  it('accepts the keys moby passes on to swarmkit, and a desired state in any case', () => {
    expect(refusal({})).toBeNull();
    expect(refusal({ 'desired-state': ['running', 'Shutdown', 'ACCEPTED', ''] })).toBeNull();
    expect(refusal({ name: ['web'], node: ['abc'], service: ['x'], label: ['a=b'] })).toBeNull();
    expect(refusal({ id: ['1'], runtime: ['container'], '_up-to-date': ['true'] })).toBeNull();
  });

  it("refuses an unknown key or a state swarmkit has no value for, with moby's message", () => {
    expect(refusal({ 'desired-state': ['bogus'] })).toBe("Invalid desired-state filter: 'bogus'");
    expect(refusal({ 'desired-state': ['running', 'up'] })).toBe(
      "Invalid desired-state filter: 'up'",
    );
    expect(refusal({ colour: ['red'] })).toBe("invalid filter 'colour'");
    // The key is checked first, as filters.Args.Validate runs before the states are read.
    expect(refusal({ colour: ['red'], 'desired-state': ['bogus'] })).toBe(
      "invalid filter 'colour'",
    );
  });
});
