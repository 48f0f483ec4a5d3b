import { daemonError } from '../errors';
import { fail, ok, type Outcome } from '../result';
import { allTasks, getTask, type StoreState, type TaskRecord } from '../store';

/**
 * How the daemon finds a task for `GET /tasks/{id}` (moby daemon/cluster/helpers.go `getTask`):
 * a full ID, else a unique ID prefix. Tasks have no names to look up.
 */
export function resolveTask(store: StoreState, reference: string): Outcome<TaskRecord> {
  const byId = getTask(store, reference);
  if (byId !== undefined) return ok(byId);
  const matches =
    reference === ''
      ? []
      : allTasks(store).filter((record) => record.task.ID.startsWith(reference));
  const [first] = matches;
  if (first === undefined) return fail(daemonError('not-found', `task ${reference} not found`));
  if (matches.length > 1) {
    return fail(
      daemonError(
        'invalid-argument',
        `task ${reference} is ambiguous (${matches.length} matches found)`,
      ),
    );
  }
  return ok(first);
}
