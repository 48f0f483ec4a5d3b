import { assert } from '../../lib/assert';
import { defaultRaftOptions, type Entry, type NodeId, type RaftOptions } from '../../raft';
import type { NoDaemon } from '../../machine-api';
import { RaftInvariants, type LeaderReach, type Violation } from '../checkers';
import {
  Coordinator,
  type AdvanceLimits,
  type ProposeResult,
  type ObservedWrite,
  type RunObserver,
} from '../coordinator';
import {
  LocalHost,
  kvStateMachine,
  type DiskLog,
  type KvCommand,
  type KvState,
  type MachineStatusData,
  type RaftView,
} from '../machine';
import { defaultLinkOptions, type LinkOptions } from '../network';
import type { TraceEvent, TraceSink } from '../trace';

export type { ProposeResult } from '../coordinator';

export interface RaftRunOptions {
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
   * How many host calls the run may make, and how many messages its machines may send, before
   * it is stopped as a runaway: a broken core can flood itself with appends for minutes (few
   * steps, each carrying more messages than the last). Unbounded when absent.
   */
  readonly stepBudget?: number;
  readonly messageBudget?: number;
}

/**
 * How many keys the run's clients write, each write a unique value: a real workload rewrites a
 * bounded set of keys, and the key-value state copies its pairs on every write, so a new key per
 * write made long runs (the throughput benchmark's 20,000 virtual seconds) quadratic.
 */
const CLIENT_KEYS = 10;

/** Raft ids stay far below this, so that `a * LINK_KEY_BASE + b` names the pair (a, b). */
const LINK_KEY_BASE = 1 << 16;

/** The hostname of Raft member `id` in these runs. */
function hostnameOf(id: NodeId): string {
  return `m${id}`;
}

function addressOf(id: NodeId): string {
  return `10.0.${Math.floor(id / 250)}.${(id % 250) + 1}`;
}

/** What Log Matching compares of an entry: its payload, or its kind and member. */
function entryDigest(entry: Entry<KvCommand>): string {
  switch (entry.data.type) {
    case 'empty':
      return 'empty';
    case 'normal':
      return kvStateMachine.describe(entry.data.payload);
    case 'conf-change':
      return `${entry.data.change.kind}:${entry.data.change.nodeId}`;
  }
}

/**
 * A bare Raft cluster for the fault sweeps, run by the code the page runs: the `Coordinator`
 * over `LocalHost`s, each machine a Raft member with the key-value payload and no daemon. Members
 * are named by Raft id (`m1`, `m2`, …). The safety checkers watch every machine's output
 * (`RaftInvariants`); a client write is acknowledged once the member it was sent to applies it,
 * as swarmkit answers a write once its own store has applied it.
 */
export class RaftRun {
  readonly raftOptions: RaftOptions;
  readonly violations: Violation[] = [];
  readonly stepBudget: number;
  readonly messageBudget: number;
  readonly #limits: AdvanceLimits;
  /** Proposals acknowledged to their client: the member they were sent to applied them. */
  acknowledged = 0;
  ackedIndexMax = 0;
  readonly #coordinator: Coordinator<KvCommand, KvState, NoDaemon>;
  readonly #trace: TraceSink | undefined;
  readonly #acks: AckTracker;
  #nextMemberId: NodeId;
  #nextProposal = 1;
  #status: ReportedStatuses | undefined;
  /**
   * Whether two members reach each other both ways, by pair (`#linkKey`): a history asks at
   * every instant, and only a partition, a block or a heal changes the answer.
   */
  readonly #linkedBothWays = new Map<number, boolean>();

  private constructor(
    options: RaftRunOptions,
    coordinator: Coordinator<KvCommand, KvState, NoDaemon>,
    acks: AckTracker,
  ) {
    this.raftOptions = { ...defaultRaftOptions, ...options.raftOptions };
    this.stepBudget = options.stepBudget ?? Infinity;
    this.messageBudget = options.messageBudget ?? Infinity;
    this.#limits = { hostCalls: this.stepBudget, messagesSent: this.messageBudget };
    this.#coordinator = coordinator;
    this.#trace = options.trace;
    this.#acks = acks;
    this.#nextMemberId = options.managers + 1;
    acks.onAck = (ack) => {
      this.acknowledged++;
      this.ackedIndexMax = Math.max(this.ackedIndexMax, ack.index);
      this.emit({ type: 'proposal-acknowledged', timeMs: this.nowMs, ...ack });
    };
    this.#drain();
  }

