import type { PlacementPreference } from '../../api/service';
import { tasksOfServiceOn, type NodeInfo } from './node-info';

const NODE_LABEL_PREFIX = 'node.labels.';
const ENGINE_LABEL_PREFIX = 'engine.labels.';

/**
 * The nodes a task of a service with placement preferences may go to (swarmkit
 * scheduler/nodeset.go `tree`, scheduler.go `scheduleNTasksOnSubtree`). Each `spread=`
 * preference splits the nodes by the value of a label, nodes without it forming a branch of
 * their own (value ""), and the next preference splits each branch again. At every level the
 * task goes to the branch with the fewest tasks of the service, counted on all its nodes,
 * among the branches with a node that passes the filters. A descriptor that names no label is
 * skipped, as swarmkit skips it.
 *
 * swarmkit splits a whole group of tasks at once, evenly, the remainder going to the branches
 * its map happens to visit first; placing one task at a time on the emptiest branch ends the
 * same, and breaks ties by label value ("" first) rather than at random.
 */
export function spreadOver(
  all: readonly NodeInfo[],
  passing: readonly NodeInfo[],
  preferences: readonly PlacementPreference[],
  serviceId: string,
): readonly NodeInfo[] {
  if (preferences.length === 0) return passing;
  let branchAll = all;
  let branchPassing = new Set(passing);
  for (const preference of preferences) {
    const read = labelReader(preference.Spread.SpreadDescriptor);
    if (read === null) continue;
    const branches = new Map<string, { all: NodeInfo[]; tasks: number; usable: boolean }>();
    for (const node of branchAll) {
      const value = read(node);
      const branch = branches.get(value) ?? { all: [], tasks: 0, usable: false };
      branch.all.push(node);
      branch.tasks += tasksOfServiceOn(node, serviceId);
      branch.usable ||= branchPassing.has(node);
      branches.set(value, branch);
    }
    const chosen = [...branches]
      .filter(([, branch]) => branch.usable)
      .sort(([a, x], [b, y]) => x.tasks - y.tasks || (a < b ? -1 : a > b ? 1 : 0))[0];
    if (chosen === undefined) return [];
    branchAll = chosen[1].all;
    branchPassing = new Set(branchAll.filter((node) => branchPassing.has(node)));
  }
  return passing.filter((node) => branchPassing.has(node));
}

/** How a descriptor reads a node: a node label or an engine label, its prefix in any case. */
function labelReader(descriptor: string): ((node: NodeInfo) => string) | null {
  const lower = descriptor.toLowerCase();
  if (descriptor.length > NODE_LABEL_PREFIX.length && lower.startsWith(NODE_LABEL_PREFIX)) {
    const key = descriptor.slice(NODE_LABEL_PREFIX.length);
    return (node) => node.record.node.Spec.Labels[key] ?? '';
  }
  if (descriptor.length > ENGINE_LABEL_PREFIX.length && lower.startsWith(ENGINE_LABEL_PREFIX)) {
    const key = descriptor.slice(ENGINE_LABEL_PREFIX.length);
    return (node) => node.record.node.Description.Engine?.Labels?.[key] ?? '';
  }
  return null;
}
