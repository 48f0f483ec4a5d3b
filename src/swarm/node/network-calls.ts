import type { NetworkInspect } from '../../api/network';
import {
  errorResponse,
  okResponse,
  type ControlRequest,
  type DaemonRequestOf,
  type DaemonResponse,
} from '../../api/operations';
import type { Filters } from '../../api/swarm';
import { ERR_NOT_MANAGER_INACTIVE } from '../controlapi';
import { daemonError, type SwarmError } from '../errors';
import { failure, type Control, type Reply } from '../runtime/control';
import { settle } from './applied';
import type { SwarmDaemonState } from './daemon-state';
import {
  listedNetworks,
  nodeNetworks,
  PREDEFINED_NETWORKS,
  type NodeNetworkFacts,
} from './network-view';
import { dispatch } from './routing';
import { ipamConfigError } from './ipam-validate';

/**
 * The `/networks` calls a node answers (moby api/server/router/network, daemon/network.go): it
 * lists what it has and what the swarm has (a manager), and sends a swarm network's create and
 * removal to the control API, as libnetwork redirects them to the manager.
 */

function factsOf(daemon: SwarmDaemonState, control: Control): NodeNetworkFacts {
  const node = daemon.disk.node;
  const manager = node !== null && node.role === 'manager' && !daemon.locked;
  return {
    nodeId: node?.nodeId ?? null,
    address: node?.addr ?? control.address,
    bootEpochMs: control.epochMs,
    store: manager ? control.appState : null,
    tasks: daemon.worker.state.tasks,
    containers: daemon.worker.state.containers,
    attachments: daemon.worker.state.attachments ?? [],
  };
}

const FILTER_KEYS = new Set(['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type']);

/** moby `filters.Args.Match`: the term as a regular expression, or a substring. */
function matches(term: string, source: string): boolean {
  if (source.includes(term)) return true;
  try {
    return new RegExp(term).test(source);
  } catch {
    return false;
  }
}

function labelHolds(labels: Readonly<Record<string, string>> | null, filter: string): boolean {
  const [key = '', ...rest] = filter.split('=');
  if (labels === null || !Object.hasOwn(labels, key)) return false;
  return rest.length === 0 || labels[key] === rest.join('=');
}

function isPredefined(name: string): boolean {
  return (PREDEFINED_NETWORKS as readonly string[]).includes(name);
}

/**
 * moby `network.ValidateFilters` and daemon/network `FilterNetworks`. On a manager a swarm
 * network without a local instance comes from swarmkit, which matches `name` exactly and `id`
 * as a prefix first (moby/moby#38169).
 */
function filterNetworks(
  networks: readonly NetworkInspect[],
  filters: Filters,
): { ok: true; value: NetworkInspect[] } | { ok: false; error: SwarmError } {
  for (const key of Object.keys(filters)) {
    if (!FILTER_KEYS.has(key))
      return { ok: false, error: daemonError('invalid-argument', `invalid filter '${key}'`) };
  }
  const any = (key: string, test: (value: string) => boolean): boolean => {
    const values = filters[key] ?? [];
    return values.length === 0 || values.some(test);
  };
  let shown = networks.filter(
    (network) =>
      any('driver', (value) => value === network.Driver) &&
      any('name', (value) =>
        network.Scope === 'swarm' && network.Containers === null
          ? value === network.Name
          : matches(value, network.Name),
      ) &&
      any('id', (value) =>
        network.Scope === 'swarm' && network.Containers === null
          ? network.Id.startsWith(value)
          : matches(value, network.Id),
      ) &&
      (filters.label ?? []).every((value) => labelHolds(network.Labels, value)) &&
      any('scope', (value) => value === network.Scope),
  );
  const dangling = filters.dangling ?? [];
  if (dangling.length > 1) {
    return {
      ok: false,
      error: daemonError('invalid-argument', 'got more than one value for filter key "dangling"'),
    };
  }
  const [flag] = dangling;
  if (flag !== undefined) {
    if (!['0', 'false', '1', 'true'].includes(flag)) {
      return {
        ok: false,
        error: daemonError(
          'invalid-argument',
          `invalid value for filter 'dangling', must be "true" (or "1"), or "false" (or "0")`,
        ),
      };
    }
    const only = flag === '1' || flag === 'true';
    shown = shown.filter((network) => {
      const used = isPredefined(network.Name) || Object.keys(network.Containers ?? {}).length > 0;
      return only ? !used : used;
    });
  }
  const types = filters.type ?? [];
  if (types.length > 0) {
    const bad = types.find((value) => value !== 'custom' && value !== 'builtin');
    if (bad !== undefined) {
      return {
        ok: false,
        error: daemonError('invalid-argument', `invalid filter: 'type'='${bad}'`),
      };
    }
    shown = types.flatMap((value) =>
      shown.filter((network) => isPredefined(network.Name) === (value === 'builtin')),
    );
  }
  return { ok: true, value: shown };
}

