import type { InitRequest, JoinRequest, Node, NodeDescription, SwarmInfo } from '../../api/swarm';
import type { Entry, NodeId } from '../../raft';
import {
  applyEntry,
  createAction,
  DEADLINE_EXCEEDED,
  ERR_JOIN_TIMEOUT,
  ERR_LOST_LEADERSHIP,
  ERR_NO_SWARM,
  ERR_NOT_LOCKED,
  ERR_NOT_MANAGER_INACTIVE,
  ERR_NOT_MANAGER_WORKER,
  ERR_SWARM_EXISTS,
  ERR_SWARM_LOCKED,
  allMembers,
  allNodes,
  clusterHeartbeatPeriodMs,
  daemonError,
  expireHeartbeats,
  followClusterKey,
  forceNewCluster,
  getCluster,
  getNode,
  getUnlockKey,
  heartbeat,
  initCluster,
  joinNode,
  leaderlessCall,
  leaveRefusal,
  listNodes,
  memberByNodeId,
  memberByRaftId,
  memberList,
  memberObject,
  newKeyMaterial,
  nodeWithManagerStatus,
  proposal,
  reconcileRoles,
  recordSendOutcome,
  registerNode,
  removeNode,
  resolveNode,
  rpcError,
  startDispatcher,
  startsLocked,
  unlockWith,
  updateCluster,
  updateNode,
  ROLE_RECONCILE_INTERVAL_MS,
  SWARM_REQUEST_TIMEOUT_MS,
  RAFT_SEND_TIMEOUT_MS,
  type DispatcherState,
  type LeaderContext,
  type RaftMemberStatus,
  type StoreProposal,
  type StoreState,
  type SwarmError,
  type TransportActivity,
  type Outcome,
} from '../../swarm';
import type { DaemonLogic, MachineControl } from '../machine/daemon-logic';
import type { SwarmChange } from '../trace';
import {
  errorResponse,
  okResponse,
  type DaemonFailure,
  type DaemonRequest,
  type DaemonResponse,
} from './calls';
import { EMPTY_DISK, type SwarmDisk, type SwarmNodeDisk, type SwarmStatusView } from './disk';
import { filterNodes } from './node-filters';
import { storeChanges } from './swarm-changes';
import { sortedEntries, type ForwardVolatile, type SwarmDaemonVolatile } from './volatile';
import type { DaemonWire, WireBody } from './wire';

type Control = MachineControl<StoreProposal, StoreState>;
type Reply = (control: Control, body: WireBody) => void;
type Deferred = (control: Control) => void;

const SWARM_PORT = 2377;
/** How long an agent waits for a heartbeat answer before it tries another manager. */
const AGENT_RETRY_MS = 5_000;
/** A peer not heard of for this long counts as unreachable (a send timed out). */
const PEER_SILENCE_MS = RAFT_SEND_TIMEOUT_MS + 1_000;

/**
 * Who gets the answer to a request this daemon serves or passes on. A peer's request relayed to
 * the leader, and this node's own agent heartbeat, are plain data, so that a daemon waiting for
 * them can still move to another host; anything else is a closure of this daemon's (a call's
 * caller, `swarm join`, `swarm leave`'s node list).
 */
type Requester =
  | { readonly kind: 'continuation'; readonly reply: Reply }
  /** A peer's request: the answer goes back to `to` under the peer's own `reqId`. */
  | { readonly kind: 'relay'; readonly to: string; readonly reqId: string }
  /**
   * This node's agent, as it was when the heartbeat left: `agentStart` counts `#startAgent()`
   * calls, so an answer meant for an agent that has since been replaced is dropped.
   */
  | { readonly kind: 'agent-heartbeat'; readonly agentStart: number };

/** A request sent to another daemon, awaiting its answer (keyed by the request's reqId). */
type Forward =
  | {
      readonly kind: 'continuation';
      readonly reply: Reply;
      readonly deadlineMs: number;
      /** What the waiting caller gets when nobody answers in time. */
      readonly onTimeout: (control: Control) => void;
    }
  | ForwardVolatile;

/** What a request's requester gets when nobody answers in time. */
type OnTimeout = 'nothing' | 'deadline-exceeded';

interface Waiting {
  readonly request: DaemonRequest;
  readonly requester: Requester;
  readonly deadlineMs: number;
}

interface LeaderState {
  dispatcher: DispatcherState;
  nextReconcileMs: number;
  /** Node IDs with a role-manager step in flight, and until when. */
  readonly busy: Map<string, number>;
}

interface Agent {
  sessionId: string;
  nextMs: number;
  target: number;
  awaitingSinceMs: number | null;
}

function failure(error: SwarmError | DaemonFailure): DaemonResponse {
  return errorResponse(error);
}

/** The answer a forwarded control-API call gets when the leader does not answer in time. */
function deadlineExceeded(): WireBody {
  return {
    type: 'proxy-reply',
    reqId: '',
    response: failure(rpcError('DeadlineExceeded', DEADLINE_EXCEEDED)),
  };
}

/** The calls a follower forwards to the leader (everything but the node's own state). */
type ControlRequest = Exclude<
  DaemonRequest,
  {
    readonly op:
      'ping' | 'version' | 'info' | 'swarmInit' | 'swarmJoin' | 'swarmLeave' | 'swarmUnlock';
  }
>;

const LOCAL_OPS: ReadonlySet<string> = new Set([
  'ping',
  'version',
  'info',
  'swarmInit',
  'swarmJoin',
  'swarmLeave',
  'swarmUnlock',
]);

function isControlRequest(request: DaemonRequest): request is ControlRequest {
  return !LOCAL_OPS.has(request.op);
}

function stripPort(address: string): string {
  const colon = address.lastIndexOf(':');
  return colon < 0 ? address : address.slice(0, colon);
}

function withPort(address: string): string {
  return address.includes(':') ? address : `${address}:${SWARM_PORT}`;
}

/**
 * The swarm side of dockerd on one machine (moby `daemon/cluster` plus swarmkit's node, agent
 * and manager). Every manager applies the store; the leader alone runs the control API, the
 * dispatcher and the role manager, and followers forward every call to it (semantics §1.2).
 * All timers run on the machine's 1 s tick, the granularity of swarmkit's own Raft ticker.
 */
