import { assert } from '../lib/assert';
import { Prng } from '../lib/prng';
import type { RaftOptions } from './config';
import type { RaftEvent } from './events';
import { RaftLog, type RaftLogData } from './log';
import { Membership, type MembershipData } from './membership';
import type { Message } from './messages';
import { Progress, type ProgressData } from './progress';
import { quorumActive, voteResult, type VoteResult } from './quorum';
import { bcastAppend, bcastHeartbeat, maybeCommit, sendAppend } from './replication';
import { stepCandidate } from './step-candidate';
import { stepFollower } from './step-follower';
import { stepLeader } from './step-leader';
import type { MemoryStorage } from './storage';
import { NO_NODE, isCount, type ConfChange, type EntryData, type NodeId, type Role } from './types';

export type ProposalRejection =
  | 'not-leader'
  | 'transfer-in-progress'
  | 'conf-change-pending'
  | 'already-voter'
  | 'not-voter'
  | 'remove-leader';

export type ProposalResult =
  | { readonly ok: true; readonly index: number; readonly term: number }
  | { readonly ok: false; readonly reason: ProposalRejection };

export type StepFunction<P, S> = (raft: Raft<P, S>, message: Message<P, S>) => void;

type CampaignKind = 'pre-election' | 'election' | 'transfer';

const ROLES: readonly Role[] = ['follower', 'pre-candidate', 'candidate', 'leader'];

/**
 * Everything a Raft holds besides its id, options and storage, as plain data (arrays and plain
 * objects only, so it survives both structuredClone and JSON). Outgoing messages and events are
 * not part of it: a member is exported only when the host has taken them in a Ready.
 */
export interface RaftData<P, S> {
  readonly role: Role;
  readonly term: number;
  readonly vote: NodeId;
  readonly lead: NodeId;
  readonly electionElapsedTicks: number;
  readonly heartbeatElapsedTicks: number;
  readonly randomizedElectionTimeoutTicks: number;
  readonly leadTransferee: NodeId;
  readonly pendingConfIndex: number;
  /** `Prng.state` of the election-timeout jitter, so the next draws are the same. */
  readonly prngState: number;
  readonly log: RaftLogData<P, S>;
  readonly membership: MembershipData;
  /** In the Map's iteration order, which decides the order of broadcast messages. */
  readonly progress: readonly (ProgressData & { readonly id: NodeId })[];
  /** In the Map's iteration order, for the same reason. */
  readonly votes: readonly { readonly id: NodeId; readonly granted: boolean }[];
}

/** A new member over its storage (`prng`), or a moved one carrying on from `state`. */
export type RaftInit<P, S> = {
  readonly id: NodeId;
  readonly raftOptions: RaftOptions;
  readonly storage: MemoryStorage<P, S>;
} & ({ readonly prng: Prng } | { readonly state: RaftData<P, S> });

/**
 * One Raft member as a pure state machine (etcd `raft.go`). Inputs are ticks, messages and
 * proposals; outputs accumulate in `messages` and `events` until the RawNode hands them out in a
 * Ready. Only the `become*` methods change the role, and each installs the step and tick
 * functions of that role.
 */
