import type { Service } from '../../../api/service';
import type { Task } from '../../../api/task';

/** The job iteration a service is on: raised by every update of a job (`JobStatus`). */
export function jobIteration(service: Service): number {
  return service.JobStatus?.JobIteration.Index ?? 0;
}

/**
 * Which iteration a task belongs to: the current one, an earlier one, or none (a task made
 * before the service was a job has no `JobIteration`, and the job reconcilers leave it alone).
 */
export function iterationOf(task: Task, current: number): 'current' | 'earlier' | 'none' {
  if (task.JobIteration === undefined) return 'none';
  return (task.JobIteration.Index ?? 0) === current ? 'current' : 'earlier';
}
