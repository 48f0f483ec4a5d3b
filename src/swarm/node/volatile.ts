import { kindGuard } from '../../lib/kinds';
import type { NodeId } from '../../raft';
import type { DispatcherState } from '../dispatcher';
import type { TransportActivity } from '../raftmembers';
import type { PendingTaskView, SwarmNodeView } from '../../machine-api';
import type { AgentVolatile, WorkerVolatile } from '../agent';
import type { ReachabilityVolatile } from '../manager';
import type { OrchestratorState } from '../orchestrator/orchestrate';

/**
 * The swarm daemon's in-memory state as plain data (everything `SwarmDaemon` holds besides its
 * disk and its continuations), so that a running machine can move to another host without a
 * restart: `SwarmDaemon.exportVolatile()` makes one, `SwarmDaemon.restore(disk, volatile)` builds
 * the same daemon from it. Plain objects, arrays, strings, numbers, booleans and null only, so it
 * survives both structured clone (postMessage) and JSON. The daemon's Maps travel as arrays of
 * [key, value] pairs sorted by key where the daemon never depends on the Map's insertion order
 * (it only looks up, and prunes by value), so that equal states export equal data; `forwards`
 * keeps its insertion order, which the daemon does depend on.
 */
export interface SwarmDaemonVolatile {
  /** A manager whose key is wrapped by the unlock key, waiting for `docker swarm unlock`. */
  readonly locked: boolean;
  /** The counter behind the daemon's wire request ids (`<hostname>-<n>`). */
  readonly nextReq: number;
  readonly ticksNoLeader: number;
  /** The leader's dispatcher and role manager; null on any other member. */
  readonly leader: LeaderVolatile | null;
  /** The node's agent (dispatcher session); null until the node is in a swarm and unlocked. */
  readonly agent: AgentVolatile | null;
  /**
   * How many agents the daemon has started; the current one, if any, is the last. A pending
   * agent heartbeat names the agent that sent it by this count.
   */
  readonly agentStarts: number;
  /**
   * Requests sent to another daemon whose answers are awaited, as [reqId, forward], in the order
   * they were sent: expired ones time out in that order, and a timeout may send a message. Only
   * the kinds that are plain data; a daemon awaiting any other exports nothing.
   */
  readonly forwards: readonly (readonly [string, ForwardVolatile])[];
  /** The Raft transport's view of each peer, by Raft ID (already a plain record). */
  readonly activity: TransportActivity;
  /** When a Raft message from each peer last arrived, as [Raft ID, ms], by ascending Raft ID. */
  readonly lastHeard: readonly (readonly [NodeId, number])[];
  /** `swarm init` waits for its first proposal to apply; the dispatcher must not start before. */
  readonly initPending: boolean;
  /** This member applied its own removal from Raft and acts on it once the log is caught up. */
  readonly removalSeen: boolean;
  /** The leader's node table for the graph, as `view()` returns it. */
  readonly nodeViews: readonly SwarmNodeView[] | null;
  /** The leader's unplaceable tasks for the graph, as `view()` returns them. */
  readonly pendingViews: readonly PendingTaskView[] | null;
  /** The leader's last told MANAGER STATUS per manager, as [node ID, entry], by node ID. */
  readonly reachability: readonly (readonly [string, ReachabilityVolatile])[];
  /** The agent's worker: its tasks, containers, images and reports (already plain data). */
  readonly worker: WorkerVolatile;
  /** The agent's task report awaiting an answer. */
  readonly reportInFlight: {
    readonly reqId: string;
    readonly count: number;
    readonly sentAtMs: number;
  } | null;
}

export interface LeaderVolatile {
  /** Already plain data: records keyed by node ID, replaced on every change. */
  readonly dispatcher: DispatcherState;
  readonly nextReconcileMs: number;
  /** Role-manager steps and member additions in flight, as [key, until ms], by key. */
  readonly busy: readonly (readonly [string, number])[];
  /** Already plain data: the replacements waiting to start, replaced on every pass. */
  readonly orchestrator: OrchestratorState;
  /** The digest of the assignments last sent to each node, as [node ID, digest], by node ID. */
  readonly assignmentsSent: readonly (readonly [string, string])[];
}

/** A request sent to another daemon, awaiting its answer, as data. */
export type ForwardVolatile =
  /** This node's agent heartbeat (sent direct, or through this manager's relay to the leader). */
  | {
      readonly kind: 'agent-heartbeat';
      /** Which agent sent it (`agentStarts` then): an answer for an older agent is dropped. */
      readonly agentStart: number;
      readonly deadlineMs: number;
    }
  /** A peer's join, heartbeat or control-API call that this follower relayed to the leader. */
  | {
      readonly kind: 'relay';
      /** The peer's address and its own reqId: the leader's answer goes back there under it. */
      readonly to: string;
      readonly reqId: string;
      readonly deadlineMs: number;
      /**
       * What the peer gets if the leader does not answer in time: a relayed control-API call gets
       * DeadlineExceeded (swarmkit's raft proxy); a join or heartbeat nothing, its sender times
       * out on its own.
       */
      readonly onTimeout: 'nothing' | 'deadline-exceeded';
    };

