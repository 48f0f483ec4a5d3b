import {
  PREDEFINED_LABEL,
  type NetworkCreateRequest,
  type SwarmNetwork,
  type SwarmNetworkSpec,
} from '../../api/network';
import type { ServiceSpec } from '../../api/service';
import { isTerminalState, taskStateRank } from '../../api/task';
import {
  allocateNetwork,
  contains,
  ingressNetwork,
  isIngressNetwork,
  needsIngress,
  parseCIDR,
  parseIPv4,
  subnetOf,
} from '../networkallocator';
import { daemonError, rpcError, type SwarmError } from '../errors';
import { newObjectId } from '../identity';
import { fail, ok, type Outcome } from '../result';
import {
  allNetworks,
  allServices,
  allTasks,
  createAction,
  getNetwork,
  networkObject,
  removeAction,
  type StoreAction,
  type StoreProposal,
  type StoreState,
} from '../store';
import { proposal, timestamp, type ControlContext } from './context';

/**
 * The control API of swarm networks (swarmkit controlapi/network.go, with moby
 * daemon/cluster/networks.go and helpers.go around it): create, resolve, remove, prune. A new
 * network gets its subnets and VXLAN ID in the proposal that creates it: swarmkit's allocator
 * does it moments later, and nothing can use the network in between.
 */

/** swarmkit controlapi/common.go `isValidDNSName`. */
const VALID_DNS_NAME = /^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$/;

/** moby `BasicNetworkCreateToGRPC`, in the Engine API's swarm shape. */
export function networkSpecOf(create: NetworkCreateRequest): SwarmNetworkSpec {
  const configs = create.IPAM.Config.map((config) => ({
    ...(config.Subnet === undefined ? {} : { Subnet: config.Subnet }),
    ...(config.IPRange === undefined ? {} : { Range: config.IPRange }),
    ...(config.Gateway === undefined ? {} : { Gateway: config.Gateway }),
  }));
  const options = create.Options;
  return {
    Name: create.Name,
    Labels: create.Labels,
    DriverConfiguration: {
      Name: create.Driver,
      ...(Object.keys(options).length === 0 ? {} : { Options: options }),
    },
    ...(create.EnableIPv6 === true ? { IPv6Enabled: true } : {}),
    ...(create.Internal ? { Internal: true } : {}),
    ...(create.Attachable ? { Attachable: true } : {}),
    ...(create.Ingress ? { Ingress: true } : {}),
    IPAMOptions: {
      Driver: { Name: create.IPAM.Driver === '' ? 'default' : create.IPAM.Driver },
      ...(configs.length === 0 ? {} : { Configs: configs }),
    },
    Scope: 'swarm',
  };
}

/** swarmkit `validateIPAMConfiguration`, for each config. */
function refusedIPAM(spec: SwarmNetworkSpec): SwarmError | null {
  for (const config of spec.IPAMOptions?.Configs ?? []) {
    const subnetText = config.Subnet ?? '';
    const parsed = parseCIDR(subnetText);
    if (parsed === null) {
      return rpcError('InvalidArgument', `ipam configuration: invalid subnet ${subnetText}`);
    }
    const subnet = subnetOf(parsed.ip, parsed.bits);
    if (config.Range !== undefined && config.Range !== '') {
      const range = parseCIDR(config.Range);
      if (range === null) {
        return rpcError('InvalidArgument', `ipam configuration: invalid range ${config.Range}`);
      }
      if (!contains(subnet, range.ip)) {
        return rpcError(
          'InvalidArgument',
          `ipam configuration: subnet ${subnetText} does not contain range ${config.Range}`,
        );
      }
    }
    if (config.Gateway !== undefined && config.Gateway !== '') {
      const gateway = parseIPv4(config.Gateway);
      if (gateway === null) {
        return rpcError('InvalidArgument', `ipam configuration: invalid gateway ${config.Gateway}`);
      }
      if (!contains(subnet, gateway)) {
        return rpcError(
          'InvalidArgument',
          `ipam configuration: subnet ${subnetText} does not contain gateway ${config.Gateway}`,
        );
      }
    }
  }
  return null;
}

/** swarmkit `validateNetworkSpec`, in its order. */
function refusedSpec(spec: SwarmNetworkSpec): SwarmError | null {
  if (spec.Attachable === true && spec.Ingress === true) {
    return rpcError('InvalidArgument', 'ingress network cannot be attachable');
  }
  if (spec.Name === '') return rpcError('InvalidArgument', 'meta: name must be provided');
  if (!VALID_DNS_NAME.test(spec.Name)) {
    return rpcError('InvalidArgument', 'name must be valid as a DNS name component');
  }
  if (spec.Name.length > 63) {
    return rpcError('InvalidArgument', 'name must be 63 characters or fewer');
  }
  if (Object.hasOwn(spec.Labels, PREDEFINED_LABEL)) {
    return rpcError(
      'PermissionDenied',
      `label ${PREDEFINED_LABEL} is for internally created predefined networks and cannot be applied by users`,
    );
  }
  const driver = spec.DriverConfiguration?.Name ?? '';
  if (spec.Ingress === true && driver !== '' && driver !== 'overlay') {
    return rpcError(
      'Unimplemented',
      'only overlay driver is currently supported for ingress network',
    );
  }
  return refusedIPAM(spec);
}

/**
 * swarmkit `CreateNetwork` (moby's name check before it): the spec checked, a second ingress
 * refused, then the network, allocated, in one proposal.
 */
