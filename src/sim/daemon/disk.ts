import type { NodeRole } from '../../api/swarm';
import type { ManagerKeyMaterial } from '../../swarm';

/**
 * What a machine's daemon keeps on disk (`/var/lib/docker/swarm`): it survives a daemon stop,
 * and `docker swarm leave` erases it. The Raft log and store live in the machine's storage.
 */
export interface SwarmDisk {
  readonly node: SwarmNodeDisk | null;
}

export interface SwarmNodeDisk {
  readonly nodeId: string;
  readonly role: NodeRole;
  /** The advertise IP. */
  readonly addr: string;
  /** The managers the agent knows of (`ip:2377`), newest list from the dispatcher. */
  readonly managers: readonly string[];
  /** A manager's key material; null on a worker. */
  readonly key: ManagerKeyMaterial | null;
}

export const EMPTY_DISK: SwarmDisk = { node: null };

/** The swarm as this machine's daemon sees it, for the graph (plain data). */
export interface SwarmStatusView {
  readonly localNodeState: 'inactive' | 'pending' | 'active' | 'locked';
  readonly nodeId: string | null;
  readonly role: NodeRole | null;
  /** Whether this manager's control API answers (it knows a leader). */
  readonly controlAvailable: boolean;
  /** On the leader only: each node's STATUS, availability and MANAGER STATUS by hostname. */
  readonly nodes: readonly SwarmNodeView[] | null;
}

export interface SwarmNodeView {
  readonly nodeId: string;
  readonly hostname: string;
  readonly role: NodeRole;
  readonly state: 'unknown' | 'down' | 'ready' | 'disconnected';
  readonly availability: 'active' | 'pause' | 'drain';
  readonly managerStatus: 'Leader' | 'Reachable' | 'Unreachable' | null;
}
