import type { NodeId } from '../../raft';
import type { ViolationSink } from './violation';

/**
 * State Machine Safety (Raft paper §5.4.3, Figure 3): if a member applied an entry at an index, no
 * member ever applies a different entry at that index. Members report a chained digest of their
 * state after each index (which covers every entry before it too), and the state a snapshot
 * restores; all must agree index by index.
 */
export class StateMachineSafetyChecker {
  readonly #chains: string[] = [];
  readonly #report: ViolationSink;

  constructor(report: ViolationSink) {
    this.#report = report;
  }

  onApplied(options: { timeMs: number; member: NodeId; index: number; chain: string }): void {
    const known = this.#chains[options.index];
    if (known === undefined) {
      this.#chains[options.index] = options.chain;
    } else if (known !== options.chain) {
      this.#report({
        invariant: 'state-machine-safety',
        timeMs: options.timeMs,
        member: options.member,
        detail: `state after index ${options.index} is ${options.chain}, elsewhere ${known}`,
      });
    }
  }

  /** The highest index any member applied. */
  get appliedIndexMax(): number {
    return this.#chains.length - 1;
  }

  chainAt(index: number): string | undefined {
    return this.#chains[index];
  }
}