export function createNetwork(
  context: ControlContext,
  create: NetworkCreateRequest,
): Outcome<{ readonly proposal: StoreProposal; readonly id: string }> {
  // moby's router looks the name up among the swarm's networks first (`NetworkNameError`);
  // swarmkit keeps hidden copies of `bridge` and `host`, so those names are taken too.
  if (
    create.Name === 'bridge' ||
    create.Name === 'host' ||
    allNetworks(context.store).some((record) => record.network.Spec.Name === create.Name)
  ) {
    return fail(daemonError('already-exists', `network with name ${create.Name} already exists`));
  }
  const spec = networkSpecOf(create);
  const refused = refusedSpec(spec);
  if (refused !== null) return fail(refused);
  if (spec.Ingress === true) {
    const ingress = ingressNetwork(context.store);
    if (ingress !== undefined) {
      return fail(rpcError('AlreadyExists', `ingress network (${ingress.ID}) is already present`));
    }
  }
  const network = newNetwork(context, context.store, spec);
  return ok({
    proposal: proposal(context, [createAction(networkObject({ network }))]),
    id: network.ID,
  });
}

/** A network object for `spec`, with an ID and its allocation over `store`. */
export function newNetwork(
  context: ControlContext,
  store: StoreState,
  spec: SwarmNetworkSpec,
): SwarmNetwork {
  const now = timestamp(context);
  return {
    ID: newObjectId(context.prng),
    Version: { Index: 0 },
    CreatedAt: now,
    UpdatedAt: now,
    Spec: spec,
    ...allocateNetwork(store, spec),
  };
}

/**
 * The ingress network swarmkit creates with the cluster (manager.go `newIngressNetwork`): no
 * driver, no IPAM asked, so it takes the pool's first subnet.
 */
export const INGRESS_SPEC: SwarmNetworkSpec = {
  Name: 'ingress',
  Labels: {},
  DriverConfiguration: {},
  Ingress: true,
  IPAMOptions: { Driver: {} },
  Scope: 'swarm',
};

/**
 * moby `getNetwork`: a full ID, else an exact name, else a unique ID prefix; the daemon's own
 * errors.
 */
export function resolveNetwork(store: StoreState, reference: string): Outcome<SwarmNetwork> {
  const byId = getNetwork(store, reference);
  if (byId !== undefined) return ok(byId.network);
  const networks = allNetworks(store).map((record) => record.network);
  let matches = networks.filter((network) => network.Spec.Name === reference);
  if (matches.length === 0) matches = networks.filter((n) => n.ID.startsWith(reference));
  const [first] = matches;
  if (first === undefined || reference === '') {
    return fail(daemonError('not-found', `network ${reference} not found`));
  }
  if (matches.length > 1) {
    return fail(
      daemonError(
        'invalid-argument',
        `network ${reference} is ambiguous (${matches.length} matches found)`,
      ),
    );
  }
  return ok(first);
}

/** Whether a service's spec attaches it to the network (swarmkit `ByReferencedNetworkID`). */
function referencesNetwork(spec: ServiceSpec, networkId: string): boolean {
  return (spec.TaskTemplate.Networks ?? []).some((config) => config.Target === networkId);
}

/**
 * Why the network cannot go (swarmkit `removeNetwork` / `removeIngressNetwork`): a service
 * attached to it, or a task on it not yet past RUNNING; ingress while a service publishes an
 * ingress port. Null when it may.
 */
function refusedRemoval(store: StoreState, network: SwarmNetwork): SwarmError | null {
  if (isIngressNetwork(network)) {
    const user = allServices(store).find((record) => needsIngress(record.service.Spec));
    return user === undefined
      ? null
      : rpcError(
          'FailedPrecondition',
          `ingress network cannot be removed because service ${user.service.ID} depends on it`,
        );
  }
  const service = allServices(store).find((record) =>
    referencesNetwork(record.service.Spec, network.ID),
  );
  if (service !== undefined) {
    return rpcError(
      'FailedPrecondition',
      `network ${network.ID} is in use by service ${service.service.ID}`,
    );
  }
  const task = allTasks(store).find(
    (record) =>
      (record.task.NetworksAttachments ?? []).some((a) => a.Network.ID === network.ID) &&
      taskStateRank(record.task.DesiredState ?? 'running') <= taskStateRank('running') &&
      !isTerminalState(record.task.Status.State ?? 'new'),
  );
  return task === undefined
    ? null
    : rpcError('FailedPrecondition', `network ${network.ID} is in use by task ${task.task.ID}`);
}

/** swarmkit `RemoveNetwork`, for a network moby resolved. */
export function removeNetwork(
  context: ControlContext,
  network: SwarmNetwork,
): Outcome<StoreProposal> {
  const refused = refusedRemoval(context.store, network);
  if (refused !== null) return fail(refused);
  return ok(proposal(context, [removeAction('network', network.ID)]));
}

/**
 * moby `clusterNetworksPrune`: every swarm network but ingress that nothing uses, in one
 * proposal; the names removed, in the store's order. Null proposal when none goes.
 */
export function pruneNetworks(
  context: ControlContext,
  keep: (network: SwarmNetwork) => boolean,
): { readonly proposal: StoreProposal | null; readonly names: readonly string[] } {
  const gone = allNetworks(context.store)
    .map((record) => record.network)
    .filter(
      (network) =>
        !isIngressNetwork(network) &&
        !keep(network) &&
        refusedRemoval(context.store, network) === null,
    );
  const actions: StoreAction[] = gone.map((network) => removeAction('network', network.ID));
  return {
    proposal: actions.length === 0 ? null : proposal(context, actions),
    names: gone.map((network) => network.Spec.Name),
  };
}
