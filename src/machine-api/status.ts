import type { NodeRole } from '../api/swarm';

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
