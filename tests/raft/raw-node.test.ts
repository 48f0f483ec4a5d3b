import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/lib/prng';
import {
  MemoryStorage,
  RawNode,
  defaultRaftOptions,
  type Entry,
  type Message,
  type NodeId,
  type RaftNodeState,
  type RaftOptions,
  type Ready,
} from '../../src/raft';

/**
 * `RawNode.exportState` / `RawNode.fromState`: a member moved between hosts must behave exactly
 * as if it had stayed. The main test runs seeded fault schedules twice, once plainly and once
 * replacing every member by a rebuilt copy after every input, and compares everything the
 * members output. The driver lives here rather than on the coordinator because a machine keeps
 * its RawNode private, and swapping it after every input is the whole point.
 */

type Payload = string;

/** The replicated state machine: a hash chain over the applied entries, as the kv machine keeps. */
interface Chain {
  readonly appliedIndex: number;
  readonly hash: number;
}

type Msg = Message<Payload, Chain>;
type Node = RawNode<Payload, Chain>;
type NodeState = RaftNodeState<Payload, Chain>;

const initialChain: Chain = { appliedIndex: 0, hash: 0 };

function fnv(hash: number, text: string): number {
  let h = hash ^ 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function applyEntry(chain: Chain, entry: Entry<Payload>): Chain {
  const data = entry.data;
  const what =
    data.type === 'normal'
      ? data.payload
      : data.type === 'conf-change'
        ? `${data.change.kind}:${data.change.nodeId}`
        : 'empty';
  return {
    appliedIndex: entry.index,
    hash: fnv(chain.hash, `${entry.index}|${entry.term}|${what}`),
  };
}

function jsonRoundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** What a host does to move a member: copy the storage and the state across a boundary. */
function moved(
  id: NodeId,
  raftOptions: RaftOptions,
  storage: MemoryStorage<Payload, Chain>,
  node: Node,
): { storage: MemoryStorage<Payload, Chain>; node: Node; state: NodeState } {
  const state = node.exportState();
  const copy = new MemoryStorage<Payload, Chain>(structuredClone(storage.toData()));
  const rebuilt = RawNode.fromState<Payload, Chain>({
    id,
    raftOptions,
    storage: copy,
    state: structuredClone(jsonRoundTrip(state)),
  });
  return { storage: copy, node: rebuilt, state };
}

/**
 * Throws unless `value` is plain data: null, booleans, finite numbers, strings, arrays and
 * objects whose prototype is Object.prototype, with no undefined anywhere.
 */
function assertPlainData(value: unknown, path = 'state'): void {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => {
      assertPlainData(item, `${path}[${i}]`);
    });
    return;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) assertPlainData(item, `${path}.${key}`);
    return;
  }
  throw new Error(`${path} is not plain data (${typeof value})`);
}

// ---- The seeded driver ----

type Mode = 'plain' | 'export' | 'swap';

interface Member {
  readonly id: NodeId;
  storage: MemoryStorage<Payload, Chain>;
  node: Node | undefined;
  machine: Chain;
  removed: boolean;
  nextTickMs: number;
}

interface InFlight {
  readonly atMs: number;
  readonly sequence: number;
  readonly message: Msg;
}

interface Link {
  readonly latencyMsMax: number;
  readonly loss: number;
  readonly duplication: number;
}

const calmLink: Link = { latencyMsMax: 20, loss: 0, duplication: 0 };

type Action =
  | 'propose'
  | 'crash'
  | 'crash-leader'
  | 'restart'
  | 'partition'
  | 'isolate-leader'
  | 'heal'
  | 'add-member'
  | 'remove-member'
  | 'transfer'
  | 'campaign'
  | 'link-weather';

const actionWeights: readonly (readonly [Action, number])[] = [
  ['propose', 40],
  ['crash', 4],
  ['crash-leader', 4],
  ['restart', 10],
  ['partition', 4],
  ['isolate-leader', 4],
  ['heal', 8],
  ['add-member', 4],
  ['remove-member', 4],
  ['transfer', 5],
  ['campaign', 2],
  ['link-weather', 3],
];

