import type { TaskState } from '../api/task';
import type { MessageType, Role } from '../raft';
import type { DaemonState, MachineRole } from './machine';

/**
 * The cluster read model: what the page renders and what `window.playground.state()` returns.
 * Plain data only, so it can cross a worker boundary and be saved as it is. The UI never keeps a
 * mutable copy of cluster state of its own; it replaces this view whole on every change.
 */
export type PresetId = '3m2w' | 'no-swarm' | '1m2w' | '5m' | '7m3w' | '7m100w';

export type { DaemonState };

/** A manager's Raft state as the graph shows it. */
export interface RaftView {
  readonly role: Role;
  readonly term: number;
  /** The leader this member knows of, by hostname, or null. */
  readonly leader: string | null;
  readonly commitIndex: number;
  readonly lastIndex: number;
}

/** Raft's message types, as the graph colours them. */
export type RpcKind = MessageType;

/** One message a member sent, for the graph to animate; `dropped` says why it never arrives. */
export interface RpcView {
  readonly timeMs: number;
  readonly from: string;
  readonly to: string;
  readonly kind: RpcKind;
  readonly dropped: 'loss' | 'partition' | 'member-down' | null;
}

export interface MachineView {
  readonly hostname: string;
  /** The machine's IPv4 address on the lab network; stable for a preset. */
  readonly address: string;
  readonly daemon: DaemonState;
  /** The role the machine has in a swarm, or null while it is in none. */
  readonly swarmRole: MachineRole | null;
  /** The role its name says it is meant to take (manager1 → manager). */
  readonly intendedRole: MachineRole;
  /** The Raft member on a manager whose daemon runs; null elsewhere. */
  readonly raft: RaftView | null;
  /**
   * Where the simulation runs this machine: a manager in a Web Worker of its own, a worker in
   * the thread the workers share. A promotion or a demotion moves it.
   */
  readonly thread: 'own-worker' | 'shared';
  /** A restarted autolocked manager waiting for `docker swarm unlock`. */
  readonly locked?: boolean;
  /** Whether this manager's control API answers (it knows a leader). */
  readonly controlAvailable?: boolean;
  /**
   * The node's STATUS in the leader's store, as `docker node ls` shows it; null when the
   * machine is in no swarm or no leader answers (nobody knows).
   */
  readonly nodeStatus?: 'ready' | 'down' | 'unknown' | 'disconnected' | null;
  /** MANAGER STATUS as the leader sees it; null on a worker or with no leader. */
  readonly managerStatus?: 'leader' | 'reachable' | 'unreachable' | null;
  /** AVAILABILITY in the leader's store; null when unknown. */
  readonly availability?: 'active' | 'pause' | 'drain' | null;
  /** The tasks this machine's agent runs or ran, sorted by name: the graph's chips. */
  readonly tasks?: readonly TaskChip[];
  /** On the leader: the tasks its scheduler cannot place, each with why not on each node. */
  readonly pendingTasks?: readonly PendingTask[];
}

/** A task no node takes: `web.2`, its `no suitable node (…)`, and each node's reason. */
export interface PendingTask {
  /** The task's ID: when the scheduler places it, the chip that lands on a node has the same. */
  readonly taskId: string;
  readonly name: string;
  readonly error: string;
  /** By hostname; `reason` null where the node passes every filter (it is about to be placed). */
  readonly nodes: readonly { readonly hostname: string; readonly reason: string | null }[];
}

/** One task on a machine: `web.1`, its state as the agent has it, and where it is meant to go. */
export interface TaskChip {
  /**
   * The task's ID. The name is the slot (`web.3`), which a replacement keeps: the ID tells the
   * new task from the old one it replaces, on the same node or another.
   */
  readonly taskId: string;
  readonly name: string;
  readonly state: TaskState;
  readonly desiredState: TaskState;
  /** The secrets' and configs' files its container has mounted now: names and paths only. */
  readonly files: readonly ChipFile[];
}

/** A secret or config a task's container holds, at `/run/secrets/db_pass` or its target. */
export interface ChipFile {
  readonly source: 'secret' | 'config';
  readonly name: string;
  readonly path: string;
}

/** The simulation's trace event type that a log line describes (docs/trace.md). */
export type ClusterEventKind = string;

/** One line of the event log. `text` is plain text and is always rendered as text. */
export interface ClusterEvent {
  readonly sequence: number;
  readonly timeMs: number;
  readonly kind: ClusterEventKind;
  readonly machine: string;
  readonly text: string;
}

export interface ClusterView {
  readonly preset: PresetId;
  readonly seed: number;
  /** Virtual time since the cluster was created, in milliseconds. */
  readonly timeMs: number;
  /** The hash of the whole trace so far: equal runs have equal hashes, in any host. */
  readonly traceHash: string;
  readonly machines: readonly MachineView[];
  /** The groups the network is split into by a partition the user drew, or null. */
  readonly partition: readonly (readonly string[])[] | null;
  /** The most recent events, oldest first (bounded; see EVENT_LOG_CAPACITY). */
  readonly events: readonly ClusterEvent[];
}