  static async start(options: RaftRunOptions): Promise<RaftRun> {
    assert(options.managers >= 1, 'a cluster has at least one manager');
    // The checkers report into the run once it exists; what they find while booting waits.
    const early: Violation[] = [];
    let report = (violation: Violation): void => {
      early.push(violation);
    };
    const invariants =
      options.checkers === false
        ? undefined
        : new RaftInvariants<KvCommand, KvState, NoDaemon>({
            report: (violation) => {
              report(violation);
            },
            historyOf: (state) => state,
            entryDigest,
          });
    const acks = new AckTracker(invariants);
    const machines = Array.from({ length: options.managers }, (_, i) => ({
      hostname: hostnameOf(i + 1),
      address: addressOf(i + 1),
      role: 'manager' as const,
    }));
    const coordinator = await Coordinator.create(
      {
        machines,
        seed: options.seed,
        epochMs: 0,
        link: options.link ?? defaultLinkOptions,
        ...(options.raftOptions === undefined ? {} : { raftOptions: options.raftOptions }),
        traceRpcs: options.traceRpcs ?? false,
        stateMachine: kvStateMachine,
        observer: acks,
        // A sweep reads violations, not trace hashes; `npm run sim` hashes its own trace file.
        hashTrace: false,
      },
      LocalHost.factory(kvStateMachine),
    );
    const run = new RaftRun(options, coordinator, acks);
    for (const violation of early) run.report(violation);
    report = (violation) => {
      run.report(violation);
    };
    return run;
  }

  /** Records a violation, from the safety checkers or from the schedule's own checks. */
  report(violation: Violation): void {
    this.violations.push(violation);
    this.emit({ type: 'violation', ...violation });
  }

  /** An event of the schedule itself (its phases, its violations) into the trace file. */
  emit(event: TraceEvent): void {
    this.#trace?.emit(event);
  }

  dispose(): void {
    this.#coordinator.dispose();
  }

  // ---- Queries (what the hosts last reported) ----

  get nowMs(): number {
    return this.#coordinator.nowMs;
  }

  /** Host calls so far: the run's measure of work, bounded by `stepBudget`. */
  get steps(): number {
    return this.#coordinator.hostCallCount;
  }

  /** Messages the machines sent so far, bounded by `messageBudget`. */
  get messages(): number {
    return this.#coordinator.messagesSentCount;
  }

  get overBudget(): boolean {
    return this.steps > this.stepBudget || this.messages > this.messageBudget;
  }

  /** The weather every link has now. */
  get linkWeather(): LinkOptions {
    return this.#coordinator.linkWeather;
  }

  /** Members still in the run (a removed member is gone). */
  memberIds(): NodeId[] {
    return this.#statuses().list.map((status) => status.nodeId);
  }

  isUp(id: NodeId): boolean {
    return this.#statuses().byId[id]?.daemon === 'running';
  }

  isRemoved(id: NodeId): boolean {
    return id < this.#nextMemberId && this.#statuses().byId[id] === undefined;
  }

  /** Members whose daemon runs. */
  liveIds(): NodeId[] {
    const live: NodeId[] = [];
    for (const status of this.#statuses().list) {
      if (status.daemon === 'running') live.push(status.nodeId);
    }
    return live;
  }

  /** The running leader with the highest term, if any. */
  leader(): NodeId | undefined {
    let best: { id: NodeId; term: number } | undefined;
    for (const status of this.#statuses().list) {
      const raft = status.raft;
      if (status.daemon !== 'running' || raft?.role !== 'leader') continue;
      if (best === undefined || raft.term > best.term)
        best = { id: status.nodeId, term: raft.term };
    }
    return best?.id;
  }

  /** A leader that every live voter of its configuration follows, in its term. */
  stableLeader(): NodeId | undefined {
    const leaderId = this.leader();
    const leader = leaderId === undefined ? undefined : this.#raft(leaderId);
    if (leaderId === undefined || leader === undefined) return undefined;
    for (const voter of leader.voters) {
      const raft = this.#raft(voter);
      if (raft === undefined) continue;
      if (raft.lead !== leaderId || raft.term !== leader.term) return undefined;
    }
    return leaderId;
  }

