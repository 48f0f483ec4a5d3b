import { describe, expect, it } from 'vitest';
import { resolveNode } from '../../../src/swarm';
import { swarmOf } from '../../support/builders';
import { errorOf, valueOf } from '../../support/outcome';

describe('node references', () => {
  it('resolve by ID, hostname, then unambiguous prefix', () => {
    const swarm = swarmOf(1, 2);
    const id = swarm.id('worker1');
    expect(valueOf(resolveNode(swarm.store, id)).node.ID).toBe(id);
    expect(valueOf(resolveNode(swarm.store, 'worker1')).node.ID).toBe(id);
    expect(valueOf(resolveNode(swarm.store, id.slice(0, 6))).node.ID).toBe(id);
    expect(errorOf(resolveNode(swarm.store, 'worker9'))).toBe('node worker9 not found');
    expect(errorOf(resolveNode(swarm.store, ''))).toBe('node  is ambiguous (3 matches found)');
  });
});
