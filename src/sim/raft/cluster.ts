import { assert } from '../../lib/assert';
import { Prng } from '../../lib/prng';
import {
  MemoryStorage,
  RawNode,
  defaultRaftOptions,
  type Entry,
  type Message,
  type NodeId,
  type ProposalResult,
  type RaftEvent,
  type RaftOptions,
  type Ready,
} from '../../raft';
import type { LeaderReach, Violation } from '../checkers';
import { Network, defaultLinkOptions, type LinkOptions } from '../network';
import type { TraceEvent, TraceSink } from '../trace';
import { ClusterTrace } from './cluster-trace';
import { ClusterInvariants } from './invariants';
import {
  applyEntry,
  initialMachineState,
  payloadDigest,
  type MachineState,
  type Payload,
} from './machine';

export type RaftMessage = Message<Payload, MachineState>;

/** One Raft tick of virtual time (swarmkit: 1 s). */
export const TICK_MS = 1000;

export interface ClusterOptions {
  readonly seed: number;
  readonly managers: number;
  readonly raftOptions?: Partial<RaftOptions>;
  readonly link?: LinkOptions;
  readonly trace?: TraceSink;
  /** Also trace every RPC sent, delivered and dropped (large; off for sweeps). */
  readonly traceRpcs?: boolean;
  /** Run the safety checkers (off for throughput benchmarks). */
  readonly checkers?: boolean;
  /**
   * How many steps (deliveries and ticks) the run may take before it is stopped as a runaway:
   * a broken core can flood itself with appends for minutes. Unbounded when absent.
   */
  readonly stepBudget?: number;
}

interface Member {
  readonly id: NodeId;
  readonly storage: MemoryStorage<Payload, MachineState>;
  node: RawNode<Payload, MachineState> | undefined;
  machine: MachineState;
  removed: boolean;
  nextTickMs: number;
}

interface PendingProposal {
  readonly member: NodeId;
  readonly index: number;
  readonly term: number;
}

/**
 * An in-process cluster of Raft members over the seeded network fabric: a discrete-event loop in
 * virtual milliseconds. Each member ticks once a second at its own phase (daemons do not start in
 * the same millisecond), messages arrive when the fabric says, and every Ready is handled at
 * once: persist, send, apply, advance. A crash drops the core and keeps the storage.
 */
export class RaftCluster {
  readonly raftOptions: RaftOptions;
  readonly network: Network<RaftMessage, NodeId>;
  readonly violations: Violation[] = [];
  nowMs = 0;
  /** Deliveries and ticks so far; the run stops once it passes `stepBudget`. */
  steps = 0;
  readonly stepBudget: number;
  /** Proposals acknowledged to their client: the proposer applied them. */
  readonly acknowledged = new Map<string, number>();
  ackedIndexMax = 0;
  readonly #members = new Map<NodeId, Member>();
  readonly #prng: Prng;
  readonly #trace: ClusterTrace;
  readonly #invariants: ClusterInvariants | undefined;
  readonly #pending = new Map<string, PendingProposal>();
  #nextProposal = 1;
  #nextMemberId: NodeId;

  constructor(options: ClusterOptions) {
    assert(options.managers >= 1, 'a cluster has at least one manager');
    this.raftOptions = { ...defaultRaftOptions, ...options.raftOptions };
    this.stepBudget = options.stepBudget ?? Infinity;
    this.#prng = new Prng(options.seed);
    this.network = new Network({
      seed: this.#prng.nextUint32(),
      defaultLink: options.link ?? defaultLinkOptions,
    });
    this.#trace = new ClusterTrace(options.trace, options.traceRpcs ?? false);
    this.#invariants =
      options.checkers === false
        ? undefined
        : new ClusterInvariants((violation) => {
            this.report(violation);
          });
    const voters = Array.from({ length: options.managers }, (_, i) => i + 1);
    for (const id of voters) this.startMember(id, voters);
    this.#nextMemberId = options.managers + 1;
  }

  /** Records a violation, from the safety checkers or from the liveness phase. */
  report(violation: Violation): void {
    this.violations.push(violation);
    this.emit({ type: 'violation', ...violation });
  }

  emit(event: TraceEvent): void {
    this.#trace.emit(event);
  }

  private startMember(id: NodeId, voters: readonly NodeId[]): void {
    const member: Member = {
      id,
      storage: MemoryStorage.bootstrap<Payload, MachineState>(voters, initialMachineState),
      node: undefined,
      machine: initialMachineState,
      removed: false,
      nextTickMs: 0,
    };
    this.#members.set(id, member);
    this.emit({ type: 'member-started', timeMs: this.nowMs, member: id });
    this.boot(member);
  }