export class Raft<P, S> {
  readonly id: NodeId;
  readonly options: RaftOptions;
  readonly log: RaftLog<P, S>;
  readonly membership: Membership;
  term: number;
  vote: NodeId;
  lead: NodeId = NO_NODE;
  role: Role = 'follower';
  progress = new Map<NodeId, Progress>();
  votes = new Map<NodeId, boolean>();
  messages: Message<P, S>[] = [];
  events: RaftEvent[] = [];
  electionElapsedTicks = 0;
  heartbeatElapsedTicks = 0;
  randomizedElectionTimeoutTicks = 0;
  /** The member a leadership transfer is handing over to, or NO_NODE. */
  leadTransferee: NodeId = NO_NODE;
  /** Index of the latest conf change a leader appended; a new one waits until it is applied. */
  pendingConfIndex = 0;
  readonly #prng: Prng;
  #tickRole: () => void = () => {
    this.tickElection();
  };
  #stepRole: StepFunction<P, S> = stepFollower;

  constructor(options: RaftInit<P, S>) {
    assert(options.id !== NO_NODE, 'a member id is never 0');
    this.id = options.id;
    this.options = options.raftOptions;
    if ('state' in options) {
      const state = options.state;
      // Prng truncates its seed to 32 bits; anything else would silently change the draws.
      assert(state.prngState >>> 0 === state.prngState, 'the prng state is a 32-bit integer');
      this.#prng = Prng.fromState(state.prngState);
      this.log = new RaftLog(options.storage, state.log);
      this.membership = Membership.fromData(state.membership);
      this.term = state.term;
      this.vote = state.vote;
      this.restoreVolatile(state);
      return;
    }
    this.#prng = options.prng;
    this.log = new RaftLog(options.storage);
    const snapshot = options.storage.snapshot.metadata;
    this.membership = new Membership(snapshot.index, snapshot.voters);
    this.membership.record(options.storage.entriesAfter(snapshot.index));
    this.term = options.storage.hardState.term;
    this.vote = options.storage.hardState.vote;
    this.becomeFollower(this.term, NO_NODE);
  }

  /**
   * Everything but the id, options and storage, as plain data. Only between Readys: outgoing
   * messages and events would be lost, so there must be none.
   */
  toData(): RaftData<P, S> {
    assert(
      this.messages.length === 0 && this.events.length === 0,
      'a member is exported only after the host took its messages and events',
    );
    return {
      role: this.role,
      term: this.term,
      vote: this.vote,
      lead: this.lead,
      electionElapsedTicks: this.electionElapsedTicks,
      heartbeatElapsedTicks: this.heartbeatElapsedTicks,
      randomizedElectionTimeoutTicks: this.randomizedElectionTimeoutTicks,
      leadTransferee: this.leadTransferee,
      pendingConfIndex: this.pendingConfIndex,
      prngState: this.#prng.state,
      log: this.log.toData(),
      membership: this.membership.toData(),
      progress: [...this.progress].map(([id, progress]) => ({ id, ...progress.toData() })),
      votes: [...this.votes].map(([id, granted]) => ({ id, granted })),
    };
  }

  /**
   * The import half of the constructor, after the log and membership: the role is installed
   * with its step and tick functions but without `become*`, which would reset the timers and
   * progress, emit a role change and draw a new randomized timeout.
   */
  private restoreVolatile(state: RaftData<P, S>): void {
    assert(ROLES.includes(state.role), `unknown role ${state.role}`);
    this.role = state.role;
    this.lead = state.lead;
    this.electionElapsedTicks = state.electionElapsedTicks;
    this.heartbeatElapsedTicks = state.heartbeatElapsedTicks;
    this.randomizedElectionTimeoutTicks = state.randomizedElectionTimeoutTicks;
    this.leadTransferee = state.leadTransferee;
    this.pendingConfIndex = state.pendingConfIndex;
    this.progress = new Map(
      state.progress.map(({ id, ...progress }) => [id, Progress.fromData(progress)]),
    );
    this.votes = new Map(state.votes.map(({ id, granted }) => [id, granted]));
    assert(this.progress.size === state.progress.length, 'one progress per member');
    assert(this.votes.size === state.votes.length, 'one vote per member');
    this.installRole(state.role);
    this.checkImported();
  }

  /** Cheap checks of the invariants the step functions rely on, after an import. */
  private checkImported(): void {
    const counters = [
      this.term,
      this.vote,
      this.lead,
      this.electionElapsedTicks,
      this.heartbeatElapsedTicks,
      this.leadTransferee,
      this.pendingConfIndex,
    ];
    assert(counters.every(isCount), 'terms, ids and tick counts are non-negative integers');
    const timeout = this.options.electionTimeoutTicks;
    assert(
      this.randomizedElectionTimeoutTicks >= timeout &&
        this.randomizedElectionTimeoutTicks < 2 * timeout,
      `randomized election timeout ${this.randomizedElectionTimeoutTicks} is outside [${timeout}, ${2 * timeout - 1}]`,
    );
    // syncProgress keeps exactly one Progress per voter of the latest configuration.
    const voters = this.membership.voters();
    assert(
      voters.length === this.progress.size && voters.every((id) => this.progress.has(id)),
      'one progress per voter of the latest configuration',
    );
    assert(this.role !== 'leader' || this.lead === this.id, 'a leader leads itself');
    assert(
      this.leadTransferee === NO_NODE || this.role === 'leader',
      'only a leader transfers leadership',
    );
    assert(this.log.lastTerm() <= this.term, 'no entry in the log is newer than the term');
  }

  /**
   * The step and tick functions of `role`, and nothing else. The `become*` methods call it
   * along with their side effects; an import calls it alone.
   */
  private installRole(role: Role): void {
    switch (role) {
      case 'follower':
        this.#stepRole = stepFollower;
        this.#tickRole = () => {
          this.tickElection();
        };
        return;
      case 'pre-candidate':
      case 'candidate':
        this.#stepRole = stepCandidate;
        this.#tickRole = () => {
          this.tickElection();
        };
        return;
      case 'leader':
        this.#stepRole = stepLeader;
        this.#tickRole = () => {
          this.tickHeartbeat();
        };
        return;
    }
  }

  /** Only voters campaign: a member that was removed, or has not learnt it was added, waits. */
  promotable(): boolean {
    return this.membership.isVoter(this.id);
  }

  send(message: Message<P, S>): void {
    this.messages.push(message);
  }

  emit(event: RaftEvent): void {
    this.events.push(event);
  }

  tick(): void {
    this.#tickRole();
  }

  /** Followers and candidates: campaign when the randomized election timeout expires (§5.2). */
  tickElection(): void {
    this.electionElapsedTicks++;
    if (this.promotable() && this.electionElapsedTicks >= this.randomizedElectionTimeoutTicks) {
      this.electionElapsedTicks = 0;
      this.hup();
    }
  }

  /** Leaders: heartbeat every interval, and check the quorum every election timeout. */
  tickHeartbeat(): void {
    this.heartbeatElapsedTicks++;
    this.electionElapsedTicks++;
    this.tickSnapshotWaits();
    if (this.electionElapsedTicks >= this.options.electionTimeoutTicks) {
      this.electionElapsedTicks = 0;
      if (this.options.checkQuorum && !this.checkQuorumActive()) {
        this.becomeFollower(this.term, NO_NODE);
        return;
      }
      // A transfer that did not finish within an election timeout is abandoned (§3.10).
      if (this.leadTransferee !== NO_NODE) this.abortLeaderTransfer();
    }
    if (this.heartbeatElapsedTicks >= this.options.heartbeatIntervalTicks) {
      this.heartbeatElapsedTicks = 0;
      bcastHeartbeat(this);
    }
  }

  /** CheckQuorum: did a majority answer during the last election timeout? Then start afresh. */
  private checkQuorumActive(): boolean {
    const active = quorumActive(
      this.membership.voters(),
      (voter) => voter === this.id || this.progress.get(voter)?.recentActive === true,
    );
    for (const [id, progress] of this.progress) progress.recentActive = id === this.id;
    return active;
  }

  /** A MsgSnap can be lost like any message; retry by probing after an election timeout. */
  private tickSnapshotWaits(): void {
    for (const progress of this.progress.values()) {
      if (progress.state !== 'snapshot') continue;
      progress.snapshotWaitTicks++;
      if (progress.snapshotWaitTicks >= this.options.electionTimeoutTicks) progress.becomeProbe();
    }
  }

  /** Starts an election, or a pre-vote round first when PreVote is on. */
  hup(): void {
    if (this.role === 'leader' || !this.promotable()) return;
    this.campaign(this.options.preVote ? 'pre-election' : 'election');
  }

  campaign(kind: CampaignKind): void {
    if (!this.promotable()) return;
    const preVote = kind === 'pre-election';
    if (preVote) this.becomePreCandidate();
    else this.becomeCandidate();
    // A pre-vote asks about the next term without moving to it.
    const term = preVote ? this.term + 1 : this.term;
    if (this.poll(this.id, true) === 'won') {
      this.winElection();
      return;
    }
    for (const voter of this.membership.voters()) {
      if (voter === this.id) continue;
      this.send({
        type: preVote ? 'MsgPreVote' : 'MsgVote',
        from: this.id,
        to: voter,
        term,
        index: this.log.lastIndex(),
        logTerm: this.log.lastTerm(),
        transfer: kind === 'transfer',
      });
    }
  }

  poll(voter: NodeId, granted: boolean): VoteResult {
    if (!this.votes.has(voter)) this.votes.set(voter, granted);
    return voteResult(this.membership.voters(), this.votes);
  }

  winElection(): void {
    if (this.role === 'pre-candidate') {
      this.campaign('election');
    } else {
      this.becomeLeader();
      bcastAppend(this);
    }
  }

  /** The entry point for every message: term bookkeeping (§5.1), votes, then the role. */
  step(message: Message<P, S>): void {
    if (message.term > this.term) {
      if (!this.stepHigherTerm(message)) return;
    } else if (message.term < this.term) {
      this.stepLowerTerm(message);
      return;
    }
    if (message.type === 'MsgVote' || message.type === 'MsgPreVote') {
      this.handleVoteRequest(message);
      return;
    }
    this.#stepRole(this, message);
  }

  /** Returns false when the message must be ignored. */
  private stepHigherTerm(message: Message<P, S>): boolean {
    if (message.type === 'MsgVote' || message.type === 'MsgPreVote') {
      // Leader lease (dissertation §4.2.3, etcd CheckQuorum): while we hear a live leader, a
      // vote request is ignored, so a member that rejoins cannot depose a healthy leader.
      const inLease =
        this.options.checkQuorum &&
        this.lead !== NO_NODE &&
        this.electionElapsedTicks < this.options.electionTimeoutTicks;
      if (inLease && !message.transfer) return false;
    }
    if (message.type === 'MsgPreVote') return true;
    // A granted pre-vote carries the term we asked about; we move to it when we win.
    if (message.type === 'MsgPreVoteResp' && !message.reject) return true;
    const fromLeader =
      message.type === 'MsgApp' || message.type === 'MsgHeartbeat' || message.type === 'MsgSnap';
    if (message.type === 'MsgVote' && this.role !== 'leader') {
      this.adoptTermKeepingTimer(message.term);
    } else {
      this.becomeFollower(message.term, fromLeader ? message.from : NO_NODE);
    }
    return true;
  }

  /**
   * A vote request with a higher term makes us a follower of that term, but only granting the
   * vote restarts the election timer (Raft paper, Figure 2, rules for followers). etcd restarts
   * it on every term change; then a member with a stale log that keeps campaigning keeps resetting
   * the timers of the members that could win, and a healed cluster can go leaderless for minutes.
   */
  private adoptTermKeepingTimer(term: number): void {
    const electionElapsedTicks = this.electionElapsedTicks;
    const randomizedElectionTimeoutTicks = this.randomizedElectionTimeoutTicks;
    this.becomeFollower(term, NO_NODE);
    this.electionElapsedTicks = electionElapsedTicks;
    this.randomizedElectionTimeoutTicks = randomizedElectionTimeoutTicks;
  }

  private stepLowerTerm(message: Message<P, S>): void {
    if (
      (this.options.checkQuorum || this.options.preVote) &&
      (message.type === 'MsgHeartbeat' || message.type === 'MsgApp')
    ) {
      // A stale leader, or we raised our term while cut off. Under the lease nobody answers our
      // vote requests with their term, so tell the sender ours: the stale side steps down and the
      // cluster converges on a term again (etcd raft.go, Step).
      this.send({
        type: 'MsgAppResp',
        from: this.id,
        to: message.from,
        term: this.term,
        index: 0,
        reject: false,
        rejectHint: 0,
        logTerm: 0,
      });
    } else if (message.type === 'MsgPreVote') {
      this.send({
        type: 'MsgPreVoteResp',
        from: this.id,
        to: message.from,
        term: this.term,
        reject: true,
      });
    }
  }

  /** RequestVote receiver rules (§5.2, §5.4.1). */
  private handleVoteRequest(message: Message<P, S> & { type: 'MsgVote' | 'MsgPreVote' }): void {
    const preVote = message.type === 'MsgPreVote';
    const canVote =
      this.vote === message.from ||
      (this.vote === NO_NODE && this.lead === NO_NODE) ||
      (preVote && message.term > this.term);
    const responseType = preVote ? 'MsgPreVoteResp' : 'MsgVoteResp';
    if (canVote && this.log.isUpToDate(message.index, message.logTerm)) {
      this.send({
        type: responseType,
        from: this.id,
        to: message.from,
        term: message.term,
        reject: false,
      });
      this.emit({ type: 'vote-granted', candidate: message.from, term: message.term, preVote });
      if (!preVote) {
        this.electionElapsedTicks = 0;
        this.vote = message.from;
      }
      return;
    }
    this.send({
      type: responseType,
      from: this.id,
      to: message.from,
      term: this.term,
      reject: true,
    });
  }

  becomeFollower(term: number, lead: NodeId): void {
    this.installRole('follower');
    this.reset(term);
    this.lead = lead;
    this.setRole('follower');
  }

  becomePreCandidate(): void {
    assert(this.role !== 'leader', 'invalid transition [leader -> pre-candidate]');
    // No term change: a pre-vote round must not disturb anyone (§9.6).
    this.installRole('pre-candidate');
    this.votes = new Map();
    this.lead = NO_NODE;
    this.setRole('pre-candidate');
  }

  becomeCandidate(): void {
    assert(this.role !== 'leader', 'invalid transition [leader -> candidate]');
    this.installRole('candidate');
    this.reset(this.term + 1);
    this.vote = this.id;
    this.setRole('candidate');
  }

  becomeLeader(): void {
    assert(this.role !== 'follower', 'invalid transition [follower -> leader]');
    this.installRole('leader');
    this.reset(this.term);
    this.lead = this.id;
    this.setRole('leader');
    const self = this.progress.get(this.id);
    assert(self !== undefined, 'a leader is a voter');
    self.becomeReplicate();
    self.recentActive = true;
    // A new leader cannot commit earlier terms' entries by counting replicas (§5.4.2); it
    // appends an empty entry of its own term, whose commit commits everything before it. Conf
    // changes wait until that entry is applied (the single-server change fix, Ongaro 2015).
    this.pendingConfIndex = this.log.lastIndex() + 1;
    this.appendEntries([{ type: 'empty' }]);
  }

  private setRole(role: Role): void {
    this.role = role;
    this.emit({ type: 'role-changed', role, term: this.term, lead: this.lead });
  }

  private reset(term: number): void {
    if (this.term !== term) {
      this.term = term;
      this.vote = NO_NODE;
    }
    this.lead = NO_NODE;
    this.electionElapsedTicks = 0;
    this.heartbeatElapsedTicks = 0;
    this.randomizedElectionTimeoutTicks =
      this.options.electionTimeoutTicks +
      this.#prng.intInclusive(0, this.options.electionTimeoutTicks - 1);
    this.abortLeaderTransfer();
    this.votes = new Map();
    this.progress = new Map();
    this.syncProgress();
    this.pendingConfIndex = 0;
  }

  /** Keeps one Progress per voter of the latest configuration. */
  syncProgress(): void {
    const voters = this.membership.voters();
    for (const id of [...this.progress.keys()]) {
      if (!voters.includes(id)) this.progress.delete(id);
    }
    const lastIndex = this.log.lastIndex();
    for (const id of voters) {
      if (this.progress.has(id)) continue;
      const progress = new Progress({ next: lastIndex + 1, recentActive: true });
      if (id === this.id) progress.match = lastIndex;
      this.progress.set(id, progress);
    }
    if (this.leadTransferee !== NO_NODE && !voters.includes(this.leadTransferee)) {
      this.abortLeaderTransfer();
    }
  }

  /** Leader: appends new entries of the current term to its own log. */
  appendEntries(data: readonly EntryData<P>[]): { firstIndex: number; lastIndex: number } {
    const firstIndex = this.log.lastIndex() + 1;
    const entries = data.map((item, offset) => ({
      index: firstIndex + offset,
      term: this.term,
      data: item,
    }));
    const lastIndex = this.log.append(entries);
    if (this.membership.record(entries)) this.syncProgress();
    this.progress.get(this.id)?.maybeUpdate(lastIndex);
    this.emit({ type: 'entries-appended', term: this.term, firstIndex, lastIndex });
    maybeCommit(this);
    return { firstIndex, lastIndex };
  }

  propose(data: EntryData<P>): ProposalResult {
    if (this.role !== 'leader') return { ok: false, reason: 'not-leader' };
    if (this.leadTransferee !== NO_NODE) return { ok: false, reason: 'transfer-in-progress' };
    const { lastIndex } = this.appendEntries([data]);
    bcastAppend(this);
    return { ok: true, index: lastIndex, term: this.term };
  }

  /** One voter added or removed at a time (dissertation §4.1). */
  proposeConfChange(change: ConfChange): ProposalResult {
    if (this.role !== 'leader') return { ok: false, reason: 'not-leader' };
    if (this.pendingConfIndex > this.log.applied) {
      return { ok: false, reason: 'conf-change-pending' };
    }
    const voters = this.membership.voters();
    const isVoter = voters.includes(change.nodeId);
    if (change.kind === 'add-voter' && isVoter) return { ok: false, reason: 'already-voter' };
    if (change.kind === 'remove-voter' && !isVoter) return { ok: false, reason: 'not-voter' };
    // Swarmkit never removes the leader directly: it transfers leadership first.
    if (change.kind === 'remove-voter' && change.nodeId === this.id) {
      return { ok: false, reason: 'remove-leader' };
    }
    const next =
      change.kind === 'add-voter'
        ? [...voters, change.nodeId].sort((a, b) => a - b)
        : voters.filter((id) => id !== change.nodeId);
    const result = this.propose({ type: 'conf-change', change, voters: next });
    if (result.ok) this.pendingConfIndex = result.index;
    return result;
  }

  /** Hands leadership to `target` once its log is caught up (dissertation §3.10). */
  transferLeadership(target: NodeId): ProposalResult {
    if (this.role !== 'leader') return { ok: false, reason: 'not-leader' };
    const progress = this.progress.get(target);
    if (progress === undefined || target === this.id) return { ok: false, reason: 'not-voter' };
    if (this.leadTransferee !== NO_NODE) this.abortLeaderTransfer();
    // The transfer must finish within one election timeout.
    this.electionElapsedTicks = 0;
    this.leadTransferee = target;
    this.emit({ type: 'leader-transfer-started', target, term: this.term });
    if (progress.match === this.log.lastIndex()) this.sendTimeoutNow(target);
    else sendAppend(this, target, true);
    return { ok: true, index: this.log.lastIndex(), term: this.term };
  }

  sendTimeoutNow(target: NodeId): void {
    this.send({ type: 'MsgTimeoutNow', from: this.id, to: target, term: this.term });
  }

  abortLeaderTransfer(): void {
    if (this.leadTransferee === NO_NODE) return;
    this.emit({ type: 'leader-transfer-aborted', target: this.leadTransferee, term: this.term });
    this.leadTransferee = NO_NODE;
  }
}
