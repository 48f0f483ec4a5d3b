/** The scheduler: PENDING tasks to nodes, through swarmkit's filter pipeline. */
export { scheduleTasks } from './scheduler';
export { PENDING_SHOWN_MAX, pendingTaskViews } from './explain';
