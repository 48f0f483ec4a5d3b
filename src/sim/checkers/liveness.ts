import type { NodeId } from '../../raft';
import type { ViolationSink } from './violation';

/**
 * Liveness after healing (the VOPR's liveness phase): once every fault is gone, a leader must be
 * elected within a bounded number of election timeouts, and then every acknowledged proposal must
 * be applied on every live member within a further bound.
 */
export class LivenessChecker {
  readonly #report: ViolationSink;
  readonly #electionBoundMs: number;
  readonly #applyBoundMs: number;
  healedAtMs: number | undefined;
  leaderElectedAtMs: number | undefined;
  allAppliedAtMs: number | undefined;

  constructor(options: { report: ViolationSink; electionBoundMs: number; applyBoundMs: number }) {
    this.#report = options.report;
    this.#electionBoundMs = options.electionBoundMs;
    this.#applyBoundMs = options.applyBoundMs;
  }

  onHealed(timeMs: number): void {
    this.healedAtMs = timeMs;
  }

  /** The deadline for the current step of the liveness phase. */
  deadlineMs(): number {
    const healedAtMs = this.healedAtMs ?? 0;
    if (this.leaderElectedAtMs === undefined) return healedAtMs + this.#electionBoundMs;
    return this.leaderElectedAtMs + this.#applyBoundMs;
  }

  /** Called as the healed run proceeds; returns true once both conditions hold. */
  observe(options: {
    timeMs: number;
    leader: NodeId | undefined;
    lagging: readonly { member: NodeId; applied: number }[];
    ackedIndexMax: number;
  }): boolean {
    if (this.leaderElectedAtMs === undefined && options.leader !== undefined) {
      this.leaderElectedAtMs = options.timeMs;
    }
    if (this.leaderElectedAtMs === undefined) return false;
    if (options.lagging.length === 0) {
      this.allAppliedAtMs = options.timeMs;
      return true;
    }
    return false;
  }

  /** The deadline passed: report which condition failed. */
  fail(options: {
    timeMs: number;
    lagging: readonly { member: NodeId; applied: number }[];
    ackedIndexMax: number;
  }): void {
    if (this.leaderElectedAtMs === undefined) {
      this.#report({
        invariant: 'liveness',
        timeMs: options.timeMs,
        member: 0,
        detail: `no leader within ${this.#electionBoundMs / 1000} s of healing`,
      });
      return;
    }
    const lagging = options.lagging.map((m) => `${m.member}@${m.applied}`).join(', ');
    this.#report({
      invariant: 'liveness',
      timeMs: options.timeMs,
      member: options.lagging[0]?.member ?? 0,
      detail: `acknowledged index ${options.ackedIndexMax} not applied on ${lagging} within ${this.#applyBoundMs / 1000} s of the election`,
    });
  }
}