  /** The configuration a running member knows; empty while it is down. */
  voters(id: NodeId): NodeId[] {
    return [...(this.#raft(id)?.voters ?? [])];
  }

  /** A running member's term (0 while it is down). */
  term(id: NodeId): number {
    return this.#raft(id)?.term ?? 0;
  }

  appliedIndex(id: NodeId): number {
    return this.#raft(id)?.applied ?? 0;
  }

  /** A running member's commit index (0 while it is down). */
  commitIndex(id: NodeId): number {
    return this.#raft(id)?.commit ?? 0;
  }

  /** The last index of a running member's log (0 while it is down). */
  lastIndex(id: NodeId): number {
    return this.#raft(id)?.lastIndex ?? 0;
  }

  /** Whether a running member campaigns now (a candidate; a pre-candidate does not count). */
  isCandidate(id: NodeId): boolean {
    return this.#raft(id)?.role === 'candidate';
  }

  /** Whether a running member leads now (in whatever term). */
  isLeader(id: NodeId): boolean {
    return this.#raft(id)?.role === 'leader';
  }

  /**
   * Every member that leads now, and whether a majority of its configuration is up and
   * connected to it both ways (a heartbeat needs the answer back), for the availability check.
   */
  leaderReach(): LeaderReach[] {
    const reach: LeaderReach[] = [];
    // Straight over the statuses: a history calls this at every instant.
    for (const status of this.#statuses().list) {
      const raft = status.daemon === 'running' ? status.raft : null;
      if (raft?.role !== 'leader') continue;
      const id = status.nodeId;
      const voters = raft.voters;
      const reached = voters.filter((voter) => voter === id || this.#linked(id, voter));
      reach.push({
        member: id,
        term: raft.term,
        reachesMajority: reached.length >= Math.floor(voters.length / 2) + 1,
        transferring: raft.transferee !== 0,
        voters,
        reached,
      });
    }
    return reach;
  }

  // ---- Inputs ----

  /**
   * Runs the cluster until `endMs`, or until it passes its budget: the coordinator checks the
   * budget after every instant, so a core that floods itself (tenfold more messages in a virtual
   * second) is stopped at once.
   */
  async runUntil(endMs: number): Promise<void> {
    if (this.nowMs >= endMs || this.overBudget) return;
    await this.#coordinator.advanceBy(endMs - this.nowMs, this.#limits);
    this.#changed();
  }

  /**
   * Runs the next instant at which anything is due, if it comes before `endMs`, else stands at
   * `endMs`: a history watching the run sees every change, and idle time costs nothing.
   */
  async runNextInstant(endMs: number): Promise<void> {
    const atMs = Math.min(endMs, this.#coordinator.nextInstantMs);
    await this.#coordinator.advanceBy(Math.max(0, atMs - this.nowMs), this.#limits);
    this.#changed();
  }

  runForMs(durationMs: number): Promise<void> {
    return this.runUntil(this.nowMs + durationMs);
  }

  /** Stops a member's daemon: its core is gone, its storage stays. */
  async crash(id: NodeId): Promise<boolean> {
    if (!this.isUp(id)) return false;
    const stopped = await this.#coordinator.stopDaemon(hostnameOf(id));
    this.#changed();
    return stopped;
  }

  async restart(id: NodeId): Promise<boolean> {
    if (this.isUp(id) || this.isRemoved(id)) return false;
    const started = await this.#coordinator.startDaemon(hostnameOf(id));
    this.#changed();
    return started;
  }

  async partition(groups: readonly (readonly NodeId[])[]): Promise<void> {
    await this.#coordinator.partition(groups.map((group) => group.map(hostnameOf)));
    this.#linkedBothWays.clear();
    this.#changed();
  }

  async blockLink(from: NodeId, to: NodeId): Promise<void> {
    await this.#coordinator.blockLink(hostnameOf(from), hostnameOf(to));
    this.#linkedBothWays.clear();
    this.#changed();
  }

  async heal(): Promise<void> {
    await this.#coordinator.heal();
    this.#linkedBothWays.clear();
    this.#changed();
  }

  async setLinkWeather(link: LinkOptions): Promise<void> {
    await this.#coordinator.setLinkWeather(link);
    this.#changed();
  }

  /** A client write on member `id`; acknowledged once that member applies it. */
  async propose(id: NodeId): Promise<ProposeResult | undefined> {
    if (!this.isUp(id)) return undefined;
    const number = this.#nextProposal++;
    const proposal = `p${number}`;
    const result = await this.#coordinator.propose(hostnameOf(id), {
      type: 'kv-set',
      key: `k${number % CLIENT_KEYS}`,
      value: proposal,
    });
    if (result.accepted) {
      this.#acks.expect({ member: id, proposal, index: result.index, term: result.term });
    }
    this.#changed();
    return result;
  }

  /** Joins a new, empty member and asks the leader `via` to add it as a voter. */
  async addMember(via: NodeId): Promise<{ id: NodeId; result: ProposeResult } | undefined> {
    if (!this.isUp(via)) return undefined;
    const id = this.#nextMemberId;
    const result = await this.#coordinator.raftAdmin(hostnameOf(via), {
      kind: 'conf-change',
      change: { kind: 'add-voter', nodeId: id },
    });
    if (result.accepted) {
      this.#nextMemberId++;
      // The new member starts knowing no configuration: it learns it from the leader's log.
      await this.#coordinator.addMachine({
        hostname: hostnameOf(id),
        address: addressOf(id),
        role: 'manager',
      });
    }
    this.#changed();
    return { id, result };
  }

  async removeMember(via: NodeId, id: NodeId): Promise<ProposeResult | undefined> {
    if (!this.isUp(via)) return undefined;
    const result = await this.#coordinator.raftAdmin(hostnameOf(via), {
      kind: 'conf-change',
      change: { kind: 'remove-voter', nodeId: id },
    });
    this.#changed();
    return result;
  }

  async transferLeadership(via: NodeId, target: NodeId): Promise<ProposeResult | undefined> {
    if (!this.isUp(via)) return undefined;
    const result = await this.#coordinator.raftAdmin(hostnameOf(via), {
      kind: 'transfer-leadership',
      to: target,
    });
    this.#changed();
    return result;
  }

  // ---- Internals ----

  #linked(a: NodeId, b: NodeId): boolean {
    if (!this.isUp(b)) return false;
    const key = a * LINK_KEY_BASE + b;
    let linked = this.#linkedBothWays.get(key);
    if (linked === undefined) {
      const [from, to] = [hostnameOf(a), hostnameOf(b)];
      linked = this.#coordinator.reaches(from, to) && this.#coordinator.reaches(to, from);
      this.#linkedBothWays.set(key, linked);
    }
    return linked;
  }

  #raft(id: NodeId): RaftView | undefined {
    const status = this.#statuses().byId[id];
    return status?.daemon === 'running' ? (status.raft ?? undefined) : undefined;
  }

  #statuses(): ReportedStatuses {
    if (this.#status !== undefined) return this.#status;
    // Rebuilt after every input and advance, and read many times in between: Raft ids are
    // small integers, so an array indexed by id rather than a map.
    const list = this.#coordinator.reportedStatuses();
    const byId: (MachineStatusData | undefined)[] = [];
    for (const status of list) byId[status.nodeId] = status;
    this.#status = { list, byId };
    return this.#status;
  }

  /** After any input or advance: the statuses are stale, and the trace has news. */
  #changed(): void {
    this.#status = undefined;
    this.#drain();
  }

  #drain(): void {
    const events = this.#coordinator.drainTrace();
    const sink = this.#trace;
    if (sink === undefined) return;
    for (const event of events) sink.emit(event);
  }
}

