import type { Node } from '../../api/swarm';
import { daemonError, type SwarmError } from '../errors';
import { ERR_NO_SWARM } from './messages';

/**
 * `docker swarm leave [--force]` (moby `daemon/cluster/swarm.go` `Leave`). Leaving changes
 * nothing in the store: a worker that leaves stays listed and turns Down when its heartbeats
 * stop; a manager that leaves with `--force` stays a Raft member, counted in the quorum size and
 * shown Unreachable, until someone demotes and removes it. What is left is the refusal logic,
 * which reads the leader's node list.
 */
export interface LeaveInput {
  readonly inSwarm: boolean;
  readonly force: boolean;
  readonly locked: boolean;
  readonly isManager: boolean;
  /** The local manager has a working control API (it knows a leader). */
  readonly activeManager: boolean;
  readonly selfNodeId: string;
  /** `GET /nodes` as the leader answers it, with ManagerStatus filled in. */
  readonly nodes: readonly Node[];
}

const MANAGER_PREFIX =
  'You are attempting to leave the swarm on a node that is participating as a manager. ';
const LAST_MANAGER =
  'Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message.';
const NOT_ACTIVE = 'Doing so may lose the consensus of your cluster. ';
const SUFFIX =
  'The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.';

/** moby `managerStats`: reachable and unreachable managers, and whether this one is reachable. */
function managerStats(nodes: readonly Node[], selfNodeId: string) {
  let reachable = 0;
  let unreachable = 0;
  let current = false;
  for (const node of nodes) {
    const reachability = node.ManagerStatus?.Reachability;
    if (reachability === 'reachable') {
      reachable++;
      if (node.ID === selfNodeId) current = true;
    } else if (reachability === 'unreachable') {
      unreachable++;
    }
  }
  return { current, reachable, unreachable };
}

function managerWarning(input: LeaveInput): string {
  if (!input.activeManager) return MANAGER_PREFIX + NOT_ACTIVE + SUFFIX;
  const { current, reachable, unreachable } = managerStats(input.nodes, input.selfNodeId);
  // moby helpers.go: removingManagerCausesLossOfQuorum and isLastManager.
  if (current && reachable - 2 <= unreachable) {
    if (reachable === 1 && unreachable === 0) return MANAGER_PREFIX + LAST_MANAGER;
    return `${MANAGER_PREFIX}Removing this node leaves ${reachable - 1} managers out of ${reachable + unreachable}. Without a Raft quorum your swarm will be inaccessible. ${SUFFIX}`;
  }
  return MANAGER_PREFIX + SUFFIX;
}

/** Why the daemon refuses to leave, or null when the node may leave now. */
export function leaveRefusal(input: LeaveInput): SwarmError | null {
  if (!input.inSwarm) return daemonError('failed-precondition', ERR_NO_SWARM);
  if (input.force) return null;
  if (input.locked) {
    return daemonError(
      'unavailable',
      'Swarm is encrypted and locked. Please unlock it first or use `--force` to ignore this message.',
    );
  }
  if (!input.isManager) return null;
  return daemonError('unavailable', managerWarning(input));
}