export class SwarmDaemon implements DaemonLogic<StoreProposal, StoreState> {
  #disk: SwarmDisk;
  #locked = false;
  #nextReq = 1;
  #ticksNoLeader = 0;
  #leader: LeaderState | null = null;
  #agent: Agent | null = null;
  /**
   * How many agents this daemon has started: the current agent, if any, is the last one. Never
   * reset, so that a heartbeat still pending can never be taken for a later agent's.
   */
  #agentStarts = 0;
  #activity: TransportActivity = {};
  readonly #lastHeard = new Map<NodeId, number>();
  readonly #watchers = new Map<string, (control: Control, error: SwarmError | null) => void>();
  readonly #confWatchers = new Map<string, Deferred>();
  readonly #forwards = new Map<string, Forward>();
  #waiting: Waiting[] = [];
  #whenLeader: Deferred[] = [];
  #deferred: Deferred[] = [];
  #initPending = false;
  /** This member applied its own removal from Raft; acted on once the log is caught up. */
  #removalSeen = false;
  #nodeViews: SwarmStatusView['nodes'] = null;
  /**
   * Each manager's reachability as the leader last saw it (null: not yet known), and since when
   * the leader has listed it, by node ID. Leader only.
   */
  readonly #reachability = new Map<
    string,
    { readonly told: 'reachable' | 'unreachable' | null; readonly listedSinceMs: number }
  >();

  constructor(disk: SwarmDisk | null) {
    this.#disk = disk ?? EMPTY_DISK;
  }

  /**
   * The daemon that exported `volatile`, rebuilt beside its disk on another host. It carries on
   * where the exported one was, so the machine must not `boot()` it: booting starts afresh.
   */
  static restore(disk: SwarmDisk | null, volatile: SwarmDaemonVolatile): SwarmDaemon {
    const daemon = new SwarmDaemon(disk);
    daemon.#loadVolatile(volatile);
    return daemon;
  }

  // ---- Moving a running daemon to another host ----

  /**
   * Everything in memory but the disk, as plain data; null while a continuation is pending (a
   * call forwarded for a local caller, a proposal or conf change awaited, a call waiting for a
   * leader), since a closure cannot move: the caller tries again at a later instant. Relayed
   * requests and the agent's heartbeat are data and move along. The data shares no mutable
   * object with the daemon, so later steps do not change an export already taken.
   */
  exportVolatile(): SwarmDaemonVolatile | null {
    if (this.#hasContinuations()) return null;
    const leader = this.#leader;
    const agent = this.#agent;
    // Insertion order, not sorted: `#timeouts()` answers expired relays in this order.
    const forwards: [string, ForwardVolatile][] = [];
    for (const [reqId, forward] of this.#forwards) {
      // Never a continuation here (checked above); the records are never mutated: shared.
      if (forward.kind !== 'continuation') forwards.push([reqId, forward]);
    }
    return {
      locked: this.#locked,
      nextReq: this.#nextReq,
      ticksNoLeader: this.#ticksNoLeader,
      // The dispatcher state, the transport activity and the node views are replaced, never
      // mutated, so they are shared; the leader and agent records are mutated in place: copied.
      leader:
        leader === null
          ? null
          : {
              dispatcher: leader.dispatcher,
              nextReconcileMs: leader.nextReconcileMs,
              busy: sortedEntries(leader.busy),
            },
      agent:
        agent === null
          ? null
          : {
              sessionId: agent.sessionId,
              nextMs: agent.nextMs,
              target: agent.target,
              awaitingSinceMs: agent.awaitingSinceMs,
            },
      agentStarts: this.#agentStarts,
      forwards,
      activity: this.#activity,
      lastHeard: sortedEntries(this.#lastHeard),
      initPending: this.#initPending,
      removalSeen: this.#removalSeen,
      nodeViews: this.#nodeViews,
      reachability: sortedEntries(this.#reachability),
    };
  }

  /**
   * `#deferred` is drained by `settled()`, which the machine runs after every Ready loop, the
   * only place entries apply; it is checked anyway, so that an export taken mid-call can never
   * drop work. A call waiting for a leader holds the daemon even when it is a peer's relayed
   * call: it carries the whole request, and a leaderless manager seldom gets one.
   */
  #hasContinuations(): boolean {
    let continuation = false;
    for (const forward of this.#forwards.values()) continuation ||= forward.kind === 'continuation';
    return (
      continuation ||
      this.#watchers.size > 0 ||
      this.#confWatchers.size > 0 ||
      this.#waiting.length > 0 ||
      this.#whenLeader.length > 0 ||
      this.#deferred.length > 0
    );
  }

  #loadVolatile(volatile: SwarmDaemonVolatile): void {
    const leader = volatile.leader;
    const agent = volatile.agent;
    this.#locked = volatile.locked;
    this.#nextReq = volatile.nextReq;
    this.#ticksNoLeader = volatile.ticksNoLeader;
    // Fresh records and Maps: the daemon mutates them, and the caller may still hold `volatile`.
    this.#leader =
      leader === null
        ? null
        : {
            dispatcher: leader.dispatcher,
            nextReconcileMs: leader.nextReconcileMs,
            busy: new Map(leader.busy),
          };
    this.#agent = agent === null ? null : { ...agent };
    this.#agentStarts = volatile.agentStarts;
    // In the exported order, which is the order they were sent in: see `exportVolatile()`.
    this.#forwards.clear();
    for (const [reqId, forward] of volatile.forwards) this.#forwards.set(reqId, forward);
    this.#activity = volatile.activity;
    this.#lastHeard.clear();
    for (const [raftId, atMs] of volatile.lastHeard) this.#lastHeard.set(raftId, atMs);
    this.#initPending = volatile.initPending;
    this.#removalSeen = volatile.removalSeen;
    this.#nodeViews = volatile.nodeViews;
    this.#reachability.clear();
    for (const [nodeId, seen] of volatile.reachability) this.#reachability.set(nodeId, seen);
  }

  // ---- DaemonLogic ----

  boot(control: Control): void {
    const node = this.#disk.node;
    this.#resetVolatile();
    if (node === null) return;
    if (node.role === 'manager' && node.key !== null && startsLocked(node.key)) {
      this.#locked = true;
      control.pauseRaft();
      this.#tell(control, { kind: 'manager-locked', hostname: control.hostname });
      return;
    }
    this.#campaignIfSoleMember(control);
    this.#startAgent(control);
  }

  stop(): void {
    this.#resetVolatile();
  }

  tick(control: Control): void {
    const raft = control.raft();
    this.#ticksNoLeader = raft !== undefined && raft.lead === 0 ? this.#ticksNoLeader + 1 : 0;
    this.#expireSilentPeers(control);
    this.#timeouts(control);
    this.#retryWaiting(control);
    this.#leaderDuties(control);
    this.#agentTick(control);
    this.settled(control);
    this.#refreshNodeViews(control);
  }

  heardFrom(control: Control, from: NodeId): void {
    this.#lastHeard.set(from, control.nowMs);
    this.#activity = recordSendOutcome(this.#activity, {
      raftId: from,
      outcome: 'delivered',
      atMs: this.#now(control),
    });
  }

