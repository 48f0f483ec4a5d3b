import type { Service } from '../../api/service';
import type { Task } from '../../api/task';

/**
 * Whether a task no longer runs what its service asks for (swarmkit orchestrator/task.go
 * `IsTaskDirty`): its spec differs from the service's task template (a new image, env, a raised
 * `ForceUpdate`, …), or its endpoint spec from the service's. Such a slot is what a rolling
 * update replaces, and `_up-to-date` leaves out.
 */
export function isTaskDirty(service: Service, task: Task): boolean {
  // A task made from the template in this process shares its object: the common case is cheap.
  if (task.Spec === service.Spec.TaskTemplate) return false;
  return JSON.stringify(task.Spec) !== JSON.stringify(service.Spec.TaskTemplate);
}
