import type { NodeRole } from '../../api/swarm';
import type { LocalVolume } from '../volume/local-volume';

/**
 * What a machine's daemon keeps on disk: the swarm's part (`/var/lib/docker/swarm`) survives a
 * daemon stop, and `docker swarm leave` erases it; the local volumes (`/var/lib/docker/volumes`)
 * survive both. The Raft log and store live in the machine's storage.
 */
export interface SwarmDisk {
  readonly node: SwarmNodeDisk | null;
  /** The node's local volumes, oldest first; absent in saves from before volumes: none. */
  readonly volumes?: readonly LocalVolume[];
}

/** The node's local volumes. */
export function diskVolumes(disk: SwarmDisk): readonly LocalVolume[] {
  return disk.volumes ?? [];
}

export interface SwarmNodeDisk {
  readonly nodeId: string;
  readonly role: NodeRole;
  /** The advertise IP. */
  readonly addr: string;
  /** The managers the agent knows of (`ip:2377`), newest list from the dispatcher. */
  readonly managers: readonly string[];
}

export const EMPTY_DISK: SwarmDisk = { node: null };
