import { AgentSession, Worker } from '../agent';
import { Continuations } from '../runtime/continuations';
import { diskVolumes, type SwarmDisk } from './disk';
import { releaseVolumes } from '../volume/mount-points';
import { NodeViews, PendingViews, type LeaderState, type ManagerContext } from '../manager';
import { PeerActivity } from './peers';
import { RequestTable } from './requests';
import { logTransport } from './log-transport';

/**
 * Everything one swarm daemon holds, shared by the modules that each handle one of its concerns
 * (local calls, routing, leader duties, agent, export). Owned by `SwarmDaemon`, which passes it to
 * those modules' functions. The scalar fields are the daemon's own; each collaborator owns the
 * part of the state that is really its own and is reached only through its methods.
 */
export interface SwarmDaemonState {
  /** What survives a restart (`/var/lib/docker/swarm`). Replaced, never mutated. */
  disk: SwarmDisk;
  /** A manager whose key is wrapped by the unlock key, waiting for `docker swarm unlock`. */
  locked: boolean;
  ticksNoLeader: number;
  /** Non-null while this member leads, and has applied its log, and has a cluster. */
  leader: LeaderState | null;
  /** `swarm init` waits for its first proposal to apply; the dispatcher must not start before. */
  initPending: boolean;
  /** This member applied its own removal from Raft; acted on once the log is caught up. */
  removalSeen: boolean;
  readonly peers: PeerActivity;
  readonly continuations: Continuations;
  readonly requests: RequestTable;
  readonly agent: AgentSession;
  /** The agent's worker: the tasks assigned to this node and their containers. */
  readonly worker: Worker;
  /** The agent's task report awaiting the dispatcher's answer. */
  reportInFlight: ReportInFlight | null;
  readonly nodeViews: NodeViews;
  /** On the leader: the tasks its scheduler cannot place, for the graph. */
  readonly pendingViews: PendingViews;
  /** What the leader's duties see of this daemon (manager/leader.ts). */
  readonly manager: ManagerContext;
}

/** A task report sent: its request ID, how many updates it carried, and when it left. */
export interface ReportInFlight {
  readonly reqId: string;
  readonly count: number;
  readonly sentAtMs: number;
}

export function createDaemonState(disk: SwarmDisk): SwarmDaemonState {
  const continuations = new Continuations();
  const peers = new PeerActivity();
  const daemon: SwarmDaemonState = {
    disk,
    locked: false,
    ticksNoLeader: 0,
    leader: null,
    initPending: false,
    removalSeen: false,
    peers,
    continuations,
    requests: new RequestTable(),
    agent: new AgentSession(),
    worker: new Worker(),
    reportInFlight: null,
    nodeViews: new NodeViews(),
    pendingViews: new PendingViews(),
    manager: {
      proposals: continuations,
      leader: () => daemon.leader,
      activity: () => peers.activity,
      logs: logTransport(() => daemon),
    },
  };
  return daemon;
}

/**
 * Forgets everything in memory but the disk (a stop, a boot, a leave). The request counter and
 * the count of agents started survive: a late answer must never match a later request or agent.
 */
export function resetVolatile(daemon: SwarmDaemonState): void {
  // The containers go with the daemon here; dockerd would keep them and the agent remove them
  // once it is back, with their anonymous volumes (moby's executor removes with RemoveVolume).
  const volumes = diskVolumes(daemon.disk);
  const mounts = daemon.worker.state.containers.map((container) => container.mounts ?? []);
  const released = releaseVolumes(volumes, mounts, []);
  if (released !== volumes) daemon.disk = { ...daemon.disk, volumes: released };
  daemon.locked = false;
  daemon.ticksNoLeader = 0;
  daemon.leader = null;
  daemon.agent.stop();
  daemon.worker.reset();
  daemon.reportInFlight = null;
  daemon.peers.reset();
  daemon.continuations.reset();
  daemon.requests.reset();
  daemon.initPending = false;
  daemon.removalSeen = false;
  daemon.nodeViews.reset();
  daemon.pendingViews.reset();
}
