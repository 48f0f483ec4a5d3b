/** The allocator: NEW tasks to PENDING once their resources are allocated. */
export { allocateTasks } from './allocate';
