import type { Entry, NodeId, Role } from '../../raft';
import type { ObservedWrite, RunObserver } from '../coordinator';
import { chainLink, type DiskLog } from '../machine';
import type { TraceEvent } from '../trace';
import type { DaemonData } from '../../machine-api';
import { ElectionSafetyChecker } from './election-safety';
import { LeaderAppendOnlyChecker } from './leader-append-only';
import { LeaderCompletenessChecker } from './leader-completeness';
import { LogMatchingChecker } from './log-matching';
import { StateMachineSafetyChecker } from './state-machine-safety';
import type { ViolationSink } from './violation';

/** Where a state machine's history stands: its applied index and its chain (see `chainLink`). */
export interface History {
  readonly appliedIndex: number;
  readonly chain: string;
}

export interface RaftInvariantsOptions<P, S> {
  readonly report: ViolationSink;
  /** The history a state (a snapshot's data) stands for; the machine's chain must follow `chainLink`. */
  readonly historyOf: (state: S) => History;
  /** Names an entry's whole content, for Log Matching (a conf change with its member). */
  readonly entryDigest: (entry: Entry<P>) => string;
}

interface MemberView {
  role: Role | null;
  history: History;
}

/**
 * The five safety checkers of the Raft paper's Figure 3, judging a coordinator run from outside:
 * from the disk writes and trace events each machine reports (a `RunObserver`), with the
 * machine's mirrored log as it stood at each. Nothing here reaches into a machine, so the same
 * checks hold whichever host runs it.
 */
export class RaftInvariants<P, S, D extends DaemonData> implements RunObserver<P, S, D> {
  readonly #options: RaftInvariantsOptions<P, S>;
  readonly #electionSafety: ElectionSafetyChecker;
  readonly #logMatching: LogMatchingChecker;
  readonly #leaderCompleteness: LeaderCompletenessChecker;
  readonly #stateMachineSafety: StateMachineSafetyChecker;
  readonly #leaderAppendOnly: LeaderAppendOnlyChecker;
  readonly #members = new Map<NodeId, MemberView>();
  /**
   * The log the checkers read through `#termAt` and `#termAfter`, set just before each call:
   * two functions made once rather than a closure per write and per event (a sweep makes
   * millions of both).
   */
  #log: DiskLog<P, S> | null = null;
  #appended: readonly Entry<P>[] = [];
  readonly #termAt = (index: number): number | undefined => this.#log?.term(index);
  /** The log as it will be after the append `#appended`: the new entries over the kept prefix. */
  readonly #termAfter = (index: number): number | undefined => {
    const appended = this.#appended;
    const first = appended[0]?.index;
    return first !== undefined && index >= first
      ? appended[index - first]?.term
      : this.#log?.term(index);
  };

  constructor(options: RaftInvariantsOptions<P, S>) {
    this.#options = options;
    const { report } = options;
    this.#electionSafety = new ElectionSafetyChecker(report);
    this.#logMatching = new LogMatchingChecker(report);
    this.#leaderCompleteness = new LeaderCompletenessChecker(report);
    this.#stateMachineSafety = new StateMachineSafetyChecker(report);
    this.#leaderAppendOnly = new LeaderAppendOnlyChecker(report);
  }

  durable(write: ObservedWrite<P, S, D>): void {
    const { nowMs, member, change, log } = write;
    // What the member was when it wrote: its role after the Ready's role changes.
    let role = this.#view(member).role;
    const { following } = write;
    for (let i = 0; i < following.length; i++) {
      const event = following[i];
      if (event?.type === 'role-changed') role = event.role;
    }
    const leads = role === 'leader';
    if (change.kind === 'install-snapshot') {
      if (leads) this.#leaderPersist(nowMs, member, log, undefined, true);
      this.#restored(nowMs, member, this.#options.historyOf(change.snapshot.data));
    } else if (change.kind === 'append' && log !== null) {
      const { entries } = change;
      const first = entries[0]?.index;
      if (leads) this.#leaderPersist(nowMs, member, log, first, false);
      this.#log = log;
      this.#appended = entries;
      this.#logMatching.onPersisted({
        timeMs: nowMs,
        member,
        entries,
        termAt: this.#termAfter,
        digest: this.#options.entryDigest,
      });
      this.#appended = [];
    }
  }

  event(event: TraceEvent, log: DiskLog<P, S> | null): void {
    const { member, timeMs } = event;
    const view = this.#view(member);
    if (event.type === 'member-started' || event.type === 'member-restarted') {
      view.role = 'follower';
      if (log === null) return;
      // A booting member reads its commit index and its state from disk.
      this.#leaderCompleteness.onRestart(member, log.hardState.commit);
      view.history = this.#options.historyOf(log.snapshot.data);
    } else if (
      event.type === 'member-stopped' ||
      event.type === 'member-crashed' ||
      event.type === 'member-removed'
    ) {
      view.role = null;
    } else if (event.type === 'role-changed') {
      view.role = event.role;
      if (event.role !== 'leader' || log === null) return;
      this.#log = log;
      this.#electionSafety.onLeaderElected(timeMs, member, event.term);
      this.#leaderCompleteness.onLeaderElected({
        timeMs,
        member,
        term: event.term,
        firstIndex: log.firstIndex(),
        termAt: this.#termAt,
      });
    } else if (event.type === 'commit-advanced') {
      if (log === null) return;
      this.#log = log;
      this.#leaderCompleteness.onCommit({
        timeMs,
        member,
        commitIndex: event.commitIndex,
        termAt: this.#termAt,
      });
    } else if (event.type === 'entry-applied') {
      const chain = chainLink(view.history.chain, event.index, event.term, event.digest);
      this.#restored(timeMs, member, { appliedIndex: event.index, chain });
    }
  }

  #leaderPersist(
    timeMs: number,
    member: NodeId,
    log: DiskLog<P, S> | null,
    firstNewIndex: number | undefined,
    installsSnapshot: boolean,
  ): void {
    this.#leaderAppendOnly.onLeaderPersist({
      timeMs,
      member,
      lastIndexBefore: log?.lastIndex() ?? 0,
      firstNewIndex,
      installsSnapshot,
    });
  }

  /** The member's state machine reached `history`, by applying an entry or a snapshot. */
  #restored(timeMs: number, member: NodeId, history: History): void {
    this.#view(member).history = history;
    this.#stateMachineSafety.onApplied({
      timeMs,
      member,
      index: history.appliedIndex,
      chain: history.chain,
    });
  }

  #view(member: NodeId): MemberView {
    let view = this.#members.get(member);
    if (view === undefined) {
      view = { role: null, history: { appliedIndex: 0, chain: '' } };
      this.#members.set(member, view);
    }
    return view;
  }
}
