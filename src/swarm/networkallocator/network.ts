import type { SwarmIPAMConfig, SwarmNetwork, SwarmNetworkSpec } from '../../api/network';
import type { Endpoint, ServiceSpec } from '../../api/service';
import { isTerminalState, type NetworkAttachment } from '../../api/task';
import {
  allNetworks,
  allNodes,
  allServices,
  allTasks,
  getCluster,
  type StoreState,
} from '../store';
import {
  addressOf,
  defaultGateway,
  formatIPv4,
  formatSubnet,
  nextAddress,
  nextSubnet,
  parseCIDR,
  parseIPv4,
  subnetOf,
  type Subnet,
} from './ipam';

/**
 * swarmkit's network allocator (manager/allocator/network.go, networkallocator, cnmallocator)
 * over the store: a new network's subnets and VXLAN ID, and the addresses of service VIPs, task
 * attachments and node attachments, each taken from the network's subnet. What is in use is
 * read from the store each pass, so a dead task's address is free again and a new leader
 * allocates as the old one would.
 */

/** libnetwork's overlay driver hands out VXLAN IDs from 4096 up (ovmanager `vxlanIDStart`). */
export const VXLAN_ID_START = 4096;
export const VXLAN_ID_OPTION = 'com.docker.network.driver.overlay.vxlanid_list';

/** The default address pool when the cluster names none (swarmkit `inbuiltDefaultAddressPool`). */
const DEFAULT_POOL = '10.0.0.0/8';
const DEFAULT_SUBNET_BITS = 24;

/** Whether a network is the routing mesh's (swarmkit `IsIngressNetwork`). */
export function isIngressNetwork(network: SwarmNetwork): boolean {
  return network.Spec.Ingress === true;
}

/** The swarm's ingress network, if it has one (swarmkit `GetIngressNetwork`). */
export function ingressNetwork(store: StoreState): SwarmNetwork | undefined {
  return allNetworks(store)
    .map((record) => record.network)
    .find(isIngressNetwork);
}

/**
 * Whether a service needs the ingress network (networkallocator `IsIngressNetworkNeeded`): it
 * publishes a port in ingress mode.
 */
export function needsIngress(spec: ServiceSpec): boolean {
  return (spec.EndpointSpec?.Ports ?? []).some(
    (port) => (port.PublishMode ?? 'ingress') === 'ingress',
  );
}

/** Whether the service resolves by DNS round robin, without a VIP. */
export function isDnsrr(spec: ServiceSpec): boolean {
  return spec.EndpointSpec?.Mode === 'dnsrr';
}

function subnetsOf(network: SwarmNetwork): Subnet[] {
  return (network.IPAMOptions?.Configs ?? []).flatMap((config) => {
    const parsed = parseCIDR(config.Subnet ?? '');
    return parsed === null ? [] : [subnetOf(parsed.ip, parsed.bits)];
  });
}

/**
 * A new network's IPAM configs and driver state: the subnets asked for (the gateway as asked,
 * or the subnet's first address), or else the next free subnet of the default pool.
 */
export function allocateNetwork(
  store: StoreState,
  spec: SwarmNetworkSpec,
): Pick<SwarmNetwork, 'DriverState' | 'IPAMOptions'> {
  const networks = allNetworks(store).map((record) => record.network);
  const asked = spec.IPAMOptions?.Configs ?? [];
  let configs: SwarmIPAMConfig[];
  if (asked.length > 0) {
    configs = asked.map((config) => {
      const parsed = parseCIDR(config.Subnet ?? '');
      const gateway =
        config.Gateway !== undefined && config.Gateway !== ''
          ? config.Gateway
          : parsed === null
            ? ''
            : formatIPv4(defaultGateway(subnetOf(parsed.ip, parsed.bits)));
      return {
        Subnet: config.Subnet ?? '',
        ...(config.Range === undefined || config.Range === '' ? {} : { Range: config.Range }),
        Gateway: gateway,
      };
    });
  } else {
    const cluster = getCluster(store)?.swarm;
    const pools = (cluster?.DefaultAddrPool ?? [DEFAULT_POOL]).flatMap((text) => {
      const parsed = parseCIDR(text);
      return parsed === null ? [] : [subnetOf(parsed.ip, parsed.bits)];
    });
    const bits = cluster?.SubnetSize ?? DEFAULT_SUBNET_BITS;
    const subnet = nextSubnet(pools, bits, networks.flatMap(subnetsOf));
    configs =
      subnet === null
        ? []
        : [{ Subnet: formatSubnet(subnet), Gateway: formatIPv4(defaultGateway(subnet)) }];
  }
  const vxlanIds = new Set(
    networks.map((network) => Number(network.DriverState?.Options?.[VXLAN_ID_OPTION] ?? '0')),
  );
  let vxlan = VXLAN_ID_START;
  while (vxlanIds.has(vxlan)) vxlan++;
  const driverOptions = spec.DriverConfiguration?.Options ?? {};
  return {
    DriverState: {
      Name: spec.DriverConfiguration?.Name ?? 'overlay',
      Options: { [VXLAN_ID_OPTION]: String(vxlan), ...driverOptions },
    },
    IPAMOptions: { Driver: { Name: 'default' }, Configs: configs },
  };
}

