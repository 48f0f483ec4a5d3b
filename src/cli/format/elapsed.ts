import { GO_ZERO_TIME, parseGoTime } from '../../lib/template/go-time';

/** time.Duration's range, in milliseconds: Sub saturates at ±(2^63 - 1) ns, about 292 years. */
const MAX_DURATION_MS = 9_223_372_036_854.775;

/**
 * time.Since of an API timestamp, in milliseconds of the machine's virtual clock. A missing or
 * unreadable timestamp is Go's zero time (year 1), as JSON decoding leaves it; Go's Sub then
 * saturates, so it reads as 292 years ago, as docker shows it.
 */
export function elapsedMs(timestamp: string | undefined, nowEpochMs: number): number {
  const time = (timestamp === undefined ? undefined : parseGoTime(timestamp)) ?? GO_ZERO_TIME;
  const elapsed = nowEpochMs - (time.seconds * 1000 + time.nanos / 1_000_000);
  return Math.max(-MAX_DURATION_MS, Math.min(MAX_DURATION_MS, elapsed));
}
