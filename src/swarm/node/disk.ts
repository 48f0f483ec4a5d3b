import type { NodeRole } from '../../api/swarm';
import type { ManagerKeyMaterial } from '../autolock';

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
