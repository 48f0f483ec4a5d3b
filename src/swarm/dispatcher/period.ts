import type { Prng } from '../../lib/prng';

/**
 * Heartbeat timing (swarmkit `manager/dispatcher/dispatcher.go` defaults, `period.go`,
 * `nodes.go`). Every reply to a heartbeat gives the agent a freshly jittered period, and the
 * dispatcher expects the next heartbeat within that period times the grace multiplier.
 */

/** dispatcher.go `DefaultHeartBeatPeriod`; the cluster spec may change it. */
export const DEFAULT_HEARTBEAT_PERIOD_MS = 5_000;
/** dispatcher.go `defaultHeartBeatEpsilon`: each period is drawn in [period − ε, period + ε). */
export const HEARTBEAT_EPSILON_MS = 500;
/** dispatcher.go `defaultGracePeriodMultiplier`: Down after 3 missed periods (13.5–16.5 s). */
export const GRACE_PERIOD_MULTIPLIER = 3;
/** nodes.go: a node marked Unknown by a new leader gets twice the grace (27–33 s). */
export const UNKNOWN_GRACE_PERIOD_MULTIPLIER = GRACE_PERIOD_MULTIPLIER * 2;
/** dispatcher.go `defaultRateLimitPeriod` and nodes.go `rateLimitCount`. */
export const REGISTRATION_RATE_LIMIT_PERIOD_MS = 8_000;
export const REGISTRATION_RATE_LIMIT_COUNT = 3;
/** dispatcher.go `defaultNodeDownPeriod`: tasks of a node Down this long become ORPHANED. */
export const NODE_DOWN_ORPHAN_PERIOD_MS = 24 * 60 * 60 * 1_000;

/** period.go `Choose`: the base period plus a uniform jitter in [−ε, +ε), in whole ms. */
export function choosePeriodMs(prng: Prng, heartbeatPeriodMs: number): number {
  return heartbeatPeriodMs + prng.intInclusive(-HEARTBEAT_EPSILON_MS, HEARTBEAT_EPSILON_MS - 1);
}
