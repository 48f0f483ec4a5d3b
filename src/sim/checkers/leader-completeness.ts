import type { NodeId } from '../../raft';
import type { ViolationSink } from './violation';

/**
 * Leader Completeness (Raft paper §5.4, Figure 3): an entry committed in a term is present in the
 * logs of the leaders of all later terms. Commits are recorded as members report them; every new
 * leader's log is checked against every committed entry it has not compacted away.
 * It also reports two different entries committed at one index.
 */
export class LeaderCompletenessChecker {
  /** committedTerms[index] is the term of the entry committed at that index. */
  readonly #committedTerms: number[] = [];
  readonly #commitByMember = new Map<NodeId, number>();
  readonly #report: ViolationSink;

  constructor(report: ViolationSink) {
    this.#report = report;
  }

  /** A restarted member re-reads its commit index from storage. */
  onRestart(member: NodeId, commitIndex: number): void {
    this.#commitByMember.set(member, commitIndex);
  }

  onCommit(options: {
    timeMs: number;
    member: NodeId;
    commitIndex: number;
    termAt: (index: number) => number | undefined;
  }): void {
    const from = (this.#commitByMember.get(options.member) ?? 0) + 1;
    this.#commitByMember.set(options.member, options.commitIndex);
    for (let index = from; index <= options.commitIndex; index++) {
      const term = options.termAt(index);
      if (term === undefined) continue; // covered by an installed snapshot
      const known = this.#committedTerms[index];
      if (known === undefined) {
        this.#committedTerms[index] = term;
      } else if (known !== term) {
        this.#report({
          invariant: 'leader-completeness',
          timeMs: options.timeMs,
          member: options.member,
          detail: `index ${index} committed with term ${term}, but term ${known} was committed there`,
        });
      }
    }
  }

  onLeaderElected(options: {
    timeMs: number;
    member: NodeId;
    term: number;
    firstIndex: number;
    termAt: (index: number) => number | undefined;
  }): void {
    for (let index = options.firstIndex; index < this.#committedTerms.length; index++) {
      const committed = this.#committedTerms[index];
      if (committed === undefined || committed >= options.term) continue;
      const held = options.termAt(index);
      if (held !== committed) {
        this.#report({
          invariant: 'leader-completeness',
          timeMs: options.timeMs,
          member: options.member,
          detail:
            `leader of term ${options.term} lacks committed entry ${index} (term ${committed}); ` +
            `its log has ${held === undefined ? 'nothing' : `term ${held}`} there`,
        });
        return;
      }
    }
  }

  get committedCount(): number {
    return this.#committedTerms.length;
  }
}