// ---- Validation: the value crosses a worker boundary, and both ends check what they get ----

type Fields = Readonly<Record<string, unknown>>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isTimeOrNull(value: unknown): boolean {
  return value === null || isTime(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isPairs(value: unknown, key: (k: unknown) => boolean, item: (v: unknown) => boolean) {
  return (
    Array.isArray(value) &&
    value.every(
      (pair: unknown) => Array.isArray(pair) && pair.length === 2 && key(pair[0]) && item(pair[1]),
    )
  );
}

function isRecordOf(value: unknown, item: (v: unknown) => boolean): boolean {
  return isFields(value) && Object.values(value).every(item);
}

function isSession(value: unknown): boolean {
  return (
    isFields(value) &&
    (value.sessionId === null || typeof value.sessionId === 'string') &&
    isTime(value.expiresAtMs) &&
    isTimeOrNull(value.registeredAtMs) &&
    isCount(value.attempts)
  );
}

function isLeader(value: unknown): boolean {
  if (!isFields(value)) return false;
  const dispatcher = value.dispatcher;
  return (
    isFields(dispatcher) &&
    isRecordOf(dispatcher.sessions, isSession) &&
    isRecordOf(dispatcher.downNodes, isTime) &&
    isTime(value.nextReconcileMs) &&
    isPairs(value.busy, (k) => typeof k === 'string', isTime) &&
    isOrchestrator(value.orchestrator) &&
    isPairs(
      value.assignmentsSent,
      (k) => typeof k === 'string',
      (v) => typeof v === 'string',
    )
  );
}

function isOrchestrator(value: unknown): boolean {
  return (
    isFields(value) &&
    Array.isArray(value.delays) &&
    value.delays.every(
      (delay: unknown) =>
        isFields(delay) &&
        typeof delay.taskId === 'string' &&
        (delay.oldTaskId === null || typeof delay.oldTaskId === 'string') &&
        isTime(delay.startAtMs) &&
        typeof delay.waitStop === 'boolean' &&
        isTime(delay.giveUpAtMs),
    ) &&
    Array.isArray(value.updates) &&
    value.updates.every(
      (run: unknown) =>
        isFields(run) &&
        typeof run.serviceId === 'string' &&
        typeof run.template === 'string' &&
        Array.isArray(run.queue) &&
        Array.isArray(run.active) &&
        Array.isArray(run.monitored) &&
        isCount(run.failures) &&
        isTime(run.nextStartMs),
    ) &&
    (value.enforcedAt === undefined || isCount(value.enforcedAt)) &&
    (value.jobs === undefined ||
      (Array.isArray(value.jobs) &&
        value.jobs.every(
          (mark: unknown) =>
            isFields(mark) && typeof mark.serviceId === 'string' && isCount(mark.reconciledAt),
        )))
  );
}

function isAgent(value: unknown): boolean {
  return (
    isFields(value) &&
    typeof value.sessionId === 'string' &&
    isTime(value.nextMs) &&
    isCount(value.target) &&
    isTimeOrNull(value.awaitingSinceMs)
  );
}

const isOnTimeout = kindGuard<(ForwardVolatile & { kind: 'relay' })['onTimeout']>({
  nothing: true,
  'deadline-exceeded': true,
});

function isForward(value: unknown): boolean {
  if (!isFields(value) || !isTime(value.deadlineMs)) return false;
  switch (value.kind) {
    case 'agent-heartbeat':
      return isCount(value.agentStart);
    case 'relay':
      return (
        typeof value.to === 'string' &&
        typeof value.reqId === 'string' &&
        isOnTimeout(value.onTimeout)
      );
    default:
      return false;
  }
}

function isPeerActivity(value: unknown): boolean {
  return (
    isFields(value) && typeof value.active === 'boolean' && isTimeOrNull(value.becameActiveAtMs)
  );
}

type NodeView = SwarmNodeView;
const isNodeRole = kindGuard<NodeView['role']>({ worker: true, manager: true });
const isNodeState = kindGuard<NodeView['state']>({
  unknown: true,
  down: true,
  ready: true,
  disconnected: true,
});
const isAvailability = kindGuard<NodeView['availability']>({
  active: true,
  pause: true,
  drain: true,
});
const isManagerStatus = kindGuard<NonNullable<NodeView['managerStatus']>>({
  Leader: true,
  Reachable: true,
  Unreachable: true,
});
const isTold = kindGuard<NonNullable<ReachabilityVolatile['told']>>({
  reachable: true,
  unreachable: true,
});

function isNodeView(value: unknown): boolean {
  return (
    isFields(value) &&
    typeof value.nodeId === 'string' &&
    typeof value.hostname === 'string' &&
    isNodeRole(value.role) &&
    isNodeState(value.state) &&
    isAvailability(value.availability) &&
    (value.managerStatus === null || isManagerStatus(value.managerStatus))
  );
}

function isPendingView(value: unknown): boolean {
  return (
    isFields(value) &&
    typeof value.taskId === 'string' &&
    typeof value.name === 'string' &&
    typeof value.error === 'string' &&
    Array.isArray(value.nodes) &&
    value.nodes.every(
      (node: unknown) =>
        isFields(node) &&
        typeof node.hostname === 'string' &&
        (node.reason === null || typeof node.reason === 'string'),
    )
  );
}

function isReachability(value: unknown): boolean {
  return (
    isFields(value) && (value.told === null || isTold(value.told)) && isTime(value.listedSinceMs)
  );
}

/** Whether `value` has the shape of a `SwarmDaemonVolatile` (for values from another thread). */
export function isSwarmDaemonVolatile(value: unknown): value is SwarmDaemonVolatile {
  if (!isFields(value)) return false;
  return (
    typeof value.locked === 'boolean' &&
    isCount(value.nextReq) &&
    isCount(value.ticksNoLeader) &&
    (value.leader === null || isLeader(value.leader)) &&
    (value.agent === null || isAgent(value.agent)) &&
    isCount(value.agentStarts) &&
    isPairs(value.forwards, (k) => typeof k === 'string', isForward) &&
    isRecordOf(value.activity, isPeerActivity) &&
    isPairs(value.lastHeard, isCount, isTime) &&
    typeof value.initPending === 'boolean' &&
    typeof value.removalSeen === 'boolean' &&
    isLeaderViews(value) &&
    isPairs(value.reachability, (k) => typeof k === 'string', isReachability) &&
    isAgentWork(value)
  );
}

/** The leader's tables for the graph: its nodes and its unplaceable tasks. */
function isLeaderViews(value: Fields): boolean {
  return (
    (value.nodeViews === null ||
      (Array.isArray(value.nodeViews) && value.nodeViews.every(isNodeView))) &&
    (value.pendingViews === null ||
      (Array.isArray(value.pendingViews) && value.pendingViews.every(isPendingView)))
  );
}

/** The agent's worker and its report in flight. */
function isAgentWork(value: Fields): boolean {
  return (
    isWorker(value.worker) &&
    (value.reportInFlight === null || isReportInFlight(value.reportInFlight))
  );
}

/**
 * The worker in outline: its lists and their records' scalar fields. The tasks inside its
 * assignments are Engine API objects that the leader wrote; they are not checked field by field.
 */
function isWorker(value: unknown): boolean {
  return (
    isFields(value) &&
    Array.isArray(value.tasks) &&
    value.tasks.every(
      (task: unknown) =>
        isFields(task) &&
        isFields(task.assigned) &&
        typeof task.state === 'string' &&
        isTimeOrNull(task.stepEndsAtMs) &&
        isTimeOrNull(task.stopAtMs) &&
        (task.containerId === null || typeof task.containerId === 'string'),
    ) &&
    Array.isArray(value.containers) &&
    value.containers.every(
      (container: unknown) =>
        isFields(container) &&
        typeof container.id === 'string' &&
        typeof container.name === 'string' &&
        typeof container.running === 'boolean',
    ) &&
    Array.isArray(value.images) &&
    value.images.every((image: unknown) => typeof image === 'string') &&
    Array.isArray(value.unreported) &&
    value.unreported.every(
      (update: unknown) => isFields(update) && typeof update.taskId === 'string',
    ) &&
    isCount(value.term) &&
    typeof value.assignmentsDigest === 'string' &&
    (value.dependencies === undefined ||
      (Array.isArray(value.dependencies) &&
        value.dependencies.every(
          (dependency: unknown) =>
            isFields(dependency) &&
            (dependency.kind === 'secret' || dependency.kind === 'config') &&
            typeof dependency.id === 'string' &&
            typeof dependency.name === 'string' &&
            typeof dependency.data === 'string',
        )))
  );
}

function isReportInFlight(value: unknown): boolean {
  return (
    isFields(value) &&
    typeof value.reqId === 'string' &&
    isCount(value.count) &&
    isTime(value.sentAtMs)
  );
}
