import { DEFAULT_CHECKPOINT_POLICY, type CheckpointPolicy } from '../sim/coordinator';

/**
 * How often, in wall time, a save may take a new checkpoint. The coordinator's own policy counts
 * virtual time (a checkpoint every virtual minute), which is right for what a restore replays,
 * but at 50× a virtual minute passes every 1.2 wall seconds, and on a large lab each checkpoint
 * holds the coordinator's thread for seconds while every machine is exported and the tens of
 * megabytes are cloned into IndexedDB: the simulation would spend most of its time saving.
 *
 * So the worker spaces checkpoints by what the last one cost: after a checkpoint that took
 * `c` wall ms, the next may come no sooner than `max(MIN_GAP_MS, COST_FACTOR × c)` later. That
 * keeps checkpointing to at most a ninth of the thread's time (1/(1+COST_FACTOR)) whatever the
 * lab's size, while a small lab, whose checkpoints take milliseconds, still gets one every few
 * wall seconds. Between them, saves write only their head, and a restore replays the inputs
 * since the checkpoint, which runs in one thread at many times the worker's speed.
 *
 * The wall clock stays here, outside the coordinator: the run itself never reads it, so runs
 * stay deterministic; only which instant a checkpoint is taken at depends on it, and a
 * checkpoint does not change the run (`takeCheckpoint`).
 */
export const MIN_GAP_MS = 5_000;
export const COST_FACTOR = 8;

/** The coordinator's policy with every threshold unreachable: no checkpoint this save. */
const NOT_YET: CheckpointPolicy = { afterMs: Infinity, afterInputs: Infinity };

export class CheckpointPacing {
  readonly #now: () => number;
  /** The wall instant before which no checkpoint is taken (0: whenever the coordinator asks). */
  #notBeforeMs = 0;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** The policy for the save about to start. */
  policy(): CheckpointPolicy {
    return this.#now() >= this.#notBeforeMs ? DEFAULT_CHECKPOINT_POLICY : NOT_YET;
  }

  /** A save that began at `startedMs` (this clock) took a new checkpoint and has written it. */
  taken(startedMs: number): void {
    const endedMs = this.#now();
    this.#notBeforeMs = endedMs + Math.max(MIN_GAP_MS, COST_FACTOR * (endedMs - startedMs));
  }

  /** A restored or new run: its first save may checkpoint as the coordinator says. */
  reset(): void {
    this.#notBeforeMs = 0;
  }
}
