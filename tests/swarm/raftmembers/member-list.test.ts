import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canRemoveMember, updateNode, type RaftMemberStatus } from '../../../src/swarm';
import { swarmOf } from '../../support/builders';

/**
 * The demotion quorum rule against a naive model: after the removal, the remaining members must
 * still have a strict majority that the leader can reach (itself included).
 */
function naiveKeepsQuorum(reachable: readonly boolean[], self: number, target: number): boolean {
  const remaining = reachable
    .map((up, index) => ({ up: up || index === self, index }))
    .filter((m) => m.index !== target);
  const up = remaining.filter((m) => m.up).length;
  return up * 2 > remaining.length;
}

const clusterArbitrary = fc.array(fc.boolean(), { minLength: 1, maxLength: 9 }).chain((reachable) =>
  fc.record({
    reachable: fc.constant(reachable),
    self: fc.nat(reachable.length - 1),
    target: fc.nat(reachable.length - 1),
  }),
);

describe('demotion quorum rule', () => {
  it('canRemoveMember agrees with the naive majority model', () => {
    fc.assert(
      fc.property(clusterArbitrary, ({ reachable, self, target }) => {
        const members: RaftMemberStatus[] = reachable.map((up, index) => ({
          raftId: index + 1,
          nodeId: `n${index}`,
          addr: `10.0.0.${index}:2377`,
          leader: index === self,
          reachability: up ? 'reachable' : 'unreachable',
        }));
        expect(canRemoveMember(members, self + 1, target + 1)).toBe(
          naiveKeepsQuorum(reachable, self, target),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('node demote refuses exactly the demotions the naive model says lose quorum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }).chain((managers) =>
          fc.record({
            managers: fc.constant(managers),
            down: fc.array(fc.boolean(), { minLength: managers, maxLength: managers }),
            target: fc.nat(managers - 1),
          }),
        ),
        ({ managers, down, target }) => {
          const swarm = swarmOf(managers, 0);
          down.forEach((isDown, index) => {
            if (isDown && index > 0) swarm.unreachable.add(`manager${index + 1}`);
          });
          const hostname = `manager${target + 1}`;
          const record = swarm.node(hostname);
          const result = updateNode(swarm.leaderContext(), {
            nodeId: record.node.ID,
            version: record.node.Version.Index,
            spec: { ...record.node.Spec, Role: 'worker' },
          });
          const reachable = down.map((isDown, index) => index === 0 || !isDown);
          expect(result.ok).toBe(naiveKeepsQuorum(reachable, 0, target));
          if (!result.ok) {
            expect(result.error.message).toBe(
              "rpc error: code = FailedPrecondition desc = can't remove member from the raft: this would result in a loss of quorum",
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
