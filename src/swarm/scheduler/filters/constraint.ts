import { nodeMatches, parseConstraints } from '../../constraint';
import { nodes } from '../node-info';
import type { Filter } from './filter';

/** ConstraintFilter: only for a task with constraints; the node meets every one. */
export const constraintFilter: Filter = {
  applies: ({ task }) => (task.Spec.Placement?.Constraints ?? []).length > 0,
  check: ({ task }, node) => {
    const parsed = parseConstraints(task.Spec.Placement?.Constraints ?? []);
    return parsed.ok && nodeMatches(parsed.constraints, node.record);
  },
  reason: 'scheduling constraints not satisfied',
  explain: (count) => `scheduling constraints not satisfied on ${nodes(count)}`,
};
