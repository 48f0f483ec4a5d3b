import type { DaemonRequestOf } from '../../api/operations';
import { taskStateRank } from '../../api/task';
import { fail, ok, type Outcome } from '../result';
import { tasksOfService, type StoreState, type TaskRecord } from '../store';
import type { SwarmError } from '../errors';
import { resolveService } from './service-lookup';
import { resolveTask } from './task-lookup';
import type { LogSubscriptionMessage } from '../../machine-api';

/**
 * A log subscription as the leader's broker starts it (swarmkit `logbroker/subscription.go`
 * `match`, over moby's `convertSelector`): the message for the nodes, the nodes that ran the
 * selected tasks, and the tasks no node has yet.
 */
export interface LogSubscription {
  readonly message: LogSubscriptionMessage;
  /** In the order their tasks come (by task ID). */
  readonly nodeIds: readonly string[];
  readonly pendingTaskIds: readonly string[];
  readonly follow: boolean;
  readonly timestamps: boolean;
  readonly details: boolean;
}

/**
 * moby's ServiceLogs reads the tail itself, before any lookup, and, unlike `docker logs`,
 * refuses one that is not a count (engine 20.10.24 answers the same two texts).
 */
function refusedTail(tail: string): SwarmError | null {
  if (tail === 'all' || tail === '') return null;
  if (!/^[+-]?\d+$/.test(tail)) {
    return {
      kind: 'invalid-argument',
      grpcCode: null,
      message: 'tail value must be a positive integer or "all"',
    };
  }
  if (Number(tail) < 0) {
    return {
      kind: 'invalid-argument',
      grpcCode: null,
      message: 'negative tail values not supported',
    };
  }
  return null;
}

/** The selector's error, as moby wraps it. */
function selectorError(error: SwarmError): SwarmError {
  return { ...error, message: `error making log selector: ${error.message}` };
}

interface Selection {
  readonly serviceIds: readonly string[];
  readonly taskIds: readonly string[];
  readonly tasks: readonly TaskRecord[];
}

/**
 * The tasks a subscription covers: a task named, whatever its state; a service's tasks that
 * got as far as RUNNING (a follow takes them all, to show their lines once they start).
 */
function selectTasks(
  store: StoreState,
  request: DaemonRequestOf<'serviceLogs'>,
): Outcome<Selection> {
  if (request.task) {
    const found = resolveTask(store, request.target);
    if (!found.ok) return fail(selectorError(found.error));
    return ok({ serviceIds: [], taskIds: [found.value.task.ID], tasks: [found.value] });
  }
  const found = resolveService(store, request.target);
  if (!found.ok) return fail(selectorError(found.error));
  const tasks = tasksOfService(store, found.value.service.ID).filter(
    (record) =>
      request.follow ||
      taskStateRank(record.task.Status.State ?? 'new') >= taskStateRank('running'),
  );
  return ok({ serviceIds: [found.value.service.ID], taskIds: [], tasks });
}

/** The subscription of a `service logs` call, or why it is refused. */
export function subscribeLogs(
  store: StoreState,
  request: DaemonRequestOf<'serviceLogs'>,
): Outcome<LogSubscription> {
  const tail = refusedTail(request.tail);
  if (tail !== null) return fail(tail);
  const selected = selectTasks(store, request);
  if (!selected.ok) return selected;
  const { serviceIds, taskIds, tasks } = selected.value;
  const nodeIds: string[] = [];
  const pendingTaskIds: string[] = [];
  for (const record of tasks) {
    const nodeId = record.task.NodeID ?? '';
    if (nodeId === '') pendingTaskIds.push(record.task.ID);
    else if (!nodeIds.includes(nodeId)) nodeIds.push(nodeId);
  }
  return ok({
    message: {
      serviceIds,
      taskIds,
      since: request.since,
      tail: request.tail,
      cursors: request.cursors,
    },
    nodeIds,
    pendingTaskIds,
    follow: request.follow,
    timestamps: request.timestamps,
    details: request.details,
  });
}