/** What the runs covered, so that a green equivalence test also means a thorough one. */
type Feature =
  | 'snapshot-taken'
  | 'snapshot-installed'
  | 'member-added'
  | 'member-removed'
  | 'leader-transfer'
  | 'pre-candidate'
  | 'candidate-with-votes'
  | 'replicate-with-inflights'
  | 'progress-in-snapshot'
  | 'snapshot-wait-ticks'
  | 'probe-sent'
  | 'pending-conf-change'
  | 'membership-changes'
  | 'lead-transferee';

const allFeatures: readonly Feature[] = [
  'snapshot-taken',
  'snapshot-installed',
  'member-added',
  'member-removed',
  'leader-transfer',
  'pre-candidate',
  'candidate-with-votes',
  'replicate-with-inflights',
  'progress-in-snapshot',
  'snapshot-wait-ticks',
  'probe-sent',
  'pending-conf-change',
  'membership-changes',
  'lead-transferee',
];

/**
 * A discrete-event loop in virtual milliseconds, shaped like the coordinator's: each member
 * ticks once a second at its own phase, messages arrive after a random latency unless lost or
 * partitioned, every Ready is handled at once (persist, send, apply, advance, maybe snapshot).
 * Every input and every Ready goes into `trace`. In `swap` mode each member is replaced by a
 * copy rebuilt from its exported state after every input; in `export` mode the state is only
 * exported, to show exporting changes nothing.
 */
class Driver {
  readonly trace: string[] = [];
  readonly features = new Set<Feature>();
  readonly raftOptions: RaftOptions;
  nowMs = 0;
  readonly #mode: Mode;
  readonly #prng: Prng;
  readonly #managers: number;
  readonly #members = new Map<NodeId, Member>();
  #queue: InFlight[] = [];
  #sequence = 0;
  #link: Link;
  readonly #blocked = new Set<string>();
  #nextId: NodeId;
  #nextProposal = 1;

  constructor(options: { seed: number; managers: number; mode: Mode }) {
    this.#mode = options.mode;
    this.#prng = new Prng(options.seed);
    this.#managers = options.managers;
    const prng = this.#prng;
    this.raftOptions = {
      ...defaultRaftOptions,
      preVote: prng.chance(0.5),
      // Above 1 (swarmkit's value), the heartbeat counter is state that survives between ticks.
      heartbeatIntervalTicks: prng.intInclusive(1, 3),
      // Small enough that every run snapshots, compacts and ships snapshots to laggards.
      snapshotIntervalEntries: prng.intInclusive(4, 16),
      logEntriesForSlowFollowers: prng.intInclusive(0, 4),
      entriesPerMessageMax: prng.intInclusive(1, 6),
      inflightMessagesMax: prng.intInclusive(1, 4),
    };
    this.#link = this.drawLink();
    const voters = Array.from({ length: options.managers }, (_, i) => i + 1);
    for (const id of voters) this.startMember(id, voters);
    this.#nextId = options.managers + 1;
  }

  /** A safety phase of faults, then a heal phase with everyone up on a calm network. */
  run(safetyPhaseMs: number, healPhaseMs: number): void {
    for (;;) {
      const nextMs = this.nowMs + this.#prng.intInclusive(50, 2500);
      if (nextMs > safetyPhaseMs) break;
      this.runUntil(nextMs);
      this.act(this.drawAction());
    }
    this.runUntil(safetyPhaseMs);
    this.record('heal');
    this.#blocked.clear();
    this.#link = calmLink;
    for (const member of this.#members.values()) {
      if (member.node === undefined && !member.removed) this.boot(member);
    }
    this.runUntil(safetyPhaseMs + healPhaseMs);
  }

  leader(): Member | undefined {
    let best: Member | undefined;
    for (const member of this.live()) {
      const node = member.node;
      if (node?.role !== 'leader') continue;
      if (best?.node === undefined || node.term > best.node.term) best = member;
    }
    return best;
  }

