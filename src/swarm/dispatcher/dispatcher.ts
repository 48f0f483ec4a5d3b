import type { NodeDescription, NodeStatus } from '../../api/swarm';
import { heartbeatPeriodMs } from '../controlapi/cluster-spec';
import { proposal, timestamp, type ControlContext } from '../controlapi/context';
import { rpcError } from '../errors';
import { omitKey } from '../record-utils';
import { newObjectId } from '../identity';
import { fail, ok, type Outcome } from '../result';
import {
  allNodes,
  getCluster,
  getNode,
  nodeObject,
  updateAction,
  type NodeRecord,
  type StoreProposal,
  type StoreState,
} from '../store';
import {
  choosePeriodMs,
  GRACE_PERIOD_MULTIPLIER,
  NODE_DOWN_ORPHAN_PERIOD_MS,
  REGISTRATION_RATE_LIMIT_COUNT,
  REGISTRATION_RATE_LIMIT_PERIOD_MS,
  UNKNOWN_GRACE_PERIOD_MULTIPLIER,
} from './period';

/**
 * The leader's dispatcher (swarmkit `manager/dispatcher`): agent sessions, heartbeats and node
 * STATUS. Heartbeats themselves are never in the Raft log (they live in this state, on the
 * leader only); every status change they cause is a store proposal.
 *
 * - An agent that registers turns its node Ready (`register`, `markNodeReady`).
 * - A node whose heartbeat is late by 3 jittered periods turns Down, `heartbeat failure`.
 * - A new leader starts its dispatcher by marking every node that is not Down Unknown
 *   (`markNodesUnknown`); live agents re-register within seconds, the others turn Down after 6
 *   periods with `heartbeat failure for node in "unknown" state`.
 *
 * All of it is a function of virtual time: the host calls `expireHeartbeats` when virtual time
 * reaches `nextExpiryMs` (or on every tick).
 */

interface SessionEntry {
  /** Null for a node added as Unknown at dispatcher start, which has no session yet. */
  readonly sessionId: string | null;
  readonly expiresAtMs: number;
  readonly registeredAtMs: number | null;
  readonly attempts: number;
}

export interface DispatcherState {
  readonly sessions: Readonly<Record<string, SessionEntry>>;
  /** Down nodes and when their tasks become ORPHANED (24 h; tasks are not modelled yet). */
  readonly downNodes: Readonly<Record<string, number>>;
}

export const MESSAGE_HEARTBEAT_FAILURE = 'heartbeat failure';
export const MESSAGE_UNKNOWN_HEARTBEAT_FAILURE = 'heartbeat failure for node in "unknown" state';
export const MESSAGE_LEADERSHIP_CHANGE =
  'Node moved to "unknown" state due to leadership change in cluster';

/** The heartbeat period the cluster spec asks for, in ms (5 s by default). */
export function clusterHeartbeatPeriodMs(store: StoreState): number {
  const cluster = getCluster(store);
  return cluster === undefined ? 5_000 : heartbeatPeriodMs(cluster.swarm.Spec);
}

function withStatus(
  context: ControlContext,
  record: NodeRecord,
  status: NodeStatus,
  description?: NodeDescription,
): NodeRecord {
  // dispatcher.go `processUpdates`: an empty address keeps the one the node had.
  const addr = status.Addr ?? record.node.Status.Addr;
  const nextStatus: NodeStatus = {
    State: status.State,
    ...(status.Message === undefined ? {} : { Message: status.Message }),
    ...(addr === undefined ? {} : { Addr: addr }),
  };
  return {
    ...record,
    node: {
      ...record.node,
      UpdatedAt: timestamp(context),
      Status: nextStatus,
      Description: description ?? record.node.Description,
    },
  };
}

function statusProposal(
  context: ControlContext,
  records: readonly NodeRecord[],
): StoreProposal | null {
  if (records.length === 0) return null;
  return proposal(
    context,
    records.map((record) => updateAction(nodeObject(record))),
  );
}

export interface DispatcherStart {
  readonly state: DispatcherState;
  readonly proposal: StoreProposal | null;
}

/** dispatcher.go `Run` → `markNodesUnknown`, when this manager becomes the leader. */
export function startDispatcher(context: ControlContext): DispatcherStart {
  const periodMs = clusterHeartbeatPeriodMs(context.store);
  const sessions: Record<string, SessionEntry> = {};
  const downNodes: Record<string, number> = {};
  const unknown: NodeRecord[] = [];
  for (const record of allNodes(context.store)) {
    const id = record.node.ID;
    if (record.node.Status.State === 'down') {
      downNodes[id] = context.nowMs + NODE_DOWN_ORPHAN_PERIOD_MS;
      continue;
    }
    const graceMs = choosePeriodMs(context.prng, periodMs) * UNKNOWN_GRACE_PERIOD_MULTIPLIER;
    sessions[id] = {
      sessionId: null,
      expiresAtMs: context.nowMs + graceMs,
      registeredAtMs: null,
      attempts: 0,
    };
    unknown.push(
      withStatus(context, record, { State: 'unknown', Message: MESSAGE_LEADERSHIP_CHANGE }),
    );
  }
  return { state: { sessions, downNodes }, proposal: statusProposal(context, unknown) };
}

