import type { CancelSignal } from '../../src/lib/cancel';
import type { VirtualClock } from '../../src/lib/virtual-clock';

/**
 * Virtual time for CLI tests: a sleep moves the clock on by its length and resolves at once, so
 * a command that polls (the progress display) sees time pass as fast as it asks. `nowMs` is the
 * time since the fixture's epoch; a fake engine may read it to change its answers over time.
 */
export class FakeClock implements VirtualClock {
  /** 2026-11-25T08:11:31Z, the fixtures' wall clock. */
  static readonly EPOCH_MS = Date.UTC(2026, 10, 25, 8, 11, 31);
  nowMs = 0;
  /** Every sleep asked for, in order, in ms. */
  readonly sleeps: number[] = [];

  nowEpochMs(): number {
    return FakeClock.EPOCH_MS + this.nowMs;
  }

  sleep(ms: number, cancel: CancelSignal): Promise<void> {
    this.sleeps.push(ms);
    if (!cancel.cancelled) this.nowMs += ms;
    return Promise.resolve();
  }
}
