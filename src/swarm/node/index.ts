/**
 * The swarm node: the docker daemon's swarm side on one machine (swarmkit's node, with the
 * agent's session and the leader's duties), as the machine's daemon logic (machine-api).
 */
export type { SwarmDaemonData } from './daemon-data';
export { EMPTY_DISK, type SwarmDisk, type SwarmNodeDisk } from './disk';
export { swarmStateMachine } from './state-machine';
export { SwarmDaemon } from './swarm-daemon';
export { LAB_KERNEL_ABI, systemInfo, systemVersion, type MachineFacts } from './system-info';
export type { SwarmDaemonVolatile } from './volatile';
