import type { NodeId } from '../../raft';
import type { DiskLog, DurableChange } from '../machine';
import type { TraceEvent } from '../trace';
import type { DaemonData } from '../../machine-api';

/**
 * Watches every machine's output as the coordinator takes it in, for checkers that judge a run
 * from outside (the Raft invariants of the fault sweeps). Writes and events arrive in the order
 * the machine made them, each with the machine's mirrored log as it stood then, so a checker
 * sees what a member had persisted when it, say, became leader. An observer only reads: the run
 * is the same with or without one.
 */
export interface RunObserver<P, S, D extends DaemonData> {
  /** A machine is about to write to its disk. */
  durable(write: ObservedWrite<P, S, D>): void;
  /**
   * An event a machine emitted (the coordinator's own, such as partitions, are not passed on);
   * `log` is that machine's disk at that point, if it has Raft storage.
   */
  event(event: TraceEvent, log: DiskLog<P, S> | null): void;
}

export interface ObservedWrite<P, S, D extends DaemonData> {
  readonly nowMs: number;
  readonly member: NodeId;
  readonly change: DurableChange<P, S, D>;
  /** The member's disk just before the write; null without Raft storage. */
  readonly log: DiskLog<P, S> | null;
  /**
   * The events the machine emitted after this write and before its next one: those of the same
   * Ready, which tell what the member had become when it wrote (a leader that stepped down).
   */
  readonly following: readonly TraceEvent[];
}
