import type { CancelSignal } from './cancel';

/**
 * Virtual time as a program sees it. A program that waits (docker's progress display polls
 * every 200 ms) waits in virtual time, so a paused simulation pauses it and 50× speeds it up.
 */
export interface VirtualClock {
  /** The machine's wall clock (Unix ms): the run's epoch plus virtual time. */
  nowEpochMs(): number;
  /** Resolves once `ms` of virtual time has passed; at once when `cancel` fires (Ctrl+C). */
  sleep(ms: number, cancel: CancelSignal): Promise<void>;
}
