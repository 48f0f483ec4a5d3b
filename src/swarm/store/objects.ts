import type { SwarmNetwork } from '../../api/network';
import type { Config, Secret } from '../../api/secret';
import type { Service } from '../../api/service';
import type { Node, NodeRole, Swarm } from '../../api/swarm';
import type { NetworkAttachment, Task } from '../../api/task';

/**
 * The objects the replicated store holds. Each wraps the Engine API object the daemon returns
 * (src/api/swarm.ts) with the fields swarmkit keeps beside it but never shows through the Engine
 * API. `Version.Index` of the API object is the Raft index of the entry that last wrote it.
 */

/**
 * A node (swarmkit `api.Node`). `node.Spec.Role` is the *desired* role (swarmkit
 * `Spec.DesiredRole`, what `docker node promote|demote` sets); `role` is the role the node has
 * now, which the role manager moves to the desired one (manager/role_manager.go). The API object
 * is stored without `ManagerStatus`: swarmkit fills that in at read time from the Raft member
 * list (controlapi/node.go `ListNodes`).
 */
export interface NodeRecord {
  readonly node: Node;
  readonly role: NodeRole;
  /**
   * The node's own network attachments (swarmkit `Node.Attachments`, never shown by the Engine
   * API): its `ingress-sbox` address on the ingress network and its load-balancer address on
   * each overlay one of its tasks uses, given by the allocator. Absent: none.
   */
  readonly attachments?: readonly NetworkAttachment[];
}

/**
 * The cluster (swarmkit `api.Cluster`), of which a swarm has exactly one, named `default`.
 * `swarm` carries the spec, the join tokens and the TLS info the daemon shows.
 */
export interface ClusterRecord {
  readonly swarm: Swarm;
  /** SHA-256 of the root CA certificate, 64 hex digits: the middle of both join tokens. */
  readonly rootDigestHex: string;
  /**
   * The manager unlock key (`UnlockKeys`, subsystem `swarm-manager`) in its `SWMKEY-1-…` form,
   * or null when autolock is off.
   */
  readonly unlockKey: string | null;
  /**
   * Node IDs whose certificates were revoked by `docker node rm` (swarmkit
   * `BlacklistedCertificates`): such a node cannot register again and must join afresh.
   */
  readonly blacklistedNodeIds: readonly string[];
}

/**
 * One Raft member: swarmkit keeps the Raft ID ↔ node ID ↔ address mapping in the ConfChange
 * context (`manager/state/raft/membership`). Our Raft core carries only numeric IDs in a
 * ConfChange, so the mapping is a store table, written in the same proposal that precedes the
 * ConfChange. Which members vote is always Raft's voter list; this table only names them.
 */
export interface MemberRecord {
  readonly raftId: number;
  readonly nodeId: string;
  /** `ip:2377`, the manager's advertise address. */
  readonly addr: string;
}

/**
 * A service (swarmkit `api.Service`), stored as the Engine API object without `ServiceStatus`,
 * which the list fills in on read from the tasks (controlapi/service.go `ListServiceStatuses`).
 */
export interface ServiceRecord {
  readonly service: Service;
}

/**
 * A task (swarmkit `api.Task`): the Engine API object, plus the name of its service as it was
 * when the task was created (swarmkit `ServiceAnnotations`), for container names and logs.
 */
export interface TaskRecord {
  readonly task: Task;
  readonly serviceName: string;
}

/**
 * A secret (swarmkit `api.Secret`): the Engine API object with its `Spec.Data`, which the store
 * keeps and the control API strips from every answer.
 */
export interface SecretRecord {
  readonly secret: Secret;
}

/** A config (swarmkit `api.Config`): the Engine API object with its `Spec.Data`. */
export interface ConfigRecord {
  readonly config: Config;
}

/**
 * A swarm network (swarmkit `api.Network`): the Engine API's swarm object, with the subnets the
 * IPAM gave it in `IPAMOptions` and its VXLAN ID in `DriverState`.
 */
export interface NetworkRecord {
  readonly network: SwarmNetwork;
}
