import { withStatus } from '../orchestrator/restart/supervisor';
import { TaskBatch } from '../orchestrator/task-batch';
import type { ControlContext } from '../controlapi/context';
import type { StoreAction } from '../store';

/**
 * The allocator's pass (swarmkit manager/allocator): a NEW task gets its network resources and
 * moves to PENDING, `pending task scheduling`, where the scheduler takes it. Networks and
 * virtual IPs come with the networks issue; published ports are allocated on the service.
 */
export function allocateTasks(context: ControlContext): StoreAction[] {
  const batch = new TaskBatch(context.store);
  for (const record of batch.tasks()) {
    if (record.task.Status.State !== 'new') continue;
    batch.update(record, (task) =>
      withStatus(context, task, { State: 'pending', Message: 'pending task scheduling' }),
    );
  }
  return batch.actions();
}
