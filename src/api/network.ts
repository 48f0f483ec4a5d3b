import type { Driver, ObjectVersion } from './swarm';

/**
 * Networks of the Engine API 1.47 (Docker 27.5.1), keys in moby's struct order: the swarm's own
 * network object (`api/types/swarm/network.go`, what a task's `NetworksAttachments` carry) and
 * the daemon's view of a network on one node (`api/types/network/network.go`, what
 * `GET /networks` and `docker network inspect` answer).
 */

/** moby swarm.IPAMConfig: one subnet of a swarm network. */
export interface SwarmIPAMConfig {
  readonly Subnet?: string;
  readonly Range?: string;
  readonly Gateway?: string;
}

/** moby swarm.IPAMOptions. */
export interface SwarmIPAMOptions {
  readonly Driver: Partial<Driver>;
  readonly Configs?: readonly SwarmIPAMConfig[];
}

/** moby swarm.NetworkSpec. */
export interface SwarmNetworkSpec {
  readonly Name: string;
  readonly Labels: Readonly<Record<string, string>>;
  readonly DriverConfiguration?: Partial<Driver>;
  readonly IPv6Enabled?: boolean;
  readonly Internal?: boolean;
  readonly Attachable?: boolean;
  readonly Ingress?: boolean;
  readonly IPAMOptions?: SwarmIPAMOptions;
  readonly Scope?: string;
}

/**
 * moby swarm.Network: the spec as asked, the driver's state (its VXLAN ID) and the subnets the
 * allocator gave it.
 */
export interface SwarmNetwork {
  readonly ID: string;
  readonly Version: ObjectVersion;
  readonly CreatedAt: string;
  readonly UpdatedAt: string;
  readonly Spec: SwarmNetworkSpec;
  readonly DriverState?: Driver;
  readonly IPAMOptions?: SwarmIPAMOptions;
}

/** moby network.IPAMConfig; `IPRange` and `AuxiliaryAddresses` are omitempty. */
export interface IPAMConfig {
  readonly Subnet?: string;
  readonly IPRange?: string;
  readonly Gateway?: string;
  readonly AuxiliaryAddresses?: Readonly<Record<string, string>>;
}

/** moby network.IPAM. */
export interface IPAM {
  readonly Driver: string;
  readonly Options: Readonly<Record<string, string>> | null;
  readonly Config: readonly IPAMConfig[] | null;
}

/** moby network.EndpointResource: one endpoint of a network on this node. */
export interface EndpointResource {
  readonly Name: string;
  readonly EndpointID: string;
  readonly MacAddress: string;
  readonly IPv4Address: string;
  readonly IPv6Address: string;
}

/** moby network.PeerInfo: a node that has the network instantiated (gossip name and address). */
export interface PeerInfo {
  readonly Name: string;
  readonly IP: string;
}

/**
 * moby network.Inspect (v27's `Summary` is the same type): what `GET /networks` lists and
 * `GET /networks/{id}` answers. A swarm network with no local instance comes from the cluster
 * object: `Containers` null and no `Peers`.
 */
export interface NetworkInspect {
  readonly Name: string;
  readonly Id: string;
  readonly Created: string;
  readonly Scope: NetworkScope;
  readonly Driver: string;
  readonly EnableIPv6: boolean;
  readonly IPAM: IPAM;
  readonly Internal: boolean;
  readonly Attachable: boolean;
  readonly Ingress: boolean;
  readonly ConfigFrom: { readonly Network: string };
  readonly ConfigOnly: boolean;
  readonly Containers: Readonly<Record<string, EndpointResource>> | null;
  readonly Options: Readonly<Record<string, string>> | null;
  readonly Labels: Readonly<Record<string, string>> | null;
  readonly Peers?: readonly PeerInfo[];
}

export const NETWORK_SCOPES = ['local', 'swarm', 'global'] as const;
export type NetworkScope = (typeof NETWORK_SCOPES)[number];

/** moby network.CreateRequest as the CLI sends it (`docker network create`). */
export interface NetworkCreateRequest {
  readonly Name: string;
  readonly Driver: string;
  readonly Scope: string;
  readonly EnableIPv6?: boolean;
  readonly IPAM: {
    readonly Driver: string;
    readonly Options: Readonly<Record<string, string>>;
    readonly Config: readonly IPAMConfig[];
  };
  readonly Internal: boolean;
  readonly Attachable: boolean;
  readonly Ingress: boolean;
  readonly ConfigOnly: boolean;
  readonly Options: Readonly<Record<string, string>>;
  readonly Labels: Readonly<Record<string, string>>;
}

/** moby network.CreateResponse. */
export interface NetworkCreateResponse {
  readonly Id: string;
  readonly Warning: string;
}

/** moby network.PruneReport. */
export interface NetworkPruneReport {
  readonly NetworksDeleted: readonly string[];
}

/** The label swarmkit puts on its hidden copies of `bridge` and `host`. */
export const PREDEFINED_LABEL = 'com.docker.swarm.predefined';