/**
 * The addresses in use on every swarm network, and the next one on each: gateways, service
 * VIPs, the attachments of tasks not yet dead, and the nodes' attachments. One book per pass;
 * each address it hands out is in use for the rest of the pass.
 */
export class AddressBook {
  readonly #used = new Map<string, Set<number>>();
  readonly #networks = new Map<string, SwarmNetwork>();

  constructor(store: StoreState) {
    for (const { network } of allNetworks(store)) {
      this.#networks.set(network.ID, network);
      const used = new Set<number>();
      for (const config of network.IPAMOptions?.Configs ?? []) {
        const gateway = parseIPv4(config.Gateway ?? '');
        if (gateway !== null) used.add(gateway);
      }
      this.#used.set(network.ID, used);
    }
    for (const { service } of allServices(store)) {
      for (const vip of service.Endpoint.VirtualIPs ?? []) this.#mark(vip.NetworkID, vip.Addr);
    }
    for (const { task } of allTasks(store)) {
      if (isTerminalState(task.Status.State ?? 'new')) continue;
      for (const attachment of task.NetworksAttachments ?? []) this.#markAttachment(attachment);
    }
    for (const record of allNodes(store)) {
      for (const attachment of record.attachments ?? []) this.#markAttachment(attachment);
    }
  }

  #markAttachment(attachment: NetworkAttachment): void {
    for (const address of attachment.Addresses ?? []) this.#mark(attachment.Network.ID, address);
  }

  #mark(networkId: string | undefined, cidr: string | undefined): void {
    const ip = addressOf(cidr ?? '');
    if (networkId === undefined || ip === null) return;
    this.#used.get(networkId)?.add(ip);
  }

  network(networkId: string): SwarmNetwork | undefined {
    return this.#networks.get(networkId);
  }

  /** The next address on the network, as `a.b.c.d/bits`, now in use; null when none is free. */
  take(networkId: string): string | null {
    const network = this.#networks.get(networkId);
    const used = this.#used.get(networkId);
    if (network === undefined || used === undefined) return null;
    for (const config of network.IPAMOptions?.Configs ?? []) {
      const parsed = parseCIDR(config.Subnet ?? '');
      if (parsed === null) continue;
      const subnet = subnetOf(parsed.ip, parsed.bits);
      const ip = nextAddress(subnet, used, parseIPv4(config.Gateway ?? '') ?? -1);
      if (ip === null) continue;
      used.add(ip);
      return `${formatIPv4(ip)}/${subnet.bits}`;
    }
    return null;
  }
}

/**
 * The networks a service's tasks attach to, in swarmkit's order: ingress first when the service
 * publishes an ingress port, then the spec's networks (whose targets the control API resolved to
 * IDs); each as the store has it now.
 */
export function serviceNetworks(store: StoreState, spec: ServiceSpec): SwarmNetwork[] {
  const networks: SwarmNetwork[] = [];
  const ingress = ingressNetwork(store);
  if (ingress !== undefined && needsIngress(spec)) networks.push(ingress);
  for (const config of spec.TaskTemplate.Networks ?? []) {
    const record = store.networks?.[config.Target ?? ''];
    if (record !== undefined && !networks.some((n) => n.ID === record.network.ID)) {
      networks.push(record.network);
    }
  }
  return networks;
}

/**
 * The service's virtual IPs (swarmkit `allocateService`): one per network it attaches to, ingress
 * first, none in dnsrr mode (which never publishes in ingress mode); a network it already had
 * keeps its address, and one it leaves frees its address once the store has the new endpoint.
 */
export function allocateVirtualIPs(
  store: StoreState,
  spec: ServiceSpec,
  previous: Endpoint | undefined,
): { readonly NetworkID: string; readonly Addr: string }[] {
  if (isDnsrr(spec)) return [];
  const book = new AddressBook(store);
  const kept = previous?.VirtualIPs ?? [];
  const vips: { readonly NetworkID: string; readonly Addr: string }[] = [];
  for (const network of serviceNetworks(store, spec)) {
    const old = kept.find((vip) => vip.NetworkID === network.ID)?.Addr;
    const addr = old ?? book.take(network.ID);
    if (addr !== null) vips.push({ NetworkID: network.ID, Addr: addr });
  }
  return vips;
}
