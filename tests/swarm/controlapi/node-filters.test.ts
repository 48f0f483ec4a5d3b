import { describe, expect, it } from 'vitest';
import type { Filters } from '../../../src/api/swarm';
import { filterNodes, listNodes } from '../../../src/swarm/controlapi';
import { swarmOf } from '../../support/builders';

function hostnames(filters: Filters): string[] | string {
  const swarm = swarmOf(2, 1);
  const result = filterNodes(listNodes(swarm.store, swarm.members()), filters);
  if (!result.ok) return result.error.message;
  return result.nodes.map((node) => node.Description.Hostname ?? '').sort();
}

describe('node ls filters', () => {
  it('matches a role or membership in any case, as moby upper-cases it for swarmkit', () => {
    expect(hostnames({ role: ['MANAGER'] })).toEqual(['manager1', 'manager2']);
    expect(hostnames({ role: ['worker'] })).toEqual(['worker1']);
    expect(hostnames({ membership: ['Accepted'] })).toHaveLength(3);
    expect(hostnames({ membership: ['pending'] })).toEqual([]);
  });

  it('takes an empty role as no filter at all', () => {
    expect(hostnames({ role: [''] })).toHaveLength(3);
  });

  it("refuses a role or membership swarmkit has no value for, with moby's message", () => {
    expect(hostnames({ role: ['boss'] })).toBe("Invalid role filter: 'boss'");
    expect(hostnames({ role: ['manager', 'boss'] })).toBe("Invalid role filter: 'boss'");
    expect(hostnames({ membership: ['maybe'] })).toBe("Invalid membership filter: 'maybe'");
    expect(hostnames({ colour: ['red'] })).toBe("invalid filter 'colour'");
  });
});
