import { nodes } from '../node-info';
import type { Filter } from './filter';

/** ReadyFilter: the node is Ready and Active (not paused, not drained). */
export const readyFilter: Filter = {
  applies: () => true,
  check: (_candidate, node) =>
    node.record.node.Status.State === 'ready' && node.record.node.Spec.Availability === 'active',
  reason: 'not available for new tasks',
  explain: (count) => `${nodes(count)} not available for new tasks`,
};