  private live(): Member[] {
    return [...this.#members.values()].filter((m) => m.node !== undefined && !m.removed);
  }

  private record(line: string): void {
    this.trace.push(`${this.nowMs} ${line}`);
  }

  private startMember(id: NodeId, voters: readonly NodeId[]): void {
    const member: Member = {
      id,
      storage: MemoryStorage.bootstrap<Payload, Chain>(voters, initialChain),
      node: undefined,
      machine: initialChain,
      removed: false,
      nextTickMs: 0,
    };
    this.#members.set(id, member);
    this.boot(member);
  }

  private boot(member: Member): void {
    this.record(`boot ${member.id}`);
    member.node = new RawNode<Payload, Chain>({
      id: member.id,
      raftOptions: this.raftOptions,
      storage: member.storage,
      prng: new Prng(this.#prng.nextUint32()),
    });
    member.machine = member.storage.snapshot.data;
    member.nextTickMs = this.nowMs + 1 + this.#prng.intInclusive(0, 999);
    this.afterInput(member);
  }

  private runUntil(endMs: number): void {
    for (;;) {
      const delivery = this.#queue[0];
      const deliveryMs = delivery?.atMs ?? Infinity;
      let ticking: Member | undefined;
      for (const member of this.live()) {
        if (ticking === undefined || member.nextTickMs < ticking.nextTickMs) ticking = member;
      }
      const tickMs = ticking?.nextTickMs ?? Infinity;
      const atMs = Math.min(deliveryMs, tickMs);
      if (atMs > endMs) break;
      this.nowMs = atMs;
      if (delivery !== undefined && deliveryMs <= tickMs) {
        this.#queue.shift();
        this.deliver(delivery.message);
      } else if (ticking !== undefined) {
        ticking.nextTickMs += 1000;
        this.record(`tick ${ticking.id}`);
        ticking.node?.tick();
        this.afterInput(ticking);
      }
    }
    this.nowMs = Math.max(this.nowMs, endMs);
  }

  private deliver(message: Msg): void {
    const target = this.#members.get(message.to);
    const sender = this.#members.get(message.from);
    if (this.#blocked.has(`${message.from}>${message.to}`)) return;
    if (target?.node === undefined || target.removed || sender?.removed !== false) return;
    this.record(`deliver ${JSON.stringify(message)}`);
    target.node.step(message);
    this.afterInput(target);
  }

  private send(message: Msg): void {
    if (this.#blocked.has(`${message.from}>${message.to}`)) return;
    const link = this.#link;
    if (this.#prng.chance(link.loss)) return;
    const copies = this.#prng.chance(link.duplication) ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      const atMs = this.nowMs + this.#prng.intInclusive(1, link.latencyMsMax);
      const item: InFlight = { atMs, sequence: this.#sequence++, message };
      // Sorted by delivery time, then send order: a fixed order for a fixed seed.
      let at = this.#queue.length;
      while (at > 0 && (this.#queue[at - 1]?.atMs ?? 0) > atMs) at--;
      this.#queue.splice(at, 0, item);
    }
  }

  /** Handles the member's Readys, then (in swap mode) moves every member. */
  private afterInput(member: Member): void {
    this.handleReady(member);
    const node = member.node;
    if (node !== undefined) this.record(`status ${JSON.stringify(node.status())}`);
    if (this.#mode === 'plain') return;
    for (const other of this.live()) {
      const otherNode = other.node;
      if (otherNode === undefined) continue;
      if (this.#mode === 'export') {
        this.noteFeatures(otherNode.exportState());
        continue;
      }
      const next = moved(other.id, this.raftOptions, other.storage, otherNode);
      assertPlainData(next.state);
      this.noteFeatures(next.state);
      other.storage = next.storage;
      other.node = next.node;
    }
  }

  private handleReady(member: Member): void {
    for (let guard = 0; guard < 1000; guard++) {
      const node = member.node;
      if (node === undefined || member.removed || !node.hasReady()) return;
      const ready = node.ready();
      this.record(`ready ${member.id} ${JSON.stringify(ready)}`);
      this.persist(member, ready);
      for (const message of ready.messages) this.send(message);
      for (const entry of ready.committedEntries) {
        if (entry.index <= member.machine.appliedIndex) continue;
        member.machine = applyEntry(member.machine, entry);
      }
      for (const event of ready.events) this.onEvent(member, node, event);
      node.advance(ready);
      if (node.snapshotDue()) node.createSnapshot(member.machine);
    }
    throw new Error(`member ${member.id} keeps producing Readys`);
  }

  private persist(member: Member, ready: Ready<Payload, Chain>): void {
    if (ready.snapshot !== undefined) {
      member.storage.applySnapshot(ready.snapshot);
      member.machine = ready.snapshot.data;
    }
    member.storage.append(ready.entries);
    if (ready.hardState !== undefined) member.storage.setHardState(ready.hardState);
  }

  private onEvent(
    member: Member,
    node: Node,
    event: Ready<Payload, Chain>['events'][number],
  ): void {
    switch (event.type) {
      case 'snapshot-taken':
      case 'snapshot-installed':
        this.features.add(event.type);
        return;
      case 'leader-transfer-started':
        this.features.add('leader-transfer');
        return;
      case 'role-changed':
        if (event.role === 'pre-candidate') this.features.add('pre-candidate');
        return;
      case 'membership-applied': {
        if (event.change.kind === 'add-voter') {
          this.features.add('member-added');
          return;
        }
        // A removed member stops when the leader applies the removal or it learns of it.
        if (node.role !== 'leader' && member.id !== event.change.nodeId) return;
        const removed = this.#members.get(event.change.nodeId);
        if (removed === undefined || removed.removed) return;
        removed.removed = true;
        this.features.add('member-removed');
        this.record(`removed ${removed.id}`);
        return;
      }
      case 'vote-granted':
      case 'entries-appended':
      case 'commit-advanced':
      case 'leader-transfer-aborted':
        return;
    }
  }

  private noteFeatures(state: NodeState): void {
    const raft = state.raft;
    const note = (feature: Feature, present: boolean): void => {
      if (present) this.features.add(feature);
    };
    note('candidate-with-votes', raft.role === 'candidate' && raft.votes.length > 1);
    note('pending-conf-change', raft.pendingConfIndex > raft.log.applied);
    note('membership-changes', raft.membership.changes.length > 0);
    note('lead-transferee', raft.leadTransferee !== 0);
    for (const progress of raft.progress) {
      note('replicate-with-inflights', progress.inflights.length > 0);
      note('progress-in-snapshot', progress.state === 'snapshot');
      note('snapshot-wait-ticks', progress.snapshotWaitTicks > 0);
      note('probe-sent', progress.state === 'probe' && progress.probeSent);
    }
  }

  // ---- Faults ----

  private drawLink(): Link {
    return {
      latencyMsMax: this.#prng.intInclusive(5, 400),
      loss: this.#prng.chance(0.3) ? 0 : this.#prng.nextFloat() * 0.15,
      duplication: this.#prng.nextFloat() * 0.05,
    };
  }

  private drawAction(): Action {
    const total = actionWeights.reduce((sum, [, weight]) => sum + weight, 0);
    let pick = this.#prng.nextFloat() * total;
    for (const [action, weight] of actionWeights) {
      pick -= weight;
      if (pick < 0) return action;
    }
    return 'propose';
  }

  private pick<T>(items: readonly T[]): T | undefined {
    if (items.length === 0) return undefined;
    return items[this.#prng.intInclusive(0, items.length - 1)];
  }

  private act(action: Action): void {
    this.record(`act ${action}`);
    switch (action) {
      case 'propose':
        this.propose();
        return;
      case 'crash':
        this.crash(this.pick(this.live()));
        return;
      case 'crash-leader':
        this.crash(this.leader());
        return;
      case 'restart': {
        const down = [...this.#members.values()].filter((m) => m.node === undefined && !m.removed);
        const member = this.pick(down);
        if (member !== undefined) this.boot(member);
        return;
      }
      case 'partition':
      case 'isolate-leader':
        this.partition(action);
        return;
      case 'heal':
        this.#blocked.clear();
        return;
      case 'add-member':
      case 'remove-member':
      case 'transfer':
        this.membershipAction(action);
        return;
      case 'campaign': {
        const member = this.pick(this.live());
        member?.node?.campaign();
        if (member !== undefined) this.afterInput(member);
        return;
      }
      case 'link-weather':
        this.#link = this.drawLink();
        return;
    }
  }

  private crash(member: Member | undefined): void {
    if (member === undefined) return;
    this.record(`crash ${member.id}`);
    member.node = undefined;
  }

  /** A burst of client writes, to the leader or, sometimes, to whoever is up. */
  private propose(): void {
    const member = this.#prng.chance(0.9) ? this.leader() : this.pick(this.live());
    const node = member?.node;
    if (member === undefined || node === undefined) return;
    const count = this.#prng.intInclusive(1, 6);
    for (let i = 0; i < count; i++) {
      const result = node.propose(`p${this.#nextProposal++}`);
      this.record(`propose ${member.id} ${JSON.stringify(result)}`);
    }
    this.afterInput(member);
  }

  private partition(kind: 'partition' | 'isolate-leader'): void {
    const ids = [...this.#members.values()].filter((m) => !m.removed).map((m) => m.id);
    const leader = this.leader()?.id;
    const left =
      kind === 'isolate-leader'
        ? ids.filter((id) => id === leader)
        : ids.filter(() => this.#prng.chance(0.5));
    this.#blocked.clear();
    for (const a of left) {
      for (const b of ids) {
        if (left.includes(b)) continue;
        this.#blocked.add(`${a}>${b}`);
        this.#blocked.add(`${b}>${a}`);
      }
    }
  }

  private membershipAction(action: 'add-member' | 'remove-member' | 'transfer'): void {
    const leader = this.leader();
    const node = leader?.node;
    if (leader === undefined || node === undefined) return;
    const voters = node.voters();
    const others = voters.filter((id) => id !== leader.id);
    if (action === 'add-member') {
      if (voters.length >= this.#managers + 1) return;
      const id = this.#nextId;
      const result = node.proposeConfChange({ kind: 'add-voter', nodeId: id });
      this.record(`add ${id} ${JSON.stringify(result)}`);
      // Drain the leader first: members move only when every one of them is drained.
      this.afterInput(leader);
      if (result.ok) {
        this.#nextId++;
        // The new member knows no configuration: it learns it from the leader's log.
        this.startMember(id, []);
      }
      return;
    } else if (action === 'remove-member') {
      const target = this.pick(others);
      if (target === undefined || voters.length <= Math.max(3, this.#managers - 1)) return;
      const result = node.proposeConfChange({ kind: 'remove-voter', nodeId: target });
      this.record(`remove ${target} ${JSON.stringify(result)}`);
    } else {
      const target = this.pick(others);
      if (target === undefined) return;
      const result = node.transferLeadership(target);
      this.record(`transfer ${target} ${JSON.stringify(result)}`);
    }
    this.afterInput(leader);
  }
}

function runDriver(seed: number, managers: number, mode: Mode): Driver {
  const driver = new Driver({ seed, managers, mode });
  driver.run(90_000, 40_000);
  return driver;
}

/** The first line where two traces differ, with some context, or undefined when equal. */
function firstDifference(a: readonly string[], b: readonly string[]): string | undefined {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] === b[i]) continue;
    const context = a.slice(Math.max(0, i - 3), i).join('\n');
    return `line ${i}:\n${context}\n- ${a[i] ?? '(end)'}\n+ ${b[i] ?? '(end)'}`;
  }
  return undefined;
}

const SEEDS = Array.from({ length: 30 }, (_, i) => 1000 + i);

describe('RawNode.exportState / fromState over seeded fault schedules', () => {
  for (const managers of [3, 5]) {
    it(`a member rebuilt after every input behaves as the original (${SEEDS.length} seeds, ${managers} members)`, () => {
      const covered = new Set<Feature>();
      for (const seed of SEEDS) {
        const plain = runDriver(seed, managers, 'plain');
        const swapped = runDriver(seed, managers, 'swap');
        expect(plain.trace.length).toBeGreaterThan(500);
        expect(firstDifference(plain.trace, swapped.trace), `seed ${seed}`).toBeUndefined();
        for (const feature of swapped.features) covered.add(feature);
      }
      // A green run must also be a thorough one: snapshots, membership changes, transfers,
      // elections and every progress state were moved at least once.
      expect(allFeatures.filter((feature) => !covered.has(feature))).toEqual([]);
    }, 120_000);
  }

  it('exporting changes nothing in the exported member', () => {
    for (const seed of SEEDS.slice(0, 4)) {
      const plain = runDriver(seed, 5, 'plain');
      const exported = runDriver(seed, 5, 'export');
      expect(firstDifference(plain.trace, exported.trace), `seed ${seed}`).toBeUndefined();
    }
  }, 60_000);
});

// ---- Unit tests on a hand-driven cluster ----

interface Slot {
  readonly id: NodeId;
  storage: MemoryStorage<Payload, Chain>;
  node: Node;
  machine: Chain;
}

/** A few members driven by hand: the test decides which message is delivered, and when. */
class Hand {
  readonly slots = new Map<NodeId, Slot>();
  readonly raftOptions: RaftOptions;

  constructor(count: number, options: Partial<RaftOptions> = {}) {
    this.raftOptions = { ...defaultRaftOptions, ...options };
    const voters = Array.from({ length: count }, (_, i) => i + 1);
    for (const id of voters) {
      const storage = MemoryStorage.bootstrap<Payload, Chain>(voters, initialChain);
      const node = new RawNode<Payload, Chain>({
        id,
        raftOptions: this.raftOptions,
        storage,
        prng: new Prng(id * 7919),
      });
      this.slots.set(id, { id, storage, node, machine: initialChain });
    }
  }

  slot(id: NodeId): Slot {
    const slot = this.slots.get(id);
    if (slot === undefined) throw new Error(`no member ${id}`);
    return slot;
  }

  /** Handles every Ready of member `id`; returns the Readys, rendered, and the messages. */
  drain(id: NodeId): { readys: string[]; messages: Msg[] } {
    return drainSlot(this.slot(id));
  }

  /** Delivers messages and drains, until no message is left; returns those not delivered. */
  stabilize(messages: readonly Msg[], keep: (message: Msg) => boolean = () => true): Msg[] {
    const held: Msg[] = [];
    let queue = [...messages];
    while (queue.length > 0) {
      const next: Msg[] = [];
      for (const message of queue) {
        if (!keep(message)) {
          held.push(message);
          continue;
        }
        const slot = this.slot(message.to);
        slot.node.step(message);
        next.push(...drainSlot(slot).messages);
      }
      queue = next;
    }
    return held;
  }

  /** A copy of member `id` as another host would rebuild it. */
  twin(id: NodeId): Slot {
    const slot = this.slot(id);
    const next = moved(id, this.raftOptions, slot.storage, slot.node);
    return { id, storage: next.storage, node: next.node, machine: slot.machine };
  }
}

function drainSlot(slot: Slot): { readys: string[]; messages: Msg[] } {
  const readys: string[] = [];
  const messages: Msg[] = [];
  while (slot.node.hasReady()) {
    const ready = slot.node.ready();
    readys.push(JSON.stringify(ready));
    if (ready.snapshot !== undefined) slot.storage.applySnapshot(ready.snapshot);
    slot.storage.append(ready.entries);
    if (ready.hardState !== undefined) slot.storage.setHardState(ready.hardState);
    messages.push(...ready.messages);
    for (const entry of ready.committedEntries) slot.machine = applyEntry(slot.machine, entry);
    slot.node.advance(ready);
    if (slot.node.snapshotDue()) slot.node.createSnapshot(slot.machine);
  }
  return { readys, messages };
}

/** Applies the same input to a member and its twin; both must answer the same. */
function lockstep(a: Slot, b: Slot, input: (node: Node) => unknown): Msg[] {
  const resultA: unknown = input(a.node);
  const resultB: unknown = input(b.node);
  expect(resultB).toEqual(resultA);
  const outA = drainSlot(a);
  const outB = drainSlot(b);
  expect(outB.readys).toEqual(outA.readys);
  expect(b.node.status()).toEqual(a.node.status());
  return outA.messages;
}

describe('RawNode.exportState / fromState', () => {
  it('round-trips a leader streaming to followers in replicate state with inflights', () => {
    const hand = new Hand(3, {
      inflightMessagesMax: 3,
      entriesPerMessageMax: 1,
      heartbeatIntervalTicks: 3,
    });
    hand.slot(1).node.campaign();
    hand.stabilize(hand.drain(1).messages);
    const leader = hand.slot(1);
    expect(leader.node.role).toBe('leader');
    // Writes whose MsgApps are not delivered yet fill each follower's inflight window.
    let held: Msg[] = [];
    for (const payload of ['a', 'b', 'c', 'd']) {
      leader.node.propose(payload);
      held = held.concat(hand.drain(1).messages);
    }
    leader.node.tick();
    held = held.concat(hand.drain(1).messages);
    const state = leader.node.exportState();
    assertPlainData(state);
    expect(jsonRoundTrip(state)).toStrictEqual(state);
    const follower = state.raft.progress.find((progress) => progress.id === 2);
    expect(follower).toMatchObject({ state: 'replicate', inflights: [2, 3, 4] });
    expect(state.raft.heartbeatElapsedTicks).toBe(1);
    expect(state.raft.electionElapsedTicks).toBe(1);

    const twin = hand.twin(1);
    expect(twin.node.exportState()).toStrictEqual(state);
    // The window is full: a new write goes out to nobody, on both.
    lockstep(leader, twin, (node) => node.propose('e'));
    // The held MsgApps reach the followers; their answers free the window on both alike.
    const answers: Msg[] = [];
    for (const message of held) {
      const slot = hand.slot(message.to);
      slot.node.step(message);
      answers.push(...drainSlot(slot).messages);
    }
    let pending = answers;
    while (pending.length > 0) {
      const next: Msg[] = [];
      for (const message of pending) {
        if (message.to !== 1) {
          const slot = hand.slot(message.to);
          slot.node.step(message);
          next.push(...drainSlot(slot).messages);
          continue;
        }
        next.push(
          ...lockstep(leader, twin, (node) => {
            node.step(message);
          }),
        );
      }
      pending = next;
    }
    for (let i = 0; i < 12; i++)
      lockstep(leader, twin, (node) => {
        node.tick();
      });
    expect(twin.node.commitIndex).toBe(6);
  });

  it('keeps a candidate mid-election: its votes and its election timer', () => {
    /** Member 1 of 5 campaigns and holds two of the three votes it needs; time passes. */
    function candidate(): Hand {
      const hand = new Hand(5);
      hand.slot(1).node.campaign();
      const requests = hand.drain(1).messages;
      expect(requests).toHaveLength(4);
      const toTwo = requests.filter((message) => message.to === 2);
      const answers = hand.stabilize(toTwo, (message) => message.to !== 1);
      expect(answers).toMatchObject([{ type: 'MsgVoteResp', from: 2, reject: false }]);
      for (const answer of answers) hand.slot(1).node.step(answer);
      hand.drain(1);
      for (let i = 0; i < 3; i++) {
        hand.slot(1).node.tick();
        hand.drain(1);
      }
      return hand;
    }
    const grant = (from: NodeId): Msg => ({
      type: 'MsgVoteResp',
      from,
      to: 1,
      term: 1,
      reject: false,
    });

    const votes = candidate();
    const state = votes.slot(1).node.exportState();
    expect(state.raft.role).toBe('candidate');
    expect(state.raft.votes).toEqual([
      { id: 1, granted: true },
      { id: 2, granted: true },
    ]);
    expect(state.raft.electionElapsedTicks).toBe(3);
    // One more grant wins (3 of 5), but only if the twin counts the two it already had.
    const twin = votes.twin(1);
    lockstep(votes.slot(1), twin, (node) => {
      node.step(grant(3));
    });
    expect(twin.node.role).toBe('leader');

    // Without more votes, both time out on the same tick and campaign again in term 2.
    const timer = candidate();
    const original = timer.slot(1);
    const timerTwin = timer.twin(1);
    const remaining = state.raft.randomizedElectionTimeoutTicks - state.raft.electionElapsedTicks;
    for (let i = 1; i < remaining; i++)
      lockstep(original, timerTwin, (node) => {
        node.tick();
      });
    expect(timerTwin.node.term).toBe(1);
    lockstep(original, timerTwin, (node) => {
      node.tick();
    });
    expect(timerTwin.node.term).toBe(2);
    // The new timeout is drawn from the moved prng: the next one matches too.
    expect(timerTwin.node.exportState().raft.randomizedElectionTimeoutTicks).toBe(
      original.node.exportState().raft.randomizedElectionTimeoutTicks,
    );
  });

  it('refuses to export while a Ready is pending', () => {
    const hand = new Hand(3);
    const node = hand.slot(1).node;
    node.campaign();
    expect(node.hasReady()).toBe(true);
    expect(() => node.exportState()).toThrow(/drained its Ready loop/);
    hand.drain(1);
    expect(() => node.exportState()).not.toThrow();
  });

  it('refuses a state that does not fit its id, storage or options', () => {
    const hand = new Hand(3);
    hand.slot(1).node.campaign();
    hand.stabilize(hand.drain(1).messages);
    const leader = hand.slot(1);
    const state = leader.node.exportState();
    const rebuild = (
      overrides: Partial<{ id: NodeId; storage: MemoryStorage<Payload, Chain>; state: NodeState }>,
      raftOptions: RaftOptions = hand.raftOptions,
    ): Node =>
      RawNode.fromState({
        id: 1,
        raftOptions,
        storage: new MemoryStorage(leader.storage.toData()),
        state,
        ...overrides,
      });
    expect(rebuild({}).role).toBe('leader');
    expect(() => rebuild({ id: 2 })).toThrow(/imported as member 2/);
    // A storage from before the election: its hard state and its log are behind.
    expect(() =>
      rebuild({ storage: MemoryStorage.bootstrap<Payload, Chain>([1, 2, 3], initialChain) }),
    ).toThrow(/hard state/);
    // The options must be those the state was built with: the timeout is out of range.
    expect(() => rebuild({}, { ...hand.raftOptions, electionTimeoutTicks: 30 })).toThrow(
      /randomized election timeout/,
    );
    const raft = state.raft;
    const tampered = (changes: Partial<NodeState['raft']>): NodeState => ({
      ...state,
      raft: { ...raft, ...changes },
    });
    expect(() => rebuild({ state: tampered({ progress: raft.progress.slice(1) }) })).toThrow(
      /one progress per voter/,
    );
    expect(() =>
      rebuild({ state: tampered({ log: { ...raft.log, applied: raft.log.committed + 1 } }) }),
    ).toThrow(/applied/);
    expect(() =>
      rebuild({
        state: tampered({
          log: {
            ...raft.log,
            unstable: { ...raft.log.unstable, offset: raft.log.unstable.offset + 1 },
          },
        }),
      }),
    ).toThrow(/unstable offset/);
    expect(() => rebuild({ state: tampered({ prngState: -1 }) })).toThrow(/prng/);
  });
});
