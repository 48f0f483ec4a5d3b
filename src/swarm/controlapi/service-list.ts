import {
  serviceModeKind,
  type Service,
  type ServiceModeKind,
  type ServiceSpec,
  type ServiceStatus,
} from '../../api/service';
import type { Filters } from '../../api/swarm';
import type { DaemonFailure } from '../../api/operations';
import { allServices, tasksOfService, type StoreState } from '../store';
import { labelsMatch, refusedFilter, type FilterRules } from './list-filters';

/** `GET /services?filters=…` as moby's `newListServicesFilters` checks them. */
const SERVICE_FILTER_RULES: FilterRules = {
  keys: new Set(['id', 'label', 'mode', 'name']),
  enums: [],
};

/**
 * `docker service ls`'s list (moby daemon/cluster/services.go `GetServices`): `id` and `name`
 * match by prefix, `label` as `k` or `k=v`, `mode` exactly; several values of one key are ORed,
 * keys ANDed. With `status`, each service carries its task counts.
 */
export function listServices(
  store: StoreState,
  filters: Filters,
  status: boolean,
):
  | { readonly ok: true; readonly services: readonly Service[] }
  | {
      readonly ok: false;
      readonly error: DaemonFailure;
    } {
  const refused = refusedFilter(filters, SERVICE_FILTER_RULES);
  if (refused !== null) return { ok: false, error: refused };
  const services = allServices(store)
    .map((record) => record.service)
    .filter((service) => matches(service, filters));
  return {
    ok: true,
    services: status
      ? services.map((service) => ({ ...service, ServiceStatus: serviceStatus(store, service) }))
      : services,
  };
}

function matches(service: Service, filters: Filters): boolean {
  const any = (key: string, test: (value: string) => boolean): boolean => {
    const values = (filters[key] ?? []).filter((value) => value !== '');
    return values.length === 0 || values.some(test);
  };
  return (
    any('id', (prefix) => service.ID.startsWith(prefix)) &&
    any('name', (prefix) => service.Spec.Name.startsWith(prefix)) &&
    any('mode', (mode) => modeName(service.Spec) === mode) &&
    labelsMatch(service.Spec.Labels, filters.label ?? [])
  );
}

export function modeName(spec: ServiceSpec): ServiceModeKind {
  return serviceModeKind(spec.Mode);
}

/**
 * swarmkit controlapi/service.go `ListServiceStatuses`: running counts every task whose actual
 * state is running (so 4/3 during a start-first update, or with a Down node's stale task);
 * desired is the replica count, a job's concurrency, or else the tasks whose desired state is
 * running (global), or meant to complete and not yet complete (global job). A job counts only the
 * tasks of its current iteration, and the completed ones.
 */
function serviceStatus(store: StoreState, service: Service): ServiceStatus {
  const mode = service.Spec.Mode;
  const iteration =
    service.JobStatus === undefined ? undefined : (service.JobStatus.JobIteration.Index ?? 0);
  let desired =
    mode.Replicated !== undefined
      ? (mode.Replicated.Replicas ?? 1)
      : mode.ReplicatedJob !== undefined
        ? (mode.ReplicatedJob.MaxConcurrent ?? 1)
        : 0;
  const global = mode.Replicated === undefined && mode.ReplicatedJob === undefined;
  let running = 0;
  let completed = 0;
  for (const { task } of tasksOfService(store, service.ID)) {
    if (iteration !== undefined) {
      if (task.JobIteration === undefined || (task.JobIteration.Index ?? 0) !== iteration) continue;
      if (task.Status.State === 'complete') completed++;
    }
    if (task.Status.State === 'running') running++;
    if (global && task.DesiredState === 'running') desired++;
    // A global job's desired count is its tasks still meant to complete that have not.
    if (global && task.Status.State !== 'complete' && task.DesiredState === 'complete') desired++;
  }
  return { RunningTasks: running, DesiredTasks: desired, CompletedTasks: completed };
}
