import type { NodeId } from '../../raft';
import type { ViolationSink } from './violation';

/** One member that leads now, and whether it can still reach a majority of its voters. */
export interface LeaderReach {
  readonly member: NodeId;
  readonly term: number;
  /** Whether a majority of its configuration (itself included) is up and connected both ways. */
  readonly reachesMajority: boolean;
  /** Whether it is handing leadership over (a transfer restarts its election clock). */
  readonly transferring: boolean;
  /** Its configuration: a change restarts the wait, as a voter just added counts as active. */
  readonly voters: readonly NodeId[];
  /** The voters it can reach now; a new one restarts the wait (see below). */
  readonly reached: readonly NodeId[];
}

/**
 * Availability while faults last, the half of liveness the heal phase cannot see: a leader cut
 * off from a majority of its voters must step down (CheckQuorum, Raft dissertation §6.2), so that
 * clients on its side learn there is no leader instead of waiting on one that cannot commit.
 * etcd checks the quorum once per election timeout, so a leader may last up to two timeouts
 * after it lost contact, plus a tick of phase, plus the longest a message sent before the cut
 * can still take to arrive (an answer in flight counts as contact); the caller gives that bound.
 * A leadership transfer restarts the leader's election clock (etcd resets it so the transfer has
 * a whole timeout), and so restarts the wait here; so does a change of configuration, since
 * etcd counts a voter just added as recently active until the next check. And CheckQuorum
 * asks whether a majority was heard from at some time within the last timeout, not all at once:
 * a leader that reaches one minority, then another, may pass a check it would fail if they were
 * one group. So the wait restarts whenever the set of voters it reaches changes; a leader left
 * alone, or with the same minority, for longer than the bound is the one reported.
 */
export class AvailabilityChecker {
  readonly #report: ViolationSink;
  /** Since when each cut-off leader (by member, term, configuration and reach) has been so. */
  readonly #cutOffSince = new Map<string, number>();
  readonly #reported = new Set<string>();

  constructor(options: { report: ViolationSink }) {
    this.#report = options.report;
  }

  /**
   * The leaders at `timeMs`, called at every step of the schedule's fault phase, with how long a
   * cut-off leader may go on leading now.
   */
  observe(timeMs: number, leaders: readonly LeaderReach[], stepDownBoundMs: number): void {
    // Called at every instant of a history: nearly always every leader reaches its majority,
    // and then nothing is built.
    if (this.#cutOffSince.size === 0 && leaders.every((leader) => leader.reachesMajority)) return;
    const seen = new Set<string>();
    for (const leader of leaders) {
      if (leader.reachesMajority) continue;
      const key = `${leader.member}:${leader.term}:${leader.voters.join(',')}:${leader.reached.join(',')}`;
      seen.add(key);
      const since = leader.transferring ? timeMs : (this.#cutOffSince.get(key) ?? timeMs);
      this.#cutOffSince.set(key, since);
      if (timeMs - since <= stepDownBoundMs || this.#reported.has(key)) continue;
      this.#reported.add(key);
      this.#report({
        invariant: 'availability',
        timeMs,
        member: leader.member,
        detail:
          `leader of term ${leader.term} still leads ${timeMs - since} ms after losing contact ` +
          `with a majority of its voters (bound ${stepDownBoundMs} ms)`,
      });
    }
    // A leader that reaches a majority again, or no longer leads, starts afresh.
    for (const key of [...this.#cutOffSince.keys()])
      if (!seen.has(key)) this.#cutOffSince.delete(key);
  }
}
