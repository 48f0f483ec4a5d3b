import type { Entry, NodeId } from '../../raft';
import { type StoreProposal, type StoreState } from '../store';
import type { DaemonLogic } from '../../machine-api';
import { agentTick } from './agent-heartbeat';
import { reportAnswered, takeAssignments, workerTick } from './agent-tasks';
import { entryApplied, settle } from './applied';
import type { DaemonRequest } from '../../api/operations';
import { raftMembers, tell, withPort } from '../runtime/control';
import { createDaemonState, resetVolatile, type SwarmDaemonState } from './daemon-state';
import type { Control } from '../runtime/control';
import type { SwarmStatusView } from '../../machine-api';
import { EMPTY_DISK, type SwarmDisk } from './disk';
import { leaderDuties } from '../manager';
import { campaignIfSoleMember } from './own-node';
import type { Requester } from './requests';
import { deliver, dispatch, expireForwards, retryWaiting, serve } from './routing';
import { routeCall } from './router';
import { answerLogSubscription } from './log-subscription';
import type { SwarmDaemonVolatile } from './volatile';
import { exportVolatile, loadVolatile } from './volatile-state';
import type { DaemonWire } from '../../machine-api';
import type { SwarmDaemonData } from './daemon-data';

/**
 * The swarm side of dockerd on one machine (moby `daemon/cluster` plus swarmkit's node, agent
 * and manager). Every manager applies the store; the leader alone runs the control API, the
 * dispatcher and the role manager, and followers forward every call to it (semantics §1.2).
 * All timers run on the machine's 1 s tick, the granularity of swarmkit's own Raft ticker.
 *
 * This class is the machine's entry point and wiring; each concern lives in a module of its own,
 * over the state they share (`SwarmDaemonState`, daemon-state.ts): local calls (local-calls.ts,
 * local-info.ts), routing to the leader (routing.ts, requests.ts), the leader's duties
 * (control-api.ts, leader-rpcs.ts, leader-duties.ts, node-views.ts), the agent (agent.ts,
 * own-node.ts), applied entries (applied.ts) and the move to another host (volatile-state.ts).
 */
export class SwarmDaemon implements DaemonLogic<StoreProposal, StoreState, SwarmDaemonData> {
  readonly #state: SwarmDaemonState;

  constructor(disk: SwarmDisk | null) {
    this.#state = createDaemonState(disk ?? EMPTY_DISK);
  }

  /**
   * The daemon that exported `volatile`, rebuilt beside its disk on another host. It carries on
   * where the exported one was, so the machine must not `boot()` it: booting starts afresh.
   */
  static restore(disk: SwarmDisk | null, volatile: SwarmDaemonVolatile): SwarmDaemon {
    const daemon = new SwarmDaemon(disk);
    loadVolatile(daemon.#state, volatile);
    return daemon;
  }

  /**
   * Everything in memory but the disk, as plain data; null while a continuation is pending
   * (see volatile-state.ts).
   */
  exportVolatile(): SwarmDaemonVolatile | null {
    return exportVolatile(this.#state);
  }

  // ---- DaemonLogic ----

  boot(control: Control): void {
    const daemon = this.#state;
    const node = daemon.disk.node;
    resetVolatile(daemon);
    if (node === null) return;
    if (node.role === 'manager' && control.storageLocked) {
      daemon.locked = true;
      control.pauseRaft();
      tell(control, { kind: 'manager-locked', hostname: control.hostname });
      return;
    }
    campaignIfSoleMember(control);
    daemon.agent.start(control.nowMs);
  }

  stop(): void {
    resetVolatile(this.#state);
  }

  tick(control: Control): void {
    const daemon = this.#state;
    const raft = control.raft();
    daemon.ticksNoLeader = raft !== undefined && raft.lead === 0 ? daemon.ticksNoLeader + 1 : 0;
    daemon.peers.expireSilent(control);
    expireForwards(daemon, control);
    retryWaiting(daemon, control);
    leaderDuties(daemon.manager, control);
    agentTick(daemon, control);
    workerTick(daemon, control);
    settle(daemon, control);
    // The leader's node table and unplaceable tasks as the graph shows them, every tick (1 s).
    if (daemon.leader === null) {
      daemon.nodeViews.reset();
      daemon.pendingViews.reset();
    } else {
      daemon.nodeViews.refresh(control, raftMembers(control, daemon.peers.activity));
      daemon.pendingViews.refresh(control.appState);
    }
  }

  heardFrom(control: Control, from: NodeId): void {
    this.#state.peers.heardFrom(control, from);
  }

  applied(control: Control, entry: Entry<StoreProposal>, before: StoreState): void {
    entryApplied(this.#state, control, entry, before);
  }

  settled(control: Control): void {
    settle(this.#state, control);
  }

  call(control: Control, callId: string, request: DaemonRequest): void {
    routeCall(this.#state, control, callId, request);
  }

  receive(control: Control, wire: DaemonWire): void {
    const daemon = this.#state;
    const body = wire.body;
    switch (body.type) {
      case 'proxy-reply':
      case 'join-reply':
      case 'heartbeat-reply':
      case 'task-status-reply':
      case 'log-publish': {
        const forward = daemon.requests.take(body.reqId);
        if (forward !== undefined) deliver(daemon, control, forward, body);
        else if (body.type === 'task-status-reply') {
          reportAnswered(daemon, control, body.reqId, body.ok);
        }
        break;
      }
      case 'assignments':
        takeAssignments(daemon, control, body);
        break;
      case 'log-subscription':
        answerLogSubscription(daemon, control, wire.from, body.reqId, body.subscription);
        break;
      case 'proxy-call':
      case 'join':
      case 'heartbeat':
      case 'task-status': {
        const requester: Requester = { kind: 'relay', to: wire.from, reqId: body.reqId };
        if (daemon.disk.node?.role !== 'manager' || daemon.locked) return;
        if (body.type === 'proxy-call') dispatch(daemon, control, body.request, requester);
        else serve(daemon, control, body, requester);
        break;
      }
    }
    settle(daemon, control);
  }

  disk(): SwarmDisk {
    return this.#state.disk;
  }

  view(): SwarmStatusView {
    const daemon = this.#state;
    const node = daemon.disk.node;
    return {
      localNodeState: node === null ? 'inactive' : daemon.locked ? 'locked' : 'active',
      nodeId: node?.nodeId ?? null,
      role: node?.role ?? null,
      controlAvailable: node?.role === 'manager' && !daemon.locked && daemon.ticksNoLeader === 0,
      nodes: daemon.leader === null ? null : daemon.nodeViews.views,
      tasks: daemon.worker.chips(node?.nodeId ?? ''),
      pending: daemon.leader === null ? null : daemon.pendingViews.views,
    };
  }
}

export { withPort };
