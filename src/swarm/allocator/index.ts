/** The allocator's pass: tasks' and nodes' network addresses, NEW tasks to PENDING. */
export { allocateTasks } from './allocate';
