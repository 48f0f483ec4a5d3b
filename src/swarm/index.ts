/**
 * The swarm control plane as pure, deterministic code (docs/architecture.md, "Layers"). Time
 * comes in as virtual milliseconds and randomness from the seeded Prng; nothing here knows of workers, the
 * DOM or the CLI. See docs/swarm.md.
 */
export * from './autolock';
export * from './controlapi';
export * from './dispatcher';
export { daemonError, rpcError, toDaemonError, type GrpcCode, type SwarmError } from './errors';
export * from './identity';
export * from './raftmembers';
export { fail, ok, type Outcome } from './result';
export * from './rolemanager';
export * from './store';
