import type { NodeId } from '../../raft';
import type { ViolationSink } from './violation';

/** Election Safety (Raft paper §5.2, Figure 3): at most one leader can be elected in a term. */
export class ElectionSafetyChecker {
  readonly #leaders = new Map<number, NodeId>();
  readonly #report: ViolationSink;

  constructor(report: ViolationSink) {
    this.#report = report;
  }

  onLeaderElected(timeMs: number, member: NodeId, term: number): void {
    const existing = this.#leaders.get(term);
    if (existing === undefined) {
      this.#leaders.set(term, member);
    } else if (existing !== member) {
      this.#report({
        invariant: 'election-safety',
        timeMs,
        member,
        detail: `term ${term} has two leaders: ${existing} and ${member}`,
      });
    }
  }

  get termsWithLeader(): number {
    return this.#leaders.size;
  }
}