export function networkListCall(
  daemon: SwarmDaemonState,
  control: Control,
  request: DaemonRequestOf<'networkList'>,
): DaemonResponse {
  // Each part filtered on its own, then the local networks the cluster did not list added: a
  // swarm network left out by swarmkit's exact name match may come back as its local instance.
  const { cluster, local } = listedNetworks(factsOf(daemon, control));
  const fromCluster = filterNetworks(cluster, request.filters);
  if (!fromCluster.ok) return errorResponse(fromCluster.error);
  const fromNode = filterNetworks(local, request.filters);
  if (!fromNode.ok) return errorResponse(fromNode.error);
  const listed = new Set(fromCluster.value.map((network) => network.Id));
  return okResponse('networkList', [
    ...fromCluster.value,
    ...fromNode.value.filter((network) => !listed.has(network.Id)),
  ]);
}

/**
 * moby `getNetwork`'s search, over what this node lists: a full ID, else one full name, else one
 * ID prefix; `network x not found` otherwise.
 */
function findNetwork(
  networks: readonly NetworkInspect[],
  term: string,
): { ok: true; value: NetworkInspect } | { ok: false; error: SwarmError } {
  const byId = networks.find((network) => network.Id === term);
  if (byId !== undefined) return { ok: true, value: byId };
  const byName = networks.filter((network) => network.Name === term);
  const [name] = byName;
  if (byName.length > 1) {
    return {
      ok: false,
      error: daemonError(
        'invalid-argument',
        `network ${term} is ambiguous (${byName.length} matches found based on name)`,
      ),
    };
  }
  if (name !== undefined) return { ok: true, value: name };
  const byPrefix = term === '' ? [] : networks.filter((network) => network.Id.startsWith(term));
  const [prefix] = byPrefix;
  if (byPrefix.length > 1) {
    return {
      ok: false,
      error: daemonError(
        'invalid-argument',
        `network ${term} is ambiguous (${byPrefix.length} matches found based on ID prefix)`,
      ),
    };
  }
  if (prefix !== undefined) return { ok: true, value: prefix };
  return { ok: false, error: daemonError('not-found', `network ${term} not found`) };
}

export function networkInspectCall(
  daemon: SwarmDaemonState,
  control: Control,
  request: DaemonRequestOf<'networkInspect'>,
): DaemonResponse {
  const networks = nodeNetworks(factsOf(daemon, control)).filter(
    (network) => request.scope === '' || network.Scope === request.scope,
  );
  const found = findNetwork(networks, request.id);
  return found.ok ? okResponse('networkInspect', found.value) : errorResponse(found.error);
}

/** Sends a control-API call on behalf of a local one, and answers with what comes back. */
function viaControl(
  daemon: SwarmDaemonState,
  control: Control,
  callId: string,
  request: ControlRequest,
  answer: (response: DaemonResponse) => DaemonResponse,
): void {
  const reply: Reply = (c, body) => {
    if (body.type === 'proxy-reply') c.answer(callId, answer(body.response));
  };
  dispatch(daemon, control, request, { kind: 'continuation', reply });
  settle(daemon, control);
}