export interface RegisterInput {
  readonly nodeId: string;
  readonly description: NodeDescription;
  /** The agent's IP as the dispatcher sees the connection. */
  readonly addr: string;
}

export interface Registration {
  readonly state: DispatcherState;
  readonly proposal: StoreProposal;
  readonly sessionId: string;
  /** When the agent should send its first heartbeat, from now. */
  readonly heartbeatPeriodMs: number;
}

/** nodes.go `CheckRateLimit`: more than 3 registrations within 8 s are refused. */
function rateLimited(
  entry: SessionEntry | undefined,
  nowMs: number,
): { attempts: number; refused: boolean } {
  if (entry === undefined) return { attempts: 1, refused: false };
  const stale =
    entry.registeredAtMs === null ||
    nowMs - entry.registeredAtMs > REGISTRATION_RATE_LIMIT_PERIOD_MS;
  const attempts = (stale ? 0 : entry.attempts) + 1;
  return { attempts, refused: attempts > REGISTRATION_RATE_LIMIT_COUNT };
}

/** dispatcher.go `register` (an agent opens a session). */
export function registerNode(
  state: DispatcherState,
  context: ControlContext,
  input: RegisterInput,
): Outcome<Registration> {
  const entry = state.sessions[input.nodeId];
  const limit = rateLimited(entry, context.nowMs);
  if (limit.refused) {
    return fail(
      rpcError('Unavailable', `node ${input.nodeId} exceeded rate limit count of registrations`),
    );
  }
  const record = getNode(context.store, input.nodeId);
  if (record === undefined) return fail(rpcError('Unknown', 'node not found'));
  const periodMs = choosePeriodMs(context.prng, clusterHeartbeatPeriodMs(context.store));
  const sessionId = newObjectId(context.prng);
  const downNodes = omitKey(state.downNodes, input.nodeId);
  const ready = withStatus(
    context,
    record,
    { State: 'ready', Addr: input.addr },
    input.description,
  );
  return ok({
    state: {
      sessions: {
        ...state.sessions,
        [input.nodeId]: {
          sessionId,
          expiresAtMs: context.nowMs + periodMs * GRACE_PERIOD_MULTIPLIER,
          registeredAtMs: context.nowMs,
          attempts: limit.attempts,
        },
      },
      downNodes,
    },
    proposal: proposal(context, [updateAction(nodeObject(ready))]),
    sessionId,
    heartbeatPeriodMs: periodMs,
  });
}

export interface HeartbeatInput {
  readonly nodeId: string;
  readonly sessionId: string;
}

/** dispatcher.go `Heartbeat`: re-arms the node's timer; returns the next period for the agent. */
export function heartbeat(
  state: DispatcherState,
  context: ControlContext,
  input: HeartbeatInput,
): Outcome<{ readonly state: DispatcherState; readonly heartbeatPeriodMs: number }> {
  const entry = state.sessions[input.nodeId];
  if (entry === undefined) return fail(rpcError('NotFound', 'node not registered'));
  if (input.sessionId === '' || entry.sessionId !== input.sessionId) {
    return fail(rpcError('InvalidArgument', 'session invalid'));
  }
  const periodMs = choosePeriodMs(context.prng, clusterHeartbeatPeriodMs(context.store));
  const next: SessionEntry = {
    ...entry,
    expiresAtMs: context.nowMs + periodMs * GRACE_PERIOD_MULTIPLIER,
  };
  return ok({
    state: { ...state, sessions: { ...state.sessions, [input.nodeId]: next } },
    heartbeatPeriodMs: periodMs,
  });
}

/** The earliest instant at which `expireHeartbeats` has something to do, or null. */
export function nextExpiryMs(state: DispatcherState): number | null {
  const times = Object.values(state.sessions).map((entry) => entry.expiresAtMs);
  return times.length === 0 ? null : Math.min(...times);
}

/**
 * Every session whose timer has run out at `context.nowMs` turns its node Down
 * (dispatcher.go `markNodeNotReady`) and leaves the session table.
 */
export function expireHeartbeats(
  state: DispatcherState,
  context: ControlContext,
): { readonly state: DispatcherState; readonly proposal: StoreProposal | null } {
  const sessions: Record<string, SessionEntry> = {};
  const downNodes: Record<string, number> = { ...state.downNodes };
  const down: NodeRecord[] = [];
  for (const id of Object.keys(state.sessions).sort()) {
    const entry = state.sessions[id];
    if (entry === undefined) continue;
    if (entry.expiresAtMs > context.nowMs) {
      sessions[id] = entry;
      continue;
    }
    const record = getNode(context.store, id);
    if (record === undefined) continue;
    downNodes[id] = context.nowMs + NODE_DOWN_ORPHAN_PERIOD_MS;
    const message =
      entry.sessionId === null ? MESSAGE_UNKNOWN_HEARTBEAT_FAILURE : MESSAGE_HEARTBEAT_FAILURE;
    down.push(withStatus(context, record, { State: 'down', Message: message }));
  }
  return { state: { sessions, downNodes }, proposal: statusProposal(context, down) };
}

/** A removed node leaves the dispatcher's tables (`nodeRemove`). */
export function forgetNode(state: DispatcherState, nodeId: string): DispatcherState {
  return { sessions: omitKey(state.sessions, nodeId), downNodes: omitKey(state.downNodes, nodeId) };
}
