/**
 * The node's agent (swarmkit `agent`): its session with the leader's dispatcher, and the worker
 * that runs the tasks the dispatcher assigns.
 */
export { AGENT_RETRY_MS, AgentSession, type AgentVolatile } from './session';
export {
  EMPTY_WORKER,
  STOP_MS,
  Worker,
  type ContainerRecord,
  type TaskProgress,
  type VolumeTable,
  type WorkerContext,
  type WorkerVolatile,
} from './worker';
