import type { Entry, NodeId } from '../../raft';
import type { ViolationSink } from './violation';

interface Seen {
  readonly digest: string;
  readonly prevTerm: number | undefined;
}

/**
 * Log Matching (Raft paper §5.3, Figure 3): if two logs contain an entry with the same index and
 * term, the logs are identical up to that index. Checked inductively as entries are persisted:
 * every (index, term) pair must always carry the same payload and follow the same previous term.
 */
export class LogMatchingChecker {
  readonly #seen = new Map<string, Seen>();
  readonly #report: ViolationSink;

  constructor(report: ViolationSink) {
    this.#report = report;
  }

  /**
   * `termAt` reads the member's persisted log after the append; `digest` names an entry's
   * content.
   */
  onPersisted<P>(options: {
    timeMs: number;
    member: NodeId;
    entries: readonly Entry<P>[];
    termAt: (index: number) => number | undefined;
    digest: (entry: Entry<P>) => string;
  }): void {
    for (const entry of options.entries) {
      const key = `${entry.index}:${entry.term}`;
      const seen: Seen = {
        digest: options.digest(entry),
        prevTerm: options.termAt(entry.index - 1),
      };
      const before = this.#seen.get(key);
      if (before === undefined) {
        this.#seen.set(key, seen);
        continue;
      }
      const prevDiffers =
        before.prevTerm !== undefined &&
        seen.prevTerm !== undefined &&
        before.prevTerm !== seen.prevTerm;
      if (before.digest !== seen.digest || prevDiffers) {
        this.#report({
          invariant: 'log-matching',
          timeMs: options.timeMs,
          member: options.member,
          detail:
            `entry ${key} holds ${seen.digest} after term ${String(seen.prevTerm)}, ` +
            `elsewhere ${before.digest} after term ${String(before.prevTerm)}`,
        });
      }
    }
  }
}