  applied(control: Control, entry: Entry<StoreProposal>, before: StoreState): void {
    const data = entry.data;
    if (data.type === 'conf-change') {
      const key = `${data.change.kind}:${data.change.nodeId}`;
      const watcher = this.#confWatchers.get(key);
      if (watcher !== undefined) {
        this.#confWatchers.delete(key);
        this.#deferred.push(watcher);
      }
      // A member that was removed from the group stops being a manager here. Raft IDs are
      // machine ids, so a node demoted and later promoted again replays its own old removal
      // while it catches up: decide once the log is caught up, from the configuration then.
      if (data.change.kind === 'remove-voter' && data.change.nodeId === control.machineId) {
        this.#removalSeen = true;
      }
      return;
    }
    if (data.type !== 'normal') return;
    const watcher = this.#watchers.get(data.payload.requestId);
    // Every manager applies every entry; only the leader tells what changed, so the event log has
    // one line per change. Its dispatcher and role manager made most of these changes anyway.
    const tells = control.raft()?.role === 'leader';
    if (watcher !== undefined || tells) {
      const result = applyEntry(before, data.payload, entry.index);
      if (watcher !== undefined) {
        this.#watchers.delete(data.payload.requestId);
        this.#deferred.push((c) => {
          watcher(c, result.error);
        });
      }
      if (tells) {
        const changes = storeChanges(result.events, {
          hostname: control.hostname,
          heartbeatPeriodMs: clusterHeartbeatPeriodMs(result.store),
        });
        for (const change of changes) this.#tell(control, change);
      }
    }
    this.#deferred.push((c) => {
      this.#followCluster(c);
      this.#reconcile(c);
    });
  }

  settled(control: Control): void {
    this.#checkRemoval(control);
    this.#checkLeadership(control);
    while (this.#deferred.length > 0) {
      const next = this.#deferred.shift();
      next?.(control);
      this.#checkLeadership(control);
    }
  }

  call(control: Control, callId: string, request: DaemonRequest): void {
    const answer = (response: DaemonResponse): void => {
      control.answer(callId, response);
    };
    const replyToCaller: Reply = (c, body) => {
      if (body.type === 'proxy-reply') c.answer(callId, body.response);
    };
    switch (request.op) {
      case 'ping': {
        answer(
          okResponse('ping', { apiVersion: '1.47', osType: 'linux', swarm: this.#pingState() }),
        );
        return;
      }
      case 'version': {
        answer(okResponse('version', null));
        return;
      }
      case 'info': {
        answer(okResponse('info', this.#info(control)));
        return;
      }
      case 'swarmInit': {
        this.#init(control, callId, request.request);
        return;
      }
      case 'swarmJoin': {
        this.#join(control, callId, request.request);
        return;
      }
      case 'swarmLeave': {
        this.#leaveAsked(control, callId, request.force);
        return;
      }
      case 'swarmUnlock': {
        answer(this.#unlock(control, request.request.UnlockKey));
        return;
      }
      case 'swarmInspect':
      case 'swarmUpdate':
      case 'swarmUnlockKey':
      case 'nodeList':
      case 'nodeInspect':
      case 'nodeUpdate':
      case 'nodeRemove':
      case 'taskList':
        break;
    }
    const refusal = this.#controlRefusal();
    if (refusal !== null) {
      answer(failure(refusal));
      return;
    }
    this.#dispatch(control, request, { kind: 'continuation', reply: replyToCaller });
    this.settled(control);
  }

  receive(control: Control, wire: DaemonWire): void {
    const body = wire.body;
    switch (body.type) {
      case 'proxy-reply':
      case 'join-reply':
      case 'heartbeat-reply': {
        const forward = this.#forwards.get(body.reqId);
        if (forward === undefined) return;
        this.#forwards.delete(body.reqId);
        this.#answer(control, forward, body);
        break;
      }
      case 'proxy-call':
      case 'join':
      case 'heartbeat': {
        const requester: Requester = { kind: 'relay', to: wire.from, reqId: body.reqId };
        if (this.#disk.node?.role !== 'manager' || this.#locked) return;
        if (body.type === 'proxy-call') this.#dispatch(control, body.request, requester);
        else this.#serve(control, body, requester);
        break;
      }
    }
    this.settled(control);
  }

  disk(): SwarmDisk {
    return this.#disk;
  }

  view(): SwarmStatusView {
    const node = this.#disk.node;
    return {
      localNodeState: node === null ? 'inactive' : this.#locked ? 'locked' : 'active',
      nodeId: node?.nodeId ?? null,
      role: node?.role ?? null,
      controlAvailable: node?.role === 'manager' && !this.#locked && this.#ticksNoLeader === 0,
      nodes: this.#leader === null ? null : this.#nodeViews,
    };
  }

  // ---- Calls that every daemon answers itself ----

  #pingState(): 'inactive' | 'locked' | 'active/worker' | 'active/manager' {
    const node = this.#disk.node;
    if (node === null) return 'inactive';
    if (this.#locked) return 'locked';
    return node.role === 'manager' ? 'active/manager' : 'active/worker';
  }

  #controlRefusal(): DaemonFailure | null {
    const node = this.#disk.node;
    if (node === null) return daemonError('failed-precondition', ERR_NOT_MANAGER_INACTIVE);
    if (this.#locked) return daemonError('unavailable', ERR_SWARM_LOCKED);
    if (node.role !== 'manager') return daemonError('failed-precondition', ERR_NOT_MANAGER_WORKER);
    return null;
  }

  #info(control: Control): SwarmInfo {
    const node = this.#disk.node;
    if (node === null) {
      return {
        NodeID: '',
        NodeAddr: '',
        LocalNodeState: 'inactive',
        ControlAvailable: false,
        Error: '',
        RemoteManagers: null,
      };
    }
    if (this.#locked) {
      return {
        NodeID: '',
        NodeAddr: node.addr,
        LocalNodeState: 'locked',
        ControlAvailable: false,
        Error: '',
        RemoteManagers: null,
      };
    }
    const store = control.appState;
    const isManager = node.role === 'manager';
    const members = allMembers(store);
    const remote = isManager
      ? members.map((member) => ({ NodeID: member.nodeId, Addr: member.addr }))
      : node.managers.map((addr) => ({ NodeID: '', Addr: addr }));
    const base: SwarmInfo = {
      NodeID: node.nodeId,
      NodeAddr: node.addr,
      LocalNodeState: 'active',
      ControlAvailable: isManager,
      Error:
        isManager && leaderlessCall(this.#ticksNoLeader) !== 'wait'
          ? rpcError('Unknown', 'x').message.replace('x', '') + this.#lostQuorumText()
          : '',
      RemoteManagers: remote,
    };
    if (!isManager) return base;
    const cluster = getCluster(store);
    const nodes = allNodes(store);
    const managers = nodes.filter((record) => record.role === 'manager').length;
    const warnings =
      managers === 2
        ? [
            'WARNING: Running Swarm in a two-manager configuration. This configuration provides\n  no fault tolerance, and poses a high risk to lose control over the cluster.\n  Refer to https://docs.docker.com/engine/swarm/admin_guide/ to configure the\n  Swarm for fault-tolerance.',
          ]
        : undefined;
    return {
      ...base,
      Nodes: nodes.length,
      Managers: managers,
      ...(cluster === undefined
        ? {}
        : {
            Cluster: {
              ID: cluster.swarm.ID,
              Version: cluster.swarm.Version,
              CreatedAt: cluster.swarm.CreatedAt,
              UpdatedAt: cluster.swarm.UpdatedAt,
              Spec: cluster.swarm.Spec,
              TLSInfo: cluster.swarm.TLSInfo,
              RootRotationInProgress: cluster.swarm.RootRotationInProgress,
              DefaultAddrPool: cluster.swarm.DefaultAddrPool,
              SubnetSize: cluster.swarm.SubnetSize,
              DataPathPort: cluster.swarm.DataPathPort,
            },
          }),
      ...(warnings === undefined ? {} : { Warnings: warnings }),
    };
  }

  #lostQuorumText(): string {
    const error = leaderlessCall(this.#ticksNoLeader);
    return error === 'wait' ? '' : error.message.replace(/^rpc error: code = Unknown desc = /, '');
  }

  #init(control: Control, callId: string, request: InitRequest): void {
    const node = this.#disk.node;
    if (node !== null && !request.ForceNewCluster) {
      control.answer(callId, failure(daemonError('unavailable', ERR_SWARM_EXISTS)));
      return;
    }
    if (node !== null) {
      if (node.role !== 'manager') {
        control.answer(callId, failure(daemonError('failed-precondition', ERR_NOT_MANAGER_WORKER)));
        return;
      }
      if (this.#locked) {
        control.answer(callId, failure(daemonError('unavailable', ERR_SWARM_LOCKED)));
        return;
      }
      control.restartRaftAlone();
      this.#whenLeader.push((c) => {
        const result = forceNewCluster(this.#context(c), c.machineId);
        const done = (): void => {
          c.answer(callId, okResponse('swarmInit', node.nodeId));
        };
        if (result.proposal === null) done();
        else
          this.#propose(c, result.proposal, () => {
            done();
          });
      });
      this.settled(control);
      return;
    }
    const advertise = stripPort(request.AdvertiseAddr);
    const advertiseIp = advertise === '' || !/^\d/.test(advertise) ? control.address : advertise;
    control.startRaft([control.machineId]);
    control.raft()?.campaign();
    control.settle();
    this.#initPending = true;
    this.#whenLeader.push((c) => {
      const result = initCluster(this.#context(c), {
        request,
        description: this.#description(c),
        advertiseIp,
        advertisePort: SWARM_PORT,
      });
      // Our Raft core is addressed by machine id: the member record names that id.
      const actions = result.proposal.actions.map((action) =>
        action.kind === 'create' && action.object.table === 'member'
          ? createAction(memberObject({ ...action.object.record, raftId: c.machineId }))
          : action,
      );
      this.#propose(c, { ...result.proposal, actions }, (c2, error) => {
        this.#initPending = false;
        if (error !== null) {
          c2.answer(callId, failure(error));
          return;
        }
        this.#disk = {
          node: {
            nodeId: result.nodeId,
            role: 'manager',
            addr: advertiseIp,
            managers: [`${advertiseIp}:${SWARM_PORT}`],
            key: newKeyMaterial(c2.prng, result.unlockKey),
          },
        };
        this.#startAgent(c2);
        c2.answer(callId, okResponse('swarmInit', result.nodeId));
      });
    });
    this.settled(control);
  }

  #join(control: Control, callId: string, request: JoinRequest): void {
    if (this.#disk.node !== null) {
      control.answer(callId, failure(daemonError('unavailable', ERR_SWARM_EXISTS)));
      return;
    }
    const remote = request.RemoteAddrs[0] ?? '';
    const advertise = stripPort(request.AdvertiseAddr);
    const advertiseIp = advertise === '' || !/^\d/.test(advertise) ? control.address : advertise;
    const reqId = this.#reqId(control);
    this.#forwards.set(reqId, {
      kind: 'continuation',
      deadlineMs: control.nowMs + SWARM_REQUEST_TIMEOUT_MS,
      onTimeout: (c) => {
        c.answer(callId, failure(daemonError('deadline-exceeded', ERR_JOIN_TIMEOUT)));
      },
      reply: (c, body) => {
        if (body.type !== 'join-reply') return;
        if (body.response.status !== 'ok') {
          c.answer(callId, body.response);
          return;
        }
        this.#disk = {
          node: {
            nodeId: body.nodeId,
            role: body.role,
            addr: advertiseIp,
            managers: body.managers,
            key: body.role === 'manager' ? newKeyMaterial(c.prng, null) : null,
          },
        };
        if (body.role === 'manager') c.startRaft([]);
        this.#startAgent(c);
        c.answer(callId, okResponse('swarmJoin', null));
      },
    });
    control.send({
      from: control.address,
      to: stripPort(remote),
      body: {
        type: 'join',
        reqId,
        token: request.JoinToken,
        availability: request.Availability,
        machineId: control.machineId,
        advertiseAddr: advertiseIp,
      },
    });
  }

  /**
   * moby reads the manager counts of its warning with `ListNodes` through the raft proxy, so
   * they are the leader's reachability, not this follower's (which hears from no other follower).
   * A list that fails just leaves the counts out, as moby's `managerStats` error does.
   */
  #leaveAsked(control: Control, callId: string, force: boolean): void {
    const node = this.#disk.node;
    const asksLeader =
      !force && !this.#locked && node?.role === 'manager' && (control.raft()?.lead ?? 0) !== 0;
    if (!asksLeader) {
      control.answer(callId, this.#leave(control, force, null));
      return;
    }
    const reply: Reply = (c, body) => {
      if (body.type !== 'proxy-reply') return;
      const listed = body.response;
      const nodes = listed.status === 'ok' ? (listed.value as readonly Node[]) : [];
      c.answer(callId, this.#leave(c, force, nodes));
    };
    this.#dispatch(control, { op: 'nodeList', filters: {} }, { kind: 'continuation', reply });
    this.settled(control);
  }

  #leave(control: Control, force: boolean, nodes: readonly Node[] | null): DaemonResponse {
    const node = this.#disk.node;
    const refusal = leaveRefusal({
      inSwarm: node !== null,
      force,
      locked: this.#locked,
      isManager: node?.role === 'manager',
      activeManager: (control.raft()?.lead ?? 0) !== 0,
      selfNodeId: node?.nodeId ?? '',
      nodes: nodes ?? [],
    });
    if (refusal !== null) return failure(refusal);
    control.dropRaft();
    this.#disk = EMPTY_DISK;
    this.#resetVolatile();
    return okResponse('swarmLeave', null);
  }

  #unlock(control: Control, keyText: string): DaemonResponse {
    const node = this.#disk.node;
    if (node === null) return failure(daemonError('failed-precondition', ERR_NO_SWARM));
    if (!this.#locked || node.key === null) {
      return failure(daemonError('failed-precondition', ERR_NOT_LOCKED));
    }
    const result = unlockWith(node.key, keyText);
    if (!result.ok) return failure(result.error);
    this.#locked = false;
    control.resumeRaft();
    this.#campaignIfSoleMember(control);
    this.#startAgent(control);
    this.#tell(control, { kind: 'manager-unlocked', hostname: control.hostname });
    return okResponse('swarmUnlock', null);
  }

  // ---- Routing: the leader answers, a follower forwards, a leaderless manager waits ----

  #dispatch(control: Control, request: DaemonRequest, requester: Requester): void {
    const raft = control.raft();
    if (raft === undefined) {
      this.#answer(control, requester, {
        type: 'proxy-reply',
        reqId: '',
        response: failure(daemonError('failed-precondition', ERR_NOT_MANAGER_WORKER)),
      });
      return;
    }
    if (this.#leader !== null) {
      this.#execute(control, request, this.#replier(requester));
      return;
    }
    const leaderAddr =
      raft.lead === 0 ? undefined : memberByRaftId(control.appState, raft.lead)?.addr;
    if (leaderAddr !== undefined && raft.lead !== control.machineId) {
      const reqId = this.#reqId(control);
      this.#await(reqId, requester, control.nowMs + SWARM_REQUEST_TIMEOUT_MS, 'deadline-exceeded');
      control.send({
        from: control.address,
        to: stripPort(leaderAddr),
        body: { type: 'proxy-call', reqId, request },
      });
      return;
    }
    const verdict = leaderlessCall(this.#ticksNoLeader);
    if (verdict !== 'wait') {
      this.#answer(control, requester, {
        type: 'proxy-reply',
        reqId: '',
        response: failure(verdict),
      });
      return;
    }
    this.#waiting.push({
      request,
      requester,
      deadlineMs: control.nowMs + SWARM_REQUEST_TIMEOUT_MS,
    });
  }

  /** Join and dispatcher calls: on the leader, handled; on a follower, forwarded. */
  #serve(control: Control, body: WireBody, requester: Requester): void {
    if (this.#leader !== null) {
      const reply = this.#replier(requester);
      if (body.type === 'join') this.#leaderJoin(control, body, reply);
      else if (body.type === 'heartbeat') this.#leaderHeartbeat(control, body, reply);
      return;
    }
    const raft = control.raft();
    const leaderAddr =
      raft === undefined || raft.lead === 0
        ? undefined
        : memberByRaftId(control.appState, raft.lead)?.addr;
    if (leaderAddr === undefined) return; // nobody to ask: the caller times out
    const reqId = this.#reqId(control);
    // The requester times out on its own (a joiner after 20 s, an agent after 5 s).
    this.#await(reqId, requester, control.nowMs + SWARM_REQUEST_TIMEOUT_MS, 'nothing');
    control.send({
      from: control.address,
      to: stripPort(leaderAddr),
      body: { ...body, reqId },
    });
  }

  /** Remembers `requester` until the answer to the request sent as `reqId` comes back. */
  #await(reqId: string, requester: Requester, deadlineMs: number, onTimeout: OnTimeout): void {
    let forward: Forward;
    switch (requester.kind) {
      case 'continuation': {
        const reply = requester.reply;
        forward = {
          kind: 'continuation',
          reply,
          deadlineMs,
          onTimeout:
            onTimeout === 'nothing'
              ? () => undefined
              : (c) => {
                  reply(c, deadlineExceeded());
                },
        };
        break;
      }
      case 'relay':
        forward = {
          kind: 'relay',
          to: requester.to,
          reqId: requester.reqId,
          deadlineMs,
          onTimeout,
        };
        break;
      case 'agent-heartbeat':
        // An agent gives up on its own after AGENT_RETRY_MS: a timeout tells it nothing.
        forward = { kind: 'agent-heartbeat', agentStart: requester.agentStart, deadlineMs };
        break;
    }
    this.#forwards.set(reqId, forward);
  }

  /** Hands `body`, an answer, to whoever waits for it. */
  #answer(control: Control, requester: Requester, body: WireBody): void {
    switch (requester.kind) {
      case 'continuation':
        requester.reply(control, body);
        return;
      case 'relay':
        control.send({
          from: control.address,
          to: requester.to,
          body: { ...body, reqId: requester.reqId },
        });
        return;
      case 'agent-heartbeat':
        this.#agentReply(control, requester.agentStart, body);
        return;
    }
  }

  /** `requester` as a closure, for the leader's handlers (which answer within a proposal's wait). */
  #replier(requester: Requester): Reply {
    if (requester.kind === 'continuation') return requester.reply;
    return (c, body) => {
      this.#answer(c, requester, body);
    };
  }

  /** A control-API call on the leader: a read answers from the store, a write proposes. */
  #execute(control: Control, request: DaemonRequest, reply: Reply): void {
    const respond = (response: DaemonResponse): void => {
      reply(control, { type: 'proxy-reply', reqId: '', response });
    };
    const outcome = this.#controlOutcome(control, request);
    if (outcome.kind === 'answer') {
      respond(outcome.response);
      return;
    }
    this.#propose(control, outcome.proposal, (c, error) => {
      const response = error === null ? okResponse('nodeUpdate', null) : failure(error);
      reply(c, { type: 'proxy-reply', reqId: '', response });
    });
  }

  #controlOutcome(
    control: Control,
    request: DaemonRequest,
  ):
    | { readonly kind: 'answer'; readonly response: DaemonResponse }
    | { readonly kind: 'propose'; readonly proposal: StoreProposal } {
    const answer = (response: DaemonResponse) => ({ kind: 'answer' as const, response });
    const written = (outcome: Outcome<StoreProposal>) =>
      outcome.ok
        ? { kind: 'propose' as const, proposal: outcome.value }
        : answer(failure(outcome.error));
    if (!isControlRequest(request)) {
      return answer(failure(daemonError('internal', `${request.op} is not a control-API call`)));
    }
    const store = control.appState;
    const context = this.#leaderContext(control);
    switch (request.op) {
      case 'swarmInspect': {
        const cluster = getCluster(store);
        return cluster === undefined
          ? answer(failure(rpcError('Internal', 'could not fetch cluster object')))
          : answer(okResponse('swarmInspect', cluster.swarm));
      }
      case 'swarmUnlockKey':
        return answer(okResponse('swarmUnlockKey', { UnlockKey: getUnlockKey(store) }));
      case 'taskList':
        return answer(okResponse('taskList', []));
      case 'nodeList': {
        const filtered = filterNodes(listNodes(store, context.members), request.filters);
        return answer(
          filtered.ok ? okResponse('nodeList', filtered.nodes) : failure(filtered.error),
        );
      }
      case 'nodeInspect': {
        const found = resolveNode(store, request.id);
        return found.ok
          ? answer(okResponse('nodeInspect', nodeWithManagerStatus(found.value, context.members)))
          : answer(failure(found.error));
      }
      case 'nodeUpdate': {
        const found = resolveNode(store, request.id);
        if (!found.ok) return answer(failure(found.error));
        // The role manager looks at the change as soon as it is stored.
        if (this.#leader !== null) this.#leader.nextReconcileMs = control.nowMs;
        const nodeId = found.value.node.ID;
        return written(
          updateNode(context, { nodeId, version: request.version, spec: request.spec }),
        );
      }
      case 'nodeRemove': {
        const found = resolveNode(store, request.id);
        if (!found.ok) return answer(failure(found.error));
        return written(removeNode(context, { nodeId: found.value.node.ID, force: request.force }));
      }
      case 'swarmUpdate':
        return written(
          updateCluster(context, {
            version: request.version,
            spec: request.spec,
            flags: request.flags,
          }),
        );
    }
  }

  // ---- Leader: CA join, dispatcher, role manager ----

  #leaderJoin(control: Control, body: WireBody & { type: 'join' }, reply: Reply): void {
    const refuse = (response: DaemonResponse): void => {
      reply(control, {
        type: 'join-reply',
        reqId: '',
        response,
        nodeId: '',
        role: 'worker',
        managers: [],
      });
    };
    const outcome = joinNode(this.#context(control), {
      token: body.token,
      availability: body.availability,
    });
    if (!outcome.ok) {
      refuse(failure(outcome.error));
      return;
    }
    const { nodeId, role } = outcome.value;
    const done = (c: Control): void => {
      reply(c, {
        type: 'join-reply',
        reqId: '',
        response: okResponse('swarmJoin', null),
        nodeId,
        role,
        managers: this.#managerAddrs(c),
      });
    };
    this.#propose(control, outcome.value.proposal, (c, error) => {
      if (error !== null) {
        reply(c, {
          type: 'join-reply',
          reqId: '',
          response: failure(error),
          nodeId: '',
          role: 'worker',
          managers: [],
        });
        return;
      }
      if (role === 'manager') this.#addMember(c, nodeId, body.machineId, body.advertiseAddr, done);
      else done(c);
    });
  }

  /**
   * Names the new member in the store, answers the joiner so it starts its Raft member, then
   * adds it to Raft (semantics §1.4). Our Raft core uses a new configuration from the moment
   * the conf change is appended, so the newcomer must already be listening when it is: with
   * two voters the entry commits only once the newcomer acknowledges it.
   */
  #addMember(
    control: Control,
    nodeId: string,
    machineId: number,
    addr: string,
    done: Deferred,
  ): void {
    const addVoter = (c: Control): void => {
      const raft = c.raft();
      if (raft === undefined || raft.status().voters.includes(machineId)) return;
      raft.proposeConfChange({ kind: 'add-voter', nodeId: machineId });
      c.settle();
    };
    if (memberByNodeId(control.appState, nodeId) !== undefined) {
      done(control);
      addVoter(control);
      return;
    }
    const record = { raftId: machineId, nodeId, addr: `${addr}:${SWARM_PORT}` };
    this.#propose(
      control,
      proposal(this.#context(control), [createAction(memberObject(record))]),
      (c, error) => {
        if (error !== null) return;
        done(c);
        addVoter(c);
      },
    );
  }

  #leaderHeartbeat(control: Control, body: WireBody & { type: 'heartbeat' }, reply: Reply): void {
    const leader = this.#leader;
    if (leader === null) return;
    const store = control.appState;
    const record = getNode(store, body.nodeId);
    const answer = (ok: boolean, sessionId: string, periodMs: number): void => {
      reply(control, {
        type: 'heartbeat-reply',
        reqId: '',
        ok,
        sessionId,
        periodMs,
        managers: this.#managerAddrs(control),
        role: record?.role ?? null,
        unlockKey: getCluster(store)?.unlockKey ?? null,
        member: memberByNodeId(store, body.nodeId) !== undefined,
      });
    };
    const context = this.#context(control);
    if (body.sessionId === '') {
      const registered = registerNode(leader.dispatcher, context, {
        nodeId: body.nodeId,
        description: body.description,
        addr: body.addr,
      });
      if (!registered.ok) {
        answer(false, '', clusterHeartbeatPeriodMs(store));
        return;
      }
      leader.dispatcher = registered.value.state;
      this.#propose(control, registered.value.proposal, () => undefined);
      answer(true, registered.value.sessionId, registered.value.heartbeatPeriodMs);
    } else {
      const beat = heartbeat(leader.dispatcher, context, {
        nodeId: body.nodeId,
        sessionId: body.sessionId,
      });
      if (!beat.ok) {
        answer(false, '', clusterHeartbeatPeriodMs(store));
        return;
      }
      leader.dispatcher = beat.value.state;
      answer(true, body.sessionId, beat.value.heartbeatPeriodMs);
    }
    // A promoted node joins Raft when its agent next reports (it now holds a manager certificate).
    const machineId = body.machineId;
    if (
      record?.role === 'manager' &&
      machineId > 0 &&
      memberByNodeId(store, body.nodeId) === undefined
    ) {
      const key = `join:${body.nodeId}`;
      if (!leader.busy.has(key)) {
        leader.busy.set(key, control.nowMs + 10_000);
        this.#addMember(control, body.nodeId, machineId, body.addr, () => undefined);
      }
    }
  }

  #leaderDuties(control: Control): void {
    const leader = this.#leader;
    if (leader === null) return;
    for (const [key, until] of leader.busy) if (until <= control.nowMs) leader.busy.delete(key);
    const context = this.#context(control);
    const expired = expireHeartbeats(leader.dispatcher, context);
    leader.dispatcher = expired.state;
    if (expired.proposal !== null) this.#propose(control, expired.proposal, () => undefined);
    this.#reconcile(control);
  }

  /**
   * One pass of the role manager when it is due. swarmkit's role manager reacts to every node
   * change at once (it watches the store), so a demotion's Raft removal, and the role flip that
   * follows it, happen within milliseconds, not on the next 5 s retry: otherwise two demotions
   * typed back to back would both pass the last-manager check.
   */
  #reconcile(control: Control): void {
    const leader = this.#leader;
    if (leader === null || control.nowMs < leader.nextReconcileMs) return;
    leader.nextReconcileMs = control.nowMs + ROLE_RECONCILE_INTERVAL_MS;
    const lctx = this.#leaderContext(control);
    const result = reconcileRoles({ ...lctx, activity: this.#activity });
    for (const step of result.steps) {
      if (leader.busy.has(step.nodeId)) continue;
      leader.busy.set(step.nodeId, control.nowMs + ROLE_RECONCILE_INTERVAL_MS);
      const raft = control.raft();
      if (raft === undefined) return;
      if (step.kind === 'propose') {
        this.#propose(control, step.proposal, (c) => {
          this.#reconcileSoon(c, step.nodeId);
        });
      } else if (step.kind === 'transfer-leadership') {
        if (step.toRaftId !== null) raft.transferLeadership(step.toRaftId);
      } else {
        this.#confWatchers.set(`remove-voter:${step.raftId}`, (c) => {
          this.#propose(c, step.recordRemoval, (c2) => {
            this.#reconcileSoon(c2, step.nodeId);
          });
        });
        raft.proposeConfChange({ kind: 'remove-voter', nodeId: step.raftId });
      }
      control.settle();
    }
  }

  /** A role-manager step finished: the next one for that node may run at once. */
  #reconcileSoon(control: Control, nodeId: string): void {
    const leader = this.#leader;
    if (leader === null) return;
    leader.busy.delete(nodeId);
    leader.nextReconcileMs = control.nowMs;
  }

  #checkLeadership(control: Control): void {
    const raft = control.raft();
    const isLeader =
      raft !== undefined &&
      raft.role === 'leader' &&
      control.appState.appliedIndex >= raft.commitIndex;
    if (!isLeader) {
      if (this.#leader !== null) this.#loseLeadership(control);
      return;
    }
    if (this.#leader === null && getCluster(control.appState) !== undefined && !this.#initPending) {
      const start = startDispatcher(this.#context(control));
      this.#leader = {
        dispatcher: start.state,
        nextReconcileMs: control.nowMs + ROLE_RECONCILE_INTERVAL_MS,
        busy: new Map(),
      };
      this.#tell(control, { kind: 'swarm-leader-changed', hostname: control.hostname });
      if (start.proposal !== null) this.#propose(control, start.proposal, () => undefined);
    }
    if (this.#whenLeader.length > 0) {
      const waiting = this.#whenLeader;
      this.#whenLeader = [];
      for (const run of waiting) run(control);
    }
  }

  #loseLeadership(control: Control): void {
    this.#leader = null;
    const lost = rpcError('Unknown', ERR_LOST_LEADERSHIP);
    const watchers = [...this.#watchers.values()];
    this.#watchers.clear();
    this.#confWatchers.clear();
    for (const watcher of watchers) watcher(control, lost);
  }

  /**
   * A manager whose restored Raft configuration names no voter but itself campaigns at once, on
   * boot and on unlock (swarmkit raft.go `campaignWhenAble`). No peer can win an election for
   * it, so waiting out the 10–20 s election timeout only delays the leader's dispatcher: until
   * it starts, no agent (its own or a worker's) can re-register and turn its node Ready again.
   */
  #campaignIfSoleMember(control: Control): void {
    const raft = control.raft();
    if (raft === undefined) return;
    const voters = raft.status().voters;
    if (voters.length !== 1 || voters[0] !== control.machineId) return;
    raft.campaign();
    control.settle();
  }

  // ---- Agent ----

  #startAgent(control: Control): void {
    this.#agentStarts++;
    this.#agent = { sessionId: '', nextMs: control.nowMs, target: 0, awaitingSinceMs: null };
  }

  #agentTick(control: Control): void {
    const agent = this.#agent;
    const node = this.#disk.node;
    if (agent === null || node === null || this.#locked) return;
    if (agent.awaitingSinceMs !== null) {
      if (control.nowMs - agent.awaitingSinceMs < AGENT_RETRY_MS) return;
      agent.awaitingSinceMs = null;
      agent.sessionId = '';
      agent.target++;
    }
    if (control.nowMs < agent.nextMs) return;
    const reqId = this.#reqId(control);
    const body: WireBody = {
      type: 'heartbeat',
      reqId,
      nodeId: node.nodeId,
      sessionId: agent.sessionId,
      description: this.#description(control),
      addr: node.addr,
      machineId: control.machineId,
    };
    agent.awaitingSinceMs = control.nowMs;
    const requester: Requester = { kind: 'agent-heartbeat', agentStart: this.#agentStarts };
    // A manager's agent talks to its own dispatcher through the local raft proxy, as long as
    // this member knows a leader. A member that knows none (a node just promoted, whose Raft
    // member waits to be added, or one cut off) reports to the managers it knows, as a worker's
    // agent does: otherwise a promoted node would never tell the leader it is ready to join.
    const raft = control.raft();
    if (
      node.role === 'manager' &&
      (this.#leader !== null || (raft !== undefined && raft.lead !== 0))
    ) {
      this.#serve(control, body, requester);
      return;
    }
    const managers = node.managers.filter((addr) => stripPort(addr) !== control.address);
    const target = managers[agent.target % Math.max(1, managers.length)];
    if (target === undefined) return;
    this.#await(reqId, requester, control.nowMs + AGENT_RETRY_MS, 'nothing');
    control.send({ from: control.address, to: stripPort(target), body });
  }

  /**
   * The dispatcher's answer to the heartbeat that agent number `agentStart` sent. An agent
   * started since (a join or init finishing while an older one waited) ignores it.
   */
  #agentReply(control: Control, agentStart: number, answer: WireBody): void {
    const agent = this.#agent;
    if (answer.type !== 'heartbeat-reply' || agent === null || agentStart !== this.#agentStarts) {
      return;
    }
    agent.awaitingSinceMs = null;
    agent.sessionId = answer.ok ? answer.sessionId : '';
    agent.nextMs = control.nowMs + (answer.ok ? answer.periodMs : 1_000);
    this.#followAgentReply(control, answer);
  }

  /** The dispatcher's answer carries the manager list, the node's role and the unlock key. */
  #followAgentReply(control: Control, answer: WireBody & { type: 'heartbeat-reply' }): void {
    const node = this.#disk.node;
    if (node === null) return;
    let next: SwarmNodeDisk =
      answer.managers.length > 0 ? { ...node, managers: answer.managers } : node;
    const raft = control.raft();
    if (answer.role === 'manager' && node.role === 'worker') {
      next = { ...next, role: 'manager', key: newKeyMaterial(control.prng, answer.unlockKey) };
      control.startRaft([]);
    } else if (
      answer.role === 'manager' &&
      !answer.member &&
      raft !== undefined &&
      raft.status().voters.length > 0 &&
      this.#leader === null
    ) {
      // The cluster removed this member while it was away (`--force-new-cluster` elsewhere, a
      // removal): its log belongs to the old configuration. It wipes its Raft data and comes
      // back as a new, empty member for the leader to add (swarmkit `superviseManager`);
      // rejoining over the old log could carry a commit index the new leader never had.
      control.startRaft([]);
    } else if (answer.role === 'worker' && node.role === 'manager' && !answer.member) {
      // A removed member never applies its own removal: the leader stops replicating to it as
      // soon as the conf change is appended. The store's member table is what tells it.
      next = { ...next, role: 'worker', key: null };
      control.dropRaft();
    }
    this.#disk = { node: next };
  }

  #checkRemoval(control: Control): void {
    if (!this.#removalSeen) return;
    const raft = control.raft();
    if (raft === undefined) {
      this.#removalSeen = false;
      return;
    }
    if (raft.lastIndex < raft.commitIndex || control.appState.appliedIndex < raft.commitIndex) {
      return;
    }
    this.#removalSeen = false;
    if (!raft.status().voters.includes(control.machineId)) this.#becomeWorker(control);
  }

  #becomeWorker(control: Control): void {
    const node = this.#disk.node;
    if (node === null) return;
    this.#disk = { node: { ...node, role: 'worker', key: null } };
    this.#leader = null;
    control.dropRaft();
  }

  /** A running manager rewraps its keys when the cluster's unlock key changes (autolock). */
  #followCluster(control: Control): void {
    const node = this.#disk.node;
    const cluster = getCluster(control.appState);
    if (node?.key == null || cluster === undefined) return;
    const key = followClusterKey(node.key, cluster.unlockKey, control.prng);
    if (key !== node.key) this.#disk = { node: { ...node, key } };
  }

  // ---- Time ----

  #timeouts(control: Control): void {
    for (const [reqId, forward] of [...this.#forwards]) {
      if (forward.deadlineMs > control.nowMs) continue;
      this.#forwards.delete(reqId);
      if (forward.kind === 'continuation') forward.onTimeout(control);
      else if (forward.kind === 'relay' && forward.onTimeout === 'deadline-exceeded') {
        this.#answer(control, forward, deadlineExceeded());
      }
    }
  }

  #retryWaiting(control: Control): void {
    if (this.#waiting.length === 0) return;
    const waiting = this.#waiting;
    this.#waiting = [];
    const raft = control.raft();
    for (const entry of waiting) {
      if (raft !== undefined && raft.lead !== 0) {
        this.#dispatch(control, entry.request, entry.requester);
      } else if (entry.deadlineMs <= control.nowMs) {
        this.#answer(control, entry.requester, deadlineExceeded());
      } else {
        this.#waiting.push(entry);
      }
    }
  }

  #expireSilentPeers(control: Control): void {
    const raft = control.raft();
    if (raft === undefined) return;
    for (const voter of raft.status().voters) {
      if (voter === control.machineId) continue;
      const heard = this.#lastHeard.get(voter);
      if (heard !== undefined && control.nowMs - heard <= PEER_SILENCE_MS) continue;
      this.#activity = recordSendOutcome(this.#activity, {
        raftId: voter,
        outcome: 'timed-out',
        atMs: this.#now(control),
      });
    }
  }

  // ---- Helpers ----

  #propose(
    control: Control,
    payload: StoreProposal,
    then: (control: Control, error: SwarmError | null) => void,
  ): void {
    const raft = control.raft();
    const result = raft?.propose(payload);
    if (result?.ok !== true) {
      then(control, rpcError('Unknown', ERR_LOST_LEADERSHIP));
      return;
    }
    this.#watchers.set(payload.requestId, then);
    control.settle();
  }

  #members(control: Control): RaftMemberStatus[] {
    const raft = control.raft();
    if (raft === undefined) return [];
    return memberList(control.appState, {
      voters: raft.status().voters,
      leaderRaftId: raft.lead,
      selfRaftId: control.machineId,
      activity: this.#activity,
    });
  }

  #managerAddrs(control: Control): string[] {
    return allMembers(control.appState).map((member) => member.addr);
  }

  #now(control: Control): number {
    return control.epochMs + control.nowMs;
  }

  #context(control: Control): { store: StoreState; nowMs: number; prng: Control['prng'] } {
    return { store: control.appState, nowMs: this.#now(control), prng: control.prng };
  }

  #leaderContext(control: Control): LeaderContext {
    return {
      ...this.#context(control),
      members: this.#members(control),
      selfRaftId: control.machineId,
    };
  }

  #description(control: Control): NodeDescription {
    return {
      Hostname: control.hostname,
      Platform: { Architecture: 'x86_64', OS: 'linux' },
      Resources: { NanoCPUs: 2_000_000_000, MemoryBytes: 4 * 1024 ** 3 - 180 * 1024 ** 2 },
      Engine: { EngineVersion: '27.5.1', Plugins: [] },
    };
  }

  #reqId(control: Control): string {
    return `${control.hostname}-${this.#nextReq++}`;
  }

  /** The leader's node table as the graph shows it, refreshed on every tick (1 s). */
  #refreshNodeViews(control: Control): void {
    if (this.#leader === null) {
      this.#nodeViews = null;
      this.#reachability.clear();
      return;
    }
    const members = this.#members(control);
    this.#tellReachability(control, members);
    this.#nodeViews = listNodes(control.appState, members).map((node) => {
      const status = node.ManagerStatus;
      const managerStatus =
        status === undefined
          ? null
          : status.Leader === true
            ? 'Leader'
            : status.Reachability === 'reachable'
              ? 'Reachable'
              : 'Unreachable';
      return {
        nodeId: node.ID,
        hostname: node.Description.Hostname ?? '',
        role: node.Spec.Role,
        state: node.Status.State,
        availability: node.Spec.Availability,
        managerStatus,
      };
    });
  }

  /**
   * MANAGER STATUS is not stored: the leader derives it from its transport (swarmkit
   * `GetMemberlist`), so it tells a flip when its once-a-tick view of the members changes. A
   * member it has never reached is told Unreachable only once it has been listed for longer than
   * a send takes to time out: a new leader, or a member just added, has not heard from the
   * others yet, and that is not news.
   */
  #tellReachability(control: Control, members: readonly RaftMemberStatus[]): void {
    const listed = new Set<string>();
    for (const member of members) {
      listed.add(member.nodeId);
      const seen = this.#reachability.get(member.nodeId) ?? {
        told: null,
        listedSinceMs: control.nowMs,
      };
      const now = member.reachability;
      const news =
        seen.told === null
          ? now === 'unreachable' && control.nowMs - seen.listedSinceMs > PEER_SILENCE_MS
          : seen.told !== now;
      const told = news || seen.told !== null || now === 'reachable' ? now : null;
      this.#reachability.set(member.nodeId, { told, listedSinceMs: seen.listedSinceMs });
      if (!news) continue;
      const hostname = getNode(control.appState, member.nodeId)?.node.Description.Hostname;
      this.#tell(control, {
        kind: 'manager-reachability-changed',
        hostname: hostname ?? member.nodeId,
        reachability: now,
      });
    }
    for (const nodeId of [...this.#reachability.keys()]) {
      if (!listed.has(nodeId)) this.#reachability.delete(nodeId);
    }
  }

  #tell(control: Control, change: SwarmChange): void {
    control.emit({
      type: 'swarm-changed',
      timeMs: control.nowMs,
      member: control.machineId,
      change,
    });
  }

  #resetVolatile(): void {
    this.#locked = false;
    this.#ticksNoLeader = 0;
    this.#leader = null;
    this.#agent = null;
    this.#activity = {};
    this.#lastHeard.clear();
    this.#watchers.clear();
    this.#confWatchers.clear();
    this.#forwards.clear();
    this.#waiting = [];
    this.#whenLeader = [];
    this.#deferred = [];
    this.#initPending = false;
    this.#removalSeen = false;
    this.#nodeViews = null;
    this.#reachability.clear();
  }
}

export { withPort };
