import { describe, expect, it } from 'vitest';
import type { Node, Reachability } from '../../../src/api/swarm';
import { leaveRefusal, type LeaveInput } from '../../../src/swarm';

function managerNode(id: string, reachability: Reachability): Node {
  return {
    ID: id,
    Version: { Index: 1 },
    CreatedAt: '',
    UpdatedAt: '',
    Spec: { Labels: {}, Role: 'manager', Availability: 'active' },
    Description: {},
    Status: { State: 'ready' },
    ManagerStatus: { Reachability: reachability, Addr: `${id}:2377` },
  };
}

function leave(
  overrides: Partial<LeaveInput>,
  reachability: readonly Reachability[] = ['reachable'],
): string | null {
  const nodes = reachability.map((r, index) => managerNode(`m${index + 1}`, r));
  return (
    leaveRefusal({
      inSwarm: true,
      force: false,
      locked: false,
      isManager: true,
      activeManager: true,
      selfNodeId: 'm1',
      nodes,
      ...overrides,
    })?.message ?? null
  );
}

const PREFIX =
  'You are attempting to leave the swarm on a node that is participating as a manager. ';
const SUFFIX =
  'The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.';

describe('swarm leave', () => {
  it.each<[string, Partial<LeaveInput>, readonly Reachability[], string | null]>([
    ['not in a swarm', { inSwarm: false }, [], 'This node is not part of a swarm'],
    ['a worker', { isManager: false }, [], null],
    ['with --force', { force: true }, ['reachable', 'reachable'], null],
    [
      'locked',
      { locked: true },
      [],
      'Swarm is encrypted and locked. Please unlock it first or use `--force` to ignore this message.',
    ],
    [
      'the last manager',
      {},
      ['reachable'],
      `${PREFIX}Removing the last manager erases all current state of the swarm. Use \`--force\` to ignore this message.`,
    ],
    [
      'one of two managers',
      {},
      ['reachable', 'reachable'],
      `${PREFIX}Removing this node leaves 1 managers out of 2. Without a Raft quorum your swarm will be inaccessible. ${SUFFIX}`,
    ],
    [
      'one of three, one down',
      {},
      ['reachable', 'reachable', 'unreachable'],
      `${PREFIX}Removing this node leaves 1 managers out of 3. Without a Raft quorum your swarm will be inaccessible. ${SUFFIX}`,
    ],
    ['one of three reachable', {}, ['reachable', 'reachable', 'reachable'], PREFIX + SUFFIX],
    [
      'a manager without quorum',
      { activeManager: false },
      ['reachable'],
      `${PREFIX}Doing so may lose the consensus of your cluster. ${SUFFIX}`,
    ],
  ])('%s', (_name, overrides, reachability, expected) => {
    expect(leave(overrides, reachability)).toBe(expected);
  });
});
