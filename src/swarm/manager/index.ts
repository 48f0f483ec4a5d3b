/**
 * The leader's duties (swarmkit `manager`): what a manager does only while it leads, over a
 * narrow view of its daemon (`ManagerContext`). The control API executes calls, the CA admits
 * joining nodes, the dispatcher keeps the agents' sessions, the role manager carries out
 * promotions and demotions, and the leader's node table feeds the graph.
 */
export { execute } from './control-api';
export type { LeaderState, ManagerContext } from './leader';
export { runControlLoops } from './control-loops';
export { leaderDuties, reconcile, startLeading } from './leader-duties';
export { leaderHeartbeat, leaderJoin, leaderTaskStatus } from './leader-rpcs';
export { NodeViews, type ReachabilityVolatile } from './node-views';
export { PendingViews } from './pending-views';