  /** Builds a core over the member's storage, as a daemon does when it starts. */
  private boot(member: Member): void {
    member.node = new RawNode<Payload, MachineState>({
      id: member.id,
      raftOptions: this.raftOptions,
      storage: member.storage,
      prng: new Prng(this.#prng.nextUint32()),
    });
    member.machine = member.storage.snapshot.data;
    member.nextTickMs = this.nowMs + 1 + this.#prng.intInclusive(0, TICK_MS - 1);
    this.#invariants?.onBoot(member.id, member.storage.hardState.commit);
    this.handleReady(member);
  }

  // ---- Queries ----

  memberIds(): NodeId[] {
    return [...this.#members.keys()];
  }

  isUp(id: NodeId): boolean {
    const member = this.#members.get(id);
    return member?.node !== undefined && !member.removed;
  }

  isRemoved(id: NodeId): boolean {
    return this.#members.get(id)?.removed === true;
  }

  node(id: NodeId): RawNode<Payload, MachineState> | undefined {
    const member = this.#members.get(id);
    return member?.removed === false ? member.node : undefined;
  }

  /** Members that are neither crashed nor removed. */
  liveIds(): NodeId[] {
    return this.memberIds().filter((id) => this.isUp(id));
  }

  /** The live leader with the highest term, if any. */
  leader(): NodeId | undefined {
    let best: { id: NodeId; term: number } | undefined;
    for (const id of this.liveIds()) {
      const node = this.node(id);
      if (node?.role === 'leader' && (best === undefined || node.term > best.term)) {
        best = { id, term: node.term };
      }
    }
    return best?.id;
  }

  /** A leader that every live voter of its configuration follows, in its term. */
  stableLeader(): NodeId | undefined {
    const leaderId = this.leader();
    const leader = leaderId === undefined ? undefined : this.node(leaderId);
    if (leaderId === undefined || leader === undefined) return undefined;
    for (const id of leader.voters()) {
      const node = this.node(id);
      if (node === undefined) continue;
      if (node.lead !== leaderId || node.term !== leader.term) return undefined;
    }
    return leaderId;
  }

  /**
   * Every member that leads now, and whether a majority of its configuration is up and
   * connected to it both ways (a heartbeat needs the answer back), for the availability check.
   */
  leaderReach(): LeaderReach[] {
    const reach: LeaderReach[] = [];
    for (const id of this.liveIds()) {
      const node = this.node(id);
      if (node?.role !== 'leader') continue;
      const voters = node.voters();
      const reached = voters.filter(
        (voter) =>
          voter === id ||
          (this.isUp(voter) &&
            !this.network.isBlocked(id, voter) &&
            !this.network.isBlocked(voter, id)),
      );
      reach.push({
        member: id,
        term: node.term,
        reachesMajority: reached.length >= Math.floor(voters.length / 2) + 1,
        transferring: node.status().leadTransferee !== 0,
        voters,
        reached,
      });
    }
    return reach;
  }

  appliedIndex(id: NodeId): number {
    return this.#members.get(id)?.machine.appliedIndex ?? 0;
  }

  // ---- Inputs ----

  /** Runs the event loop until `endMs` (inclusive). */
  /** Whether the run took more steps than its budget, and so stopped. */
  get overBudget(): boolean {
    return this.steps > this.stepBudget;
  }

  runUntil(endMs: number): void {
    for (;;) {
      if (this.overBudget) return;
      const deliveryMs = this.network.nextDeliveryMs() ?? Infinity;
      const ticking = this.nextTicking();
      const tickMs = ticking?.nextTickMs ?? Infinity;
      const atMs = Math.min(deliveryMs, tickMs);
      if (atMs > endMs) break;
      this.nowMs = atMs;
      this.steps++;
      if (deliveryMs <= tickMs) this.deliverNext();
      else if (ticking !== undefined) this.tickMember(ticking);
    }
    this.nowMs = Math.max(this.nowMs, endMs);
  }

  runForMs(durationMs: number): void {
    this.runUntil(this.nowMs + durationMs);
  }

  private nextTicking(): Member | undefined {
    let next: Member | undefined;
    for (const member of this.#members.values()) {
      if (member.node === undefined || member.removed) continue;
      if (next === undefined || member.nextTickMs < next.nextTickMs) next = member;
    }
    return next;
  }

  private tickMember(member: Member): void {
    member.nextTickMs += TICK_MS;
    member.node?.tick();
    this.handleReady(member);
  }

  private deliverNext(): void {
    const outcome = this.network.deliverNext(this.nowMs);
    if (outcome === undefined) return;
    const { envelope } = outcome;
    const message = envelope.message;
    const target = this.#members.get(envelope.to);
    const sender = this.#members.get(envelope.from);
    if (outcome.kind === 'dropped') {
      this.#trace.drop(this.nowMs, message, 'partition');
      return;
    }
    // Swarmkit refuses messages from removed members; a stopped daemon receives nothing.
    if (target?.node === undefined || target.removed || sender?.removed !== false) {
      this.#trace.drop(this.nowMs, message, 'member-down');
      return;
    }
    this.#trace.rpc('rpc-delivered', this.nowMs, message);
    target.node.step(message);
    this.handleReady(target);
  }

  /** Stops a member's daemon: its core is gone, its storage stays. */
  crash(id: NodeId): boolean {
    const member = this.#members.get(id);
    if (member?.node === undefined || member.removed) return false;
    member.node = undefined;
    this.emit({ type: 'member-crashed', timeMs: this.nowMs, member: id });
    return true;
  }

  restart(id: NodeId): boolean {
    const member = this.#members.get(id);
    if (member === undefined || member.node !== undefined || member.removed) return false;
    this.emit({ type: 'member-restarted', timeMs: this.nowMs, member: id });
    this.boot(member);
    return true;
  }

  partition(groups: readonly (readonly NodeId[])[]): void {
    this.network.partition(groups);
    this.emit({ type: 'network-partitioned', timeMs: this.nowMs, member: 0, groups });
  }

  blockLink(from: NodeId, to: NodeId): void {
    this.network.blockLink(from, to);
    this.emit({ type: 'link-blocked', timeMs: this.nowMs, member: from, to });
  }

  heal(): void {
    this.network.heal();
    this.emit({ type: 'network-healed', timeMs: this.nowMs, member: 0 });
  }

  /** A client write on member `id`; acknowledged once that member applies it. */
  propose(id: NodeId): { proposal: string; result: ProposalResult } | undefined {
    const member = this.#members.get(id);
    const node = member?.node;
    if (member === undefined || node === undefined || member.removed) return undefined;
    const proposal = `p${this.#nextProposal++}`;
    const result = node.propose(proposal);
    this.#trace.proposal(this.nowMs, id, proposal, result);
    if (result.ok)
      this.#pending.set(proposal, { member: id, index: result.index, term: result.term });
    this.handleReady(member);
    return { proposal, result };
  }

  /** Joins a new, empty member and asks the leader `via` to add it as a voter. */
  addMember(via: NodeId): { id: NodeId; result: ProposalResult } | undefined {
    const member = this.#members.get(via);
    const node = member?.node;
    if (member === undefined || node === undefined || member.removed) return undefined;
    const id = this.#nextMemberId;
    const result = node.proposeConfChange({ kind: 'add-voter', nodeId: id });
    this.#trace.proposal(this.nowMs, via, `add-voter:${id}`, result);
    if (result.ok) {
      this.#nextMemberId++;
      // The new member starts knowing no configuration: it learns it from the leader's log.
      this.startMember(id, []);
    }
    this.handleReady(member);
    return { id, result };
  }

  removeMember(via: NodeId, id: NodeId): ProposalResult | undefined {
    const member = this.#members.get(via);
    const node = member?.node;
    if (member === undefined || node === undefined || member.removed) return undefined;
    const result = node.proposeConfChange({ kind: 'remove-voter', nodeId: id });
    this.#trace.proposal(this.nowMs, via, `remove-voter:${id}`, result);
    this.handleReady(member);
    return result;
  }

  transferLeadership(via: NodeId, target: NodeId): ProposalResult | undefined {
    const member = this.#members.get(via);
    const node = member?.node;
    if (member === undefined || node === undefined || member.removed) return undefined;
    const result = node.transferLeadership(target);
    this.handleReady(member);
    return result;
  }

  // ---- Ready handling ----

  private handleReady(member: Member): void {
    for (let guard = 0; guard < 1000; guard++) {
      const node = member.node;
      if (node === undefined || member.removed || !node.hasReady()) return;
      this.handleOneReady(member, node, node.ready());
    }
    assert(false, `member ${member.id} keeps producing Readys`);
  }

  private handleOneReady(
    member: Member,
    node: RawNode<Payload, MachineState>,
    ready: Ready<Payload, MachineState>,
  ): void {
    this.persist(member, node, ready);
    for (const message of ready.messages) this.sendMessage(message);
    for (const entry of ready.committedEntries) this.applyCommitted(member, entry);
    for (const event of ready.events) this.onRaftEvent(member, node, event);
    node.advance(ready);
    if (node.snapshotDue()) node.createSnapshot(member.machine);
  }

  /** Step 1 of a Ready: make it durable. */
  private persist(
    member: Member,
    node: RawNode<Payload, MachineState>,
    ready: Ready<Payload, MachineState>,
  ): void {
    const storage = member.storage;
    if (node.role === 'leader') {
      this.#invariants?.onLeaderPersist({
        timeMs: this.nowMs,
        member: member.id,
        lastIndexBefore: storage.lastIndex(),
        firstNewIndex: ready.entries[0]?.index,
        installsSnapshot: ready.snapshot !== undefined,
      });
    }
    if (ready.snapshot !== undefined) {
      storage.applySnapshot(ready.snapshot);
      member.machine = ready.snapshot.data;
      this.#invariants?.onState(this.nowMs, member.id, member.machine);
    }
    if (ready.entries.length > 0) {
      storage.append(ready.entries);
      this.#invariants?.onEntriesPersisted({
        timeMs: this.nowMs,
        member: member.id,
        entries: ready.entries,
        termAt: (index) => storage.term(index),
      });
    }
    if (ready.hardState !== undefined) storage.setHardState(ready.hardState);
  }

  private sendMessage(message: RaftMessage): void {
    const outcome = this.network.send(message.from, message.to, message, this.nowMs);
    if (outcome.kind === 'dropped') this.#trace.drop(this.nowMs, message, outcome.reason);
    else this.#trace.rpc('rpc-sent', this.nowMs, message);
  }

  /** Step 3 of a Ready: apply to the state machine and answer waiting clients. */
  private applyCommitted(member: Member, entry: Entry<Payload>): void {
    if (entry.index <= member.machine.appliedIndex) return;
    assert(entry.index === member.machine.appliedIndex + 1, 'entries apply in order');
    member.machine = applyEntry(member.machine, entry);
    if (this.#trace.enabled) {
      this.emit({
        type: 'entry-applied',
        timeMs: this.nowMs,
        member: member.id,
        index: entry.index,
        term: entry.term,
        kind: entry.data.type,
        digest: payloadDigest(entry),
      });
    }
    this.#invariants?.onState(this.nowMs, member.id, member.machine);
    if (entry.data.type === 'normal') this.maybeAcknowledge(member.id, entry, entry.data.payload);
  }

  private maybeAcknowledge(id: NodeId, entry: Entry<Payload>, proposal: string): void {
    const pending = this.#pending.get(proposal);
    if (pending?.member !== id) return;
    this.#pending.delete(proposal);
    if (pending.index !== entry.index || pending.term !== entry.term) return;
    this.acknowledged.set(proposal, entry.index);
    this.ackedIndexMax = Math.max(this.ackedIndexMax, entry.index);
    if (!this.#trace.enabled) return;
    this.emit({
      type: 'proposal-acknowledged',
      timeMs: this.nowMs,
      member: id,
      proposal,
      index: entry.index,
    });
  }

  private onRaftEvent(
    member: Member,
    node: RawNode<Payload, MachineState>,
    event: RaftEvent,
  ): void {
    if (this.#trace.enabled) this.emit({ ...event, timeMs: this.nowMs, member: member.id });
    this.#invariants?.onRaftEvent(this.nowMs, member.id, node, event);
    if (event.type === 'membership-applied') {
      this.onMembershipApplied(member, node, event.change.kind, event.change.nodeId);
    }
  }

  /**
   * A removed member stops, as swarmkit's does: when the leader applies the removal, or when the
   * member itself learns of it.
   */
  private onMembershipApplied(
    member: Member,
    node: RawNode<Payload, MachineState>,
    kind: 'add-voter' | 'remove-voter',
    target: NodeId,
  ): void {
    if (kind !== 'remove-voter') return;
    if (node.role !== 'leader' && member.id !== target) return;
    const removed = this.#members.get(target);
    if (removed === undefined || removed.removed) return;
    removed.removed = true;
    this.emit({ type: 'member-removed', timeMs: this.nowMs, member: target });
  }
}
