import { taskStateRank } from '../../api/task';
import type { TaskStatusUpdate } from '../../machine-api';
import { proposal, type ControlContext } from '../controlapi/context';
import { rpcError } from '../errors';
import { fail, ok, type Outcome } from '../result';
import { getTask, taskObject, updateAction, type StoreProposal } from '../store';
import type { DispatcherState } from './dispatcher';

export interface TaskStatusInput {
  readonly nodeId: string;
  readonly sessionId: string;
  readonly updates: readonly TaskStatusUpdate[];
}

/**
 * dispatcher.go `UpdateTaskStatus`: an agent with a valid session reports its tasks' states.
 * Only tasks assigned to that node are taken, and only a state later than the stored one (a
 * task never moves back); the rest is ignored. Null when nothing is left to write.
 */
export function taskStatusProposal(
  state: DispatcherState,
  context: ControlContext,
  input: TaskStatusInput,
): Outcome<StoreProposal | null> {
  const session = state.sessions[input.nodeId];
  if (session === undefined) return fail(rpcError('NotFound', 'node not registered'));
  if (input.sessionId === '' || session.sessionId !== input.sessionId) {
    return fail(rpcError('InvalidArgument', 'session invalid'));
  }
  const actions = [];
  const seen = new Set<string>();
  // The latest report of each task wins; the agent sends them oldest first.
  for (const update of [...input.updates].reverse()) {
    if (seen.has(update.taskId)) continue;
    seen.add(update.taskId);
    const record = getTask(context.store, update.taskId);
    if (record?.task.NodeID !== input.nodeId) continue;
    const from = taskStateRank(record.task.Status.State ?? 'new');
    if (taskStateRank(update.status.State ?? 'new') <= from) continue;
    const task = {
      ...record.task,
      UpdatedAt: update.status.Timestamp ?? record.task.UpdatedAt,
      Status: update.status,
    };
    actions.push(updateAction(taskObject({ ...record, task })));
  }
  return ok(actions.length === 0 ? null : proposal(context, actions.reverse()));
}
