import { tasksOfServiceOn } from '../node-info';
import type { Filter } from './filter';

/** MaxReplicasFilter: only with `--replicas-max-per-node`; the node has fewer of the service's. */
export const maxReplicasFilter: Filter = {
  applies: ({ task }) => (task.Spec.Placement?.MaxReplicas ?? 0) > 0,
  check: ({ task }, node) =>
    tasksOfServiceOn(node, task.ServiceID ?? '') < (task.Spec.Placement?.MaxReplicas ?? 0),
  reason: 'max replicas per node limit exceed',
  explain: () => 'max replicas per node limit exceed',
};