/**
 * `POST /networks/create` (moby `postNetworkCreate`, daemon/network.go `createNetwork`): the
 * predefined names refused, then an overlay sent to the manager. A local driver's network is
 * not simulated: the CLI does not send one.
 */
export function networkCreateCall(
  daemon: SwarmDaemonState,
  control: Control,
  callId: string,
  request: DaemonRequestOf<'networkCreate'>,
): void {
  const { Name } = request.request;
  const node = daemon.disk.node;
  const manager = node !== null && node.role === 'manager';
  // On a manager, `bridge` and `host` are taken by swarmkit's hidden copies: the leader says so.
  if (isPredefined(Name) && !(manager && (Name === 'bridge' || Name === 'host'))) {
    control.answer(
      callId,
      failure(
        daemonError(
          'failed-precondition',
          `operation is not permitted on predefined ${Name} network `,
        ),
      ),
    );
    return;
  }
  if (!manager) {
    control.answer(callId, failure(daemonError('failed-precondition', ERR_NOT_MANAGER_INACTIVE)));
    return;
  }
  const invalid = ipamConfigError(request.request.IPAM.Config);
  if (invalid !== null) {
    control.answer(callId, failure(daemonError('invalid-argument', invalid)));
    return;
  }
  viaControl(
    daemon,
    control,
    callId,
    { op: 'swarmNetworkCreate', request: request.request },
    (response) =>
      response.status === 'ok' && response.op === 'swarmNetworkCreate'
        ? okResponse('networkCreate', response.value)
        : response,
  );
}

/**
 * `DELETE /networks/{id}` (moby `deleteNetwork`): found among what this node lists; a local
 * predefined one refused; a swarm one removed by the control API.
 */
export function networkRemoveCall(
  daemon: SwarmDaemonState,
  control: Control,
  callId: string,
  request: DaemonRequestOf<'networkRemove'>,
): void {
  const found = findNetwork(nodeNetworks(factsOf(daemon, control)), request.id);
  if (!found.ok) {
    control.answer(callId, errorResponse(found.error));
    return;
  }
  const network = found.value;
  if (network.Scope !== 'swarm') {
    control.answer(
      callId,
      failure(
        daemonError(
          'failed-precondition',
          `${network.Name} is a pre-defined network and cannot be removed`,
        ),
      ),
    );
    return;
  }
  viaControl(daemon, control, callId, { op: 'swarmNetworkRemove', id: network.Id }, (response) =>
    response.status === 'ok' ? okResponse('networkRemove', null) : response,
  );
}

const PRUNE_KEYS = new Set(['until', 'label', 'label!']);

/**
 * `POST /networks/prune` (moby `NetworksPrune`): the filter keys checked, then on a manager the
 * swarm's unused networks. This node's local networks are all predefined, so none goes.
 */
export function networkPruneCall(
  daemon: SwarmDaemonState,
  control: Control,
  callId: string,
  request: DaemonRequestOf<'networkPrune'>,
): void {
  for (const key of Object.keys(request.filters)) {
    if (!PRUNE_KEYS.has(key)) {
      control.answer(callId, failure(daemonError('invalid-argument', `invalid filter '${key}'`)));
      return;
    }
  }
  const node = daemon.disk.node;
  if (node === null || node.role !== 'manager' || daemon.locked) {
    control.answer(callId, okResponse('networkPrune', { NetworksDeleted: [] }));
    return;
  }
  viaControl(
    daemon,
    control,
    callId,
    { op: 'swarmNetworkPrune', filters: request.filters },
    (response) =>
      response.status === 'ok' && response.op === 'swarmNetworkPrune'
        ? okResponse('networkPrune', response.value)
        : okResponse('networkPrune', { NetworksDeleted: [] }),
  );
}
