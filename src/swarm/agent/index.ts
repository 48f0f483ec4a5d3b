/**
 * The node's agent (swarmkit `agent`): its session with the leader's dispatcher. Later issues
 * add the worker that runs the tasks the dispatcher assigns.
 */
export { AGENT_RETRY_MS, AgentSession, type AgentVolatile } from './session';
