import type { EndpointResource, NetworkInspect, PeerInfo, SwarmNetwork } from '../../api/network';
import type { NetworkAttachment } from '../../api/task';
import { rfc3339Nano } from '../../lib/go-time';
import { allNodes, type StoreState } from '../store';
import { addressOf, isIngressNetwork } from '../networkallocator';
import type { ContainerRecord, TaskProgress } from '../agent/worker';
import { BRIDGE_PREFIX_LENGTH, bridgeMacAddress } from '../agent/exec/bridge';
import { standInId } from '../agent/exec/stand-in-id';

/**
 * The networks as one node's daemon shows them (moby daemon/network.go, libnetwork, and
 * daemon/cluster/convert `BasicNetworkFromGRPC`): its local `bridge`, `host` and `none`, and
 * once in a swarm `docker_gwbridge` and the swarm networks it has an instance of (ingress, and
 * each overlay one of its tasks uses), with the containers on it here and the nodes that have
 * it too. A manager also lists every swarm network from the store, as the cluster has it.
 */

/** What the node knows to draw its networks from. */
export interface NodeNetworkFacts {
  /** The node's ID in the swarm, or null when it is in none. */
  readonly nodeId: string | null;
  /** The node's address, for its own entry in a network's peers. */
  readonly address: string;
  /** When the daemon first started: its local networks' `Created`. */
  readonly bootEpochMs: number;
  /** The store, on a manager; null on a worker. */
  readonly store: StoreState | null;
  readonly tasks: readonly TaskProgress[];
  readonly containers: readonly ContainerRecord[];
  /** The node's own attachments (ingress-sbox, load balancers) from its latest assignments. */
  readonly attachments: readonly NetworkAttachment[];
}

/** Names moby will not let a user create or remove (`IsPredefined`). */
export const PREDEFINED_NETWORKS = ['bridge', 'host', 'none', 'default'] as const;

/** 64 hex digits that stay the same for one seed (IDs libnetwork keeps on disk). */
export function stableHex(seed: string): string {
  return standInId(seed, 'network');
}

/** A MAC address as libnetwork makes it from an IPv4 address (`02:42` and the four bytes). */
function macOf(cidr: string): string {
  const ip = addressOf(cidr) ?? 0;
  const bytes = [24, 16, 8, 0].map((shift) => Math.floor(ip / 2 ** shift) % 256);
  return ['02', '42', ...bytes.map((byte) => byte.toString(16).padStart(2, '0'))].join(':');
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key] ?? '';
  return sorted;
}

interface LocalNetwork {
  readonly name: string;
  readonly driver: string;
  readonly subnet: { readonly Subnet: string; readonly Gateway?: string } | null;
  readonly options: Readonly<Record<string, string>>;
}