/** The statuses the hosts last reported: in install order, and by Raft id. */
interface ReportedStatuses {
  readonly list: readonly MachineStatusData[];
  readonly byId: readonly (MachineStatusData | undefined)[];
}

/**
 * Passes every output on to the invariants (when they run), and acknowledges a client write once the member it
 * was sent to applies that index in that term (a later entry there means it was lost).
 */
class AckTracker implements RunObserver<KvCommand, KvState, NoDaemon> {
  onAck: (ack: Ack) => void = () => undefined;
  readonly #invariants: RaftInvariants<KvCommand, KvState, NoDaemon> | undefined;
  /** Per member, the term of every index it applied: an answer may come before `expect`. */
  readonly #applied = new Map<NodeId, Map<number, number>>();
  /** Per member, the writes sent to it by index: nested maps, as for `#applied`, since an
   * applied event is looked up here for every member and every entry. */
  readonly #expected = new Map<NodeId, Map<number, Ack & { readonly term: number }>>();

  constructor(invariants: RaftInvariants<KvCommand, KvState, NoDaemon> | undefined) {
    this.#invariants = invariants;
  }

  expect(write: Ack & { readonly term: number }): void {
    const applied = this.#applied.get(write.member)?.get(write.index);
    if (applied === undefined) {
      let expected = this.#expected.get(write.member);
      if (expected === undefined) {
        expected = new Map();
        this.#expected.set(write.member, expected);
      }
      expected.set(write.index, write);
    } else if (applied === write.term) {
      this.#ack(write);
    }
  }

  durable(write: ObservedWrite<KvCommand, KvState, NoDaemon>): void {
    this.#invariants?.durable(write);
  }

  event(event: TraceEvent, log: DiskLog<KvCommand, KvState> | null): void {
    this.#invariants?.event(event, log);
    if (event.type !== 'entry-applied') return;
    let applied = this.#applied.get(event.member);
    if (applied === undefined) {
      applied = new Map();
      this.#applied.set(event.member, applied);
    }
    applied.set(event.index, event.term);
    const expected = this.#expected.get(event.member);
    const write = expected?.get(event.index);
    if (expected === undefined || write === undefined) return;
    expected.delete(event.index);
    if (write.term === event.term) this.#ack(write);
  }

  #ack(write: Ack): void {
    this.onAck({ member: write.member, proposal: write.proposal, index: write.index });
  }
}

/** A client write answered: the member it was sent to applied it at `index`. */
interface Ack {
  readonly member: NodeId;
  readonly proposal: string;
  readonly index: number;
}
