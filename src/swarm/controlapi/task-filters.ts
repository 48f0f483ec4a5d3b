import type { Filters } from '../../api/swarm';
import { TASK_STATES } from '../../api/task';
import type { DaemonFailure } from '../../api/operations';
import { refusedFilter, type FilterRules } from './list-filters';

/**
 * `GET /tasks?filters=…` as moby's `newListTasksFilters` checks them. `_up-to-date` is moby's
 * own, for the CLI's progress display. The desired states are swarmkit's `TaskState` names.
 */
const TASK_FILTER_RULES: FilterRules = {
  keys: new Set([
    'name',
    'id',
    'label',
    'service',
    'node',
    'desired-state',
    '_up-to-date',
    'runtime',
  ]),
  enums: [
    // swarmkit's states: the API's `allocated` is moby's own, which swarmkit never sets.
    ['desired-state', new Set(TASK_STATES.filter((state) => state !== 'allocated'))],
  ],
};

/** The task list's filter the daemon refuses, with moby's message; null when all pass. */
export function refusedTaskFilter(filters: Filters): DaemonFailure | null {
  return refusedFilter(filters, TASK_FILTER_RULES);
}