const BRIDGE: LocalNetwork = {
  name: 'bridge',
  driver: 'bridge',
  subnet: { Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' },
  options: {
    'com.docker.network.bridge.default_bridge': 'true',
    'com.docker.network.bridge.enable_icc': 'true',
    'com.docker.network.bridge.enable_ip_masquerade': 'true',
    'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
    'com.docker.network.bridge.name': 'docker0',
    'com.docker.network.driver.mtu': '1500',
  },
};
const HOST: LocalNetwork = { name: 'host', driver: 'host', subnet: null, options: {} };
const NONE: LocalNetwork = { name: 'none', driver: 'null', subnet: null, options: {} };
const GWBRIDGE: LocalNetwork = {
  name: 'docker_gwbridge',
  driver: 'bridge',
  subnet: { Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' },
  options: {
    'com.docker.network.bridge.enable_icc': 'false',
    'com.docker.network.bridge.enable_ip_masquerade': 'true',
    'com.docker.network.bridge.name': 'docker_gwbridge',
  },
};

/**
 * The local network's endpoints here: the bridge holds the running task containers that are on
 * no swarm network (at the address the worker gave them); docker_gwbridge the ingress sandbox
 * and each running container on swarm networks, in turn from 172.18.0.2.
 */
function localEndpoints(
  facts: NodeNetworkFacts,
  network: LocalNetwork,
): Record<string, EndpointResource> {
  const endpoints: [string, EndpointResource][] = [];
  const running = facts.containers.filter((container) => container.running);
  if (network === BRIDGE) {
    for (const container of running) {
      if (container.ipAddress === '') continue;
      endpoints.push([
        container.id,
        {
          Name: container.name,
          EndpointID: standInId(container.id, 'endpoint'),
          MacAddress: bridgeMacAddress(container.ipAddress),
          IPv4Address: `${container.ipAddress}/${BRIDGE_PREFIX_LENGTH}`,
          IPv6Address: '',
        },
      ]);
    }
  }
  if (network === GWBRIDGE) {
    const gateway = (key: string, name: string, host: number): void => {
      const address = `172.18.0.${host}`;
      endpoints.push([
        key,
        {
          Name: name,
          EndpointID: standInId(`${facts.address}/${key}`, 'gateway'),
          MacAddress: bridgeMacAddress(address),
          IPv4Address: `${address}/16`,
          IPv6Address: '',
        },
      ]);
    };
    gateway('ingress-sbox', 'gateway_ingress-sbox', 2);
    let host = 3;
    for (const container of running) {
      if (container.ipAddress !== '') continue;
      gateway(container.id, `gateway_${standInId(container.id, 'sandbox').slice(0, 12)}`, host++);
    }
  }
  endpoints.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(endpoints);
}

function localView(facts: NodeNetworkFacts, network: LocalNetwork): NetworkInspect {
  return {
    Name: network.name,
    // The bridge's ID is the one a container's inspect names (seeded by the node's ID).
    Id: standInId(facts.nodeId ?? facts.address, network.name),
    Created: rfc3339Nano(facts.bootEpochMs),
    Scope: 'local',
    Driver: network.driver,
    EnableIPv6: false,
    IPAM: {
      Driver: 'default',
      Options: null,
      Config: network.subnet === null ? [] : [network.subnet],
    },
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: localEndpoints(facts, network),
    Options: network.options,
    Labels: {},
  };
}

/** A swarm network as the cluster has it (`BasicNetworkFromGRPC`): no containers, no peers. */
export function clusterView(network: SwarmNetwork): NetworkInspect {
  const labels = network.Spec.Labels;
  return {
    Name: network.Spec.Name,
    Id: network.ID,
    Created: network.CreatedAt,
    Scope: 'swarm',
    Driver: network.DriverState?.Name ?? '',
    EnableIPv6: network.Spec.IPv6Enabled === true,
    IPAM: {
      Driver: network.IPAMOptions?.Driver.Name ?? '',
      Options: null,
      Config: (network.IPAMOptions?.Configs ?? []).map((config) => ({
        Subnet: config.Subnet ?? '',
        ...(config.Range === undefined ? {} : { IPRange: config.Range }),
        Gateway: config.Gateway ?? '',
      })),
    },
    Internal: network.Spec.Internal === true,
    Attachable: network.Spec.Attachable === true,
    Ingress: isIngressNetwork(network),
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: null,
    Options: sortedRecord(network.DriverState?.Options ?? {}),
    Labels: Object.keys(labels).length === 0 ? null : sortedRecord(labels),
  };
}

/** The swarm networks this node has an instance of, each with this node's endpoints on it. */
function instances(
  facts: NodeNetworkFacts,
): Map<string, { network: SwarmNetwork; endpoints: Map<string, EndpointResource> }> {
  const found = new Map<
    string,
    { network: SwarmNetwork; endpoints: Map<string, EndpointResource> }
  >();
  const endpoint = (attachment: NetworkAttachment, key: string, name: string): void => {
    const entry = found.get(attachment.Network.ID) ?? {
      network: attachment.Network,
      endpoints: new Map<string, EndpointResource>(),
    };
    const address = attachment.Addresses?.[0];
    if (address !== undefined && key !== '') {
      entry.endpoints.set(key, {
        Name: name,
        EndpointID: standInId(`${key}/${attachment.Network.ID}`, 'endpoint'),
        MacAddress: macOf(address),
        IPv4Address: address,
        IPv6Address: '',
      });
    }
    found.set(attachment.Network.ID, entry);
  };
  for (const container of facts.containers) {
    if (!container.running) continue;
    const task = facts.tasks.find((progress) => progress.assigned.task.ID === container.taskId);
    for (const attachment of task?.assigned.task.NetworksAttachments ?? []) {
      endpoint(attachment, container.id, container.name);
    }
  }
  for (const attachment of facts.attachments) {
    const ingress = isIngressNetwork(attachment.Network);
    // A node has an instance of an overlay only while a task of it uses it.
    if (!ingress && !found.has(attachment.Network.ID)) continue;
    const name = attachment.Network.Spec.Name;
    endpoint(
      attachment,
      ingress ? 'ingress-sbox' : `lb-${name}`,
      ingress ? 'ingress-endpoint' : `${name}-endpoint`,
    );
  }
  if (facts.store !== null) {
    // The latest copy of each network, as the store has it.
    for (const [id, entry] of found) {
      const stored = facts.store.networks?.[id]?.network;
      if (stored !== undefined) entry.network = stored;
    }
  }
  return found;
}

/** The nodes that have the network instantiated, as far as this node knows. */
function peersOf(facts: NodeNetworkFacts, network: SwarmNetwork): PeerInfo[] {
  const own = { Name: stableHex(`${facts.address}/gossip`).slice(0, 12), IP: facts.address };
  if (facts.store === null) return [own];
  const peers = allNodes(facts.store)
    .filter((record) =>
      (record.attachments ?? []).some((attachment) => attachment.Network.ID === network.ID),
    )
    .map((record) => {
      const ip = record.node.Status.Addr ?? '';
      return { Name: stableHex(`${ip}/gossip`).slice(0, 12), IP: ip };
    });
  return peers.some((peer) => peer.IP === facts.address) ? peers : [own, ...peers];
}

function instanceView(
  facts: NodeNetworkFacts,
  network: SwarmNetwork,
  endpoints: ReadonlyMap<string, EndpointResource>,
): NetworkInspect {
  const base = clusterView(network);
  const containers: Record<string, EndpointResource> = {};
  for (const key of [...endpoints.keys()].sort()) {
    const value = endpoints.get(key);
    if (value !== undefined) containers[key] = value;
  }
  return {
    ...base,
    Containers: containers,
    Labels: base.Labels ?? {},
    Peers: peersOf(facts, network),
  };
}

/**
 * What `GET /networks` gathers on this node, before filters: on a manager the swarm's networks
 * from the store first, then the local ones it did not list (moby `getNetworksList`); each swarm
 * network this node has an instance of as that instance.
 */
export function nodeNetworks(facts: NodeNetworkFacts): NetworkInspect[] {
  const local: NetworkInspect[] = [BRIDGE, HOST, NONE].map((n) => localView(facts, n));
  if (facts.nodeId === null) return local;
  local.push(localView(facts, GWBRIDGE));
  const found = instances(facts);
  const listed: NetworkInspect[] = [];
  if (facts.store !== null) {
    for (const record of Object.values(facts.store.networks ?? {}).sort((a, b) =>
      a.network.ID < b.network.ID ? -1 : 1,
    )) {
      const instance = found.get(record.network.ID);
      listed.push(
        instance === undefined
          ? clusterView(record.network)
          : instanceView(facts, instance.network, instance.endpoints),
      );
    }
  } else {
    for (const { network, endpoints } of found.values()) {
      listed.push(instanceView(facts, network, endpoints));
    }
  }
  return [...listed, ...local];
}

/**
 * What `GET /networks` gathers (moby `getNetworksList`), in its two parts: the swarm's networks
 * from the store on a manager, as the cluster has them, and this node's own, its instances of
 * swarm networks included. A list is not detailed (API ≥ 1.28): no local network shows its
 * containers there.
 */
export function listedNetworks(facts: NodeNetworkFacts): {
  readonly cluster: readonly NetworkInspect[];
  readonly local: readonly NetworkInspect[];
} {
  const cluster =
    facts.store === null
      ? []
      : Object.values(facts.store.networks ?? {})
          .sort((a, b) => (a.network.ID < b.network.ID ? -1 : 1))
          .map((record) => clusterView(record.network));
  const local: NetworkInspect[] = [BRIDGE, HOST, NONE].map((n) => localView(facts, n));
  if (facts.nodeId !== null) {
    local.push(localView(facts, GWBRIDGE));
    for (const { network, endpoints } of instances(facts).values()) {
      local.push(instanceView(facts, network, endpoints));
    }
  }
  return { cluster, local: local.map((network) => ({ ...network, Containers: {} })) };
}
