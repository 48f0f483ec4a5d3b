import type { NodeId } from '../../raft';
import type { ViolationSink } from './violation';

/**
 * Leader Append-Only (Raft paper §5.3, Figure 3): a leader never overwrites or deletes entries in
 * its log; it only appends. Checked on every write a leader persists.
 */
export class LeaderAppendOnlyChecker {
  readonly #report: ViolationSink;

  constructor(report: ViolationSink) {
    this.#report = report;
  }

  onLeaderPersist(options: {
    timeMs: number;
    member: NodeId;
    lastIndexBefore: number;
    firstNewIndex: number | undefined;
    installsSnapshot: boolean;
  }): void {
    if (options.installsSnapshot) {
      this.fail(options, 'a leader replaced its log with a snapshot');
    } else if (
      options.firstNewIndex !== undefined &&
      options.firstNewIndex !== options.lastIndexBefore + 1
    ) {
      this.fail(
        options,
        `a leader wrote index ${options.firstNewIndex} over a log ending at ${options.lastIndexBefore}`,
      );
    }
  }

  private fail(options: { timeMs: number; member: NodeId }, detail: string): void {
    this.#report({
      invariant: 'leader-append-only',
      timeMs: options.timeMs,
      member: options.member,
      detail,
    });
  }
}
