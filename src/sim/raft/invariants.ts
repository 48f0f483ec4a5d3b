import type { Entry, NodeId, RaftEvent, RawNode } from '../../raft';
import {
  ElectionSafetyChecker,
  LeaderAppendOnlyChecker,
  LeaderCompletenessChecker,
  LogMatchingChecker,
  StateMachineSafetyChecker,
  type ViolationSink,
} from '../checkers';
import { entryDigest, type MachineState, type Payload } from './machine';

type Node = RawNode<Payload, MachineState>;

/**
 * The five safety checkers, wired to the points of a Ready where each invariant can first be
 * observed: leader persists, entry persists, applies, role changes and commits.
 */
export class ClusterInvariants {
  readonly #electionSafety: ElectionSafetyChecker;
  readonly #logMatching: LogMatchingChecker;
  readonly #leaderCompleteness: LeaderCompletenessChecker;
  readonly #stateMachineSafety: StateMachineSafetyChecker;
  readonly #leaderAppendOnly: LeaderAppendOnlyChecker;

  constructor(report: ViolationSink) {
    this.#electionSafety = new ElectionSafetyChecker(report);
    this.#logMatching = new LogMatchingChecker(report);
    this.#leaderCompleteness = new LeaderCompletenessChecker(report);
    this.#stateMachineSafety = new StateMachineSafetyChecker(report);
    this.#leaderAppendOnly = new LeaderAppendOnlyChecker(report);
  }

  onBoot(member: NodeId, commitIndex: number): void {
    this.#leaderCompleteness.onRestart(member, commitIndex);
  }

  /** Before a leader's Ready is persisted: it may only append. */
  onLeaderPersist(options: {
    timeMs: number;
    member: NodeId;
    lastIndexBefore: number;
    firstNewIndex: number | undefined;
    installsSnapshot: boolean;
  }): void {
    this.#leaderAppendOnly.onLeaderPersist(options);
  }

  onEntriesPersisted(options: {
    timeMs: number;
    member: NodeId;
    entries: readonly Entry<Payload>[];
    termAt: (index: number) => number | undefined;
  }): void {
    this.#logMatching.onPersisted({ ...options, digest: entryDigest });
  }

  /** A state machine reached `state`, by applying an entry or restoring a snapshot. */
  onState(timeMs: number, member: NodeId, state: MachineState): void {
    this.#stateMachineSafety.onApplied({
      timeMs,
      member,
      index: state.appliedIndex,
      chain: state.chain,
    });
  }

  onRaftEvent(timeMs: number, member: NodeId, node: Node, event: RaftEvent): void {
    const termAt = (index: number): number | undefined => node.termAt(index);
    if (event.type === 'role-changed' && event.role === 'leader') {
      this.#electionSafety.onLeaderElected(timeMs, member, event.term);
      this.#leaderCompleteness.onLeaderElected({
        timeMs,
        member,
        term: event.term,
        firstIndex: node.status().firstIndex,
        termAt,
      });
    } else if (event.type === 'commit-advanced') {
      this.#leaderCompleteness.onCommit({
        timeMs,
        member,
        commitIndex: event.commitIndex,
        termAt,
      });
    }
  }
}
