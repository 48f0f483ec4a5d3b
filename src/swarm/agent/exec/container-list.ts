import type { ContainerPort, ContainerSummary } from '../../../api/container';
import type { DaemonFailure } from '../../../api/operations';
import type { Filters } from '../../../api/swarm';
import { humanDuration } from '../../../lib/go-units';
import { labelsMatch } from '../../controlapi/list-filters';
import type { ContainerRecord } from '../worker';

/** The filters moby's `GET /containers/json` accepts (daemon/list.go `acceptedPsFilterTags`). */
const FILTER_KEYS: ReadonlySet<string> = new Set([
  'ancestor',
  'before',
  'expose',
  'exited',
  'health',
  'id',
  'isolation',
  'is-task',
  'label',
  'name',
  'network',
  'publish',
  'since',
  'status',
  'volume',
]);

const STATUSES: ReadonlySet<string> = new Set([
  'created',
  'restarting',
  'running',
  'removing',
  'paused',
  'exited',
  'dead',
]);

/**
 * `docker ps`'s list (moby daemon/list.go): this node's containers, newest first, running ones
 * only unless `all`; `Status` in moby's words. The filters this lab can hold are applied: `id`
 * (prefix), `name` (substring), `label`, `status`, `exited`, `is-task`, `ancestor`; the others
 * are accepted and match every container, since nothing here has a health check, a volume, a
 * published port or a network of its own yet.
 */
export function listContainers(
  containers: readonly ContainerRecord[],
  request: {
    readonly all: boolean;
    readonly filters: Filters;
    readonly nowMs: number;
    readonly epochMs: number;
  },
):
  | { readonly ok: true; readonly value: ContainerSummary[] }
  | { readonly ok: false; readonly error: DaemonFailure } {
  for (const key of Object.keys(request.filters)) {
    if (!FILTER_KEYS.has(key)) return refuse(`invalid filter '${key}'`);
  }
  for (const status of request.filters.status ?? []) {
    if (!STATUSES.has(status)) return refuse(`invalid filter 'status=${status}'`);
  }
  // A status or exited filter shows stopped containers too, as `-a` would.
  const all =
    request.all ||
    (request.filters.status ?? []).length > 0 ||
    (request.filters.exited ?? []).length > 0;
  const listed = containers
    .filter((container) => all || container.running)
    .filter((container) => matches(container, request.filters))
    .sort((a, b) => b.createdAtMs - a.createdAtMs || (a.id < b.id ? -1 : 1))
    .map((container) => summary(container, request.nowMs, request.epochMs));
  return { ok: true, value: listed };
}

function refuse(message: string): { readonly ok: false; readonly error: DaemonFailure } {
  return { ok: false, error: { kind: 'invalid-argument', message } };
}

function stateOf(container: ContainerRecord): ContainerSummary['State'] {
  if (container.running) return 'running';
  return container.startedAtMs === null ? 'created' : 'exited';
}

function matches(container: ContainerRecord, filters: Filters): boolean {
  const any = (key: string, test: (value: string) => boolean): boolean => {
    const values = filters[key] ?? [];
    return values.length === 0 || values.some(test);
  };
  return (
    any('id', (prefix) => container.id.startsWith(prefix)) &&
    any('name', (part) => container.name.includes(part.replace(/^\//, ''))) &&
    any('status', (status) => stateOf(container) === status) &&
    any('exited', (code) => !container.running && String(container.exitCode ?? '') === code) &&
    any('is-task', (flag) => flag === 'true') &&
    any(
      'ancestor',
      (image) =>
        container.image === image ||
        container.image.startsWith(`${image}@`) ||
        container.image.startsWith(`${image}:`),
    ) &&
    labelsMatch(container.labels, filters.label ?? [])
  );
}

function summary(container: ContainerRecord, nowMs: number, epochMs: number): ContainerSummary {
  return {
    Id: container.id,
    Names: [`/${container.name}`],
    Image: container.image,
    ImageID: container.imageId,
    Command: container.command.join(' '),
    Created: Math.floor((epochMs + container.createdAtMs) / 1000),
    Ports: container.exposedPorts.map(portOf),
    Labels: container.labels,
    State: stateOf(container),
    Status: statusText(container, nowMs),
    HostConfig: { NetworkMode: 'default' },
    Mounts: container.mounts ?? [],
  };
}

/** moby container/state.go `State.String`: `Up 2 minutes`, `Exited (0) 5 seconds ago`, `Created`. */
function statusText(container: ContainerRecord, nowMs: number): string {
  if (container.running) return `Up ${humanDuration(nowMs - (container.startedAtMs ?? nowMs))}`;
  if (container.startedAtMs === null) return 'Created';
  const ago = humanDuration(nowMs - (container.finishedAtMs ?? nowMs));
  return `Exited (${String(container.exitCode ?? 0)}) ${ago} ago`;
}

function portOf(exposed: string): ContainerPort {
  const [port = '0', type = 'tcp'] = exposed.split('/');
  return { PrivatePort: Number(port), Type: type };
}
