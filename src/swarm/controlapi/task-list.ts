import type { Filters } from '../../api/swarm';
import type { Task } from '../../api/task';
import { fail, ok, type Outcome } from '../result';
import { allTasks, getService, isTaskDirty, type StoreState, type TaskRecord } from '../store';
import { labelsMatch } from './list-filters';
import { refusedTaskFilter } from './task-filters';
import { resolveNode } from './node-lookup';
import { resolveService } from './service-lookup';

/**
 * `GET /tasks?filters=…` (moby daemon/cluster/tasks.go `GetTasks`, swarmkit controlapi/task.go
 * `ListTasks`): moby first turns each `service` and `node` value into an ID (a name that names
 * nothing is an error), then swarmkit keeps the tasks that pass every key; several values of one
 * key are ORed. `name` is a prefix of the task's full name `<service>.<slot|node>.<id>`.
 */
export function listTasks(store: StoreState, filters: Filters): Outcome<readonly Task[]> {
  const refused = refusedTaskFilter(filters);
  if (refused !== null) return fail({ ...refused, grpcCode: null });
  const serviceIds: string[] = [];
  for (const reference of nonEmpty(filters.service)) {
    const found = resolveService(store, reference);
    if (!found.ok) return found;
    serviceIds.push(found.value.service.ID);
  }
  const nodeIds: string[] = [];
  for (const reference of nonEmpty(filters.node)) {
    const found = resolveNode(store, reference);
    if (!found.ok) return found;
    nodeIds.push(found.value.node.ID);
  }
  const names = nonEmpty(filters.name);
  const ids = nonEmpty(filters.id);
  const states = nonEmpty(filters['desired-state']).map((state) => state.toLowerCase());
  const labels = nonEmpty(filters.label);
  const upToDate = nonEmpty(filters['_up-to-date']).length > 0;
  const tasks = allTasks(store).filter((record) => {
    const { task } = record;
    return (
      (names.length === 0 || names.some((prefix) => taskName(record).startsWith(prefix))) &&
      (ids.length === 0 || ids.some((prefix) => task.ID.startsWith(prefix))) &&
      (serviceIds.length === 0 || serviceIds.includes(task.ServiceID ?? '')) &&
      (nodeIds.length === 0 || nodeIds.includes(task.NodeID ?? '')) &&
      (states.length === 0 || states.includes(task.DesiredState ?? '')) &&
      labelsMatch(serviceLabels(store, task), labels) &&
      (!upToDate || isUpToDate(store, task))
    );
  });
  return ok(tasks.map((record) => record.task));
}

/** swarmkit api/naming `Task`: `<service>.<slot>.<id>`, the node ID in place of a global's slot. */
export function taskName(record: TaskRecord): string {
  const { task } = record;
  const slot = task.Slot === undefined || task.Slot === 0 ? (task.NodeID ?? '') : task.Slot;
  return `${record.serviceName}.${String(slot)}.${task.ID}`;
}

function nonEmpty(values: readonly string[] | undefined): string[] {
  return (values ?? []).filter((value) => value !== '');
}

/** The task list's `label` filter matches its service's labels (`ServiceAnnotations`). */
function serviceLabels(store: StoreState, task: Task): Readonly<Record<string, string>> {
  return getService(store, task.ServiceID ?? '')?.service.Spec.Labels ?? {};
}

function isUpToDate(store: StoreState, task: Task): boolean {
  const service = getService(store, task.ServiceID ?? '')?.service;
  return service !== undefined && !isTaskDirty(service, task);
}
