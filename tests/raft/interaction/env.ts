import { Prng } from '../../../src/lib/prng';
import {
  MemoryStorage,
  RawNode,
  defaultRaftOptions,
  type Message,
  type NodeId,
  type ProposalResult,
  type RaftOptions,
} from '../../../src/raft';
import { parseArgs, type DataDrivenCase } from '../../support/datadriven';
import { formatEntry, formatMessage, formatReady, type EnvPayload, type EnvState } from './format';

type EnvMessage = Message<EnvPayload, EnvState>;

type Args = ReturnType<typeof parseArgs>;

interface EnvMember {
  readonly id: NodeId;
  readonly storage: MemoryStorage<EnvPayload, EnvState>;
  readonly options: RaftOptions;
  node: RawNode<EnvPayload, EnvState> | undefined;
  state: EnvState;
  restarts: number;
}

/**
 * Drives RawNodes by hand for the interaction scripts (etcd `rafttest.InteractionEnv`). Messages
 * wait in one queue until a `deliver-msgs` or `stabilize` delivers them, so a script controls
 * every interleaving. Each command is one small method below; `handle` documents them.
 */
export class InteractionEnv {
  readonly #members = new Map<NodeId, EnvMember>();
  #queue: EnvMessage[] = [];
  readonly #isolated = new Set<NodeId>();

  /** One handler per command; each line above a handler shows its syntax. */
  readonly #handlers: Record<string, (ids: NodeId[], args: Args) => string> = {
    // add-nodes 3 [voters=1,2,3] [pre-vote=true] [check-quorum=false] [snapshot-interval=5]
    //   [keep=2] [max-entries=1]
    'add-nodes': (ids, args) => this.addNodes(ids[0] ?? 1, args.named),
    // campaign 1: start an election on member 1 now
    campaign: (ids) => this.each(ids, (member) => member.node?.campaign()),
    // tick 1 2 [n=3]: advance logical time on the members
    tick: (ids, args) => this.tick(ids, Number(args.named.get('n') ?? '1')),
    // propose 1 data
    propose: (ids, args) => this.propose(ids[0] ?? 0, args.positional[1] ?? ''),
    // propose-conf-change 1 add=4 | remove=3
    'propose-conf-change': (ids, args) => this.proposeConfChange(ids[0] ?? 0, args.named),
    // transfer-leadership from=1 to=2
    'transfer-leadership': (_, args) =>
      this.transfer(Number(args.named.get('from')), Number(args.named.get('to'))),
    // process-ready 1 2: handle the members' Readys (persist, queue messages, apply)
    'process-ready': (ids) => this.processReady(ids).join('\n'),
    // deliver-msgs 2 [drop=true]: deliver (or drop) every queued message for member 2
    'deliver-msgs': (ids, args) => this.deliver(ids, args.named.get('drop') === 'true').join('\n'),
    // stabilize [1 2]: process Readys and deliver messages until nothing moves
    stabilize: (ids) => this.stabilize(ids.length === 0 ? this.ids() : ids),
    // isolate 1: drop every message to or from member 1
    isolate: (ids) => this.each(ids, (member) => this.#isolated.add(member.id)),
    // heal: undo every isolation
    heal: () => {
      this.#isolated.clear();
      return 'ok';
    },
    // crash 1: drop the core (and messages on their way to it), keep storage
    crash: (ids) =>
      this.each(ids, (member) => {
        this.crash(member);
      }),
    // restart 1: rebuild the core from storage
    restart: (ids) => this.restart(ids),
    // raft-log 1: the member's log
    'raft-log': (ids) => this.raftLog(ids[0] ?? 0),
    // status 1: the member's state and, on a leader, its followers' progress
    status: (ids) => this.status(ids[0] ?? 0),
    // raft-state: one line per member
    'raft-state': () => this.raftState(),
  };

  handle(testCase: DataDrivenCase): string {
    const args = parseArgs(testCase.args);
    const handler = this.#handlers[testCase.name];
    if (handler === undefined) throw new Error(`unknown command ${testCase.name}`);
    return handler(args.positional.map(Number), args);
  }

  private ids(): NodeId[] {
    return [...this.#members.keys()].sort((a, b) => a - b);
  }

  private member(id: NodeId): EnvMember {
    const member = this.#members.get(id);
    if (member === undefined) throw new Error(`no member ${id}`);
    return member;
  }

  private running(id: NodeId): RawNode<EnvPayload, EnvState> {
    const node = this.member(id).node;
    if (node === undefined) throw new Error(`member ${id} is down`);
    return node;
  }

  private isUp(id: NodeId): boolean {
    return this.#members.get(id)?.node !== undefined;
  }

  private each(ids: readonly NodeId[], action: (member: EnvMember) => unknown): string {
    for (const id of ids) action(this.member(id));
    return 'ok';
  }

  private addNodes(count: number, named: Map<string, string>): string {
    const first = this.ids().length + 1;
    const fresh = Array.from({ length: count }, (_, i) => first + i);
    const votersArg = named.get('voters');
    const voters =
      votersArg === undefined
        ? fresh
        : votersArg
            .split(',')
            .filter((item) => item !== '')
            .map(Number);
    const options: RaftOptions = {
      ...defaultRaftOptions,
      preVote: named.get('pre-vote') === 'true',
      checkQuorum: named.get('check-quorum') !== 'false',
      snapshotIntervalEntries: Number(named.get('snapshot-interval') ?? '10000'),
      logEntriesForSlowFollowers: Number(named.get('keep') ?? '500'),
      entriesPerMessageMax: Number(named.get('max-entries') ?? '64'),
    };
    for (const id of fresh) {
      const member: EnvMember = {
        id,
        storage: MemoryStorage.bootstrap<EnvPayload, EnvState>(voters, []),
        options,
        node: undefined,
        state: [],
        restarts: 0,
      };
      this.#members.set(id, member);
      this.boot(member);
    }
    return `added ${fresh.join(' ')} voters=(${voters.join(' ')})`;
  }

  private boot(member: EnvMember): void {
    // A fixed seed per member and restart: scripts see the same election timeouts every run.
    member.node = new RawNode({
      id: member.id,
      raftOptions: member.options,
      storage: member.storage,
      prng: new Prng(member.id * 1000 + member.restarts),
    });
    member.state = member.storage.snapshot.data;
  }

  private tick(ids: readonly NodeId[], count: number): string {
    for (let i = 0; i < count; i++) {
      for (const id of ids) this.running(id).tick();
    }
    return 'ok';
  }

  private propose(id: NodeId, data: string): string {
    return formatResult(this.running(id).propose(data));
  }

  private proposeConfChange(id: NodeId, named: Map<string, string>): string {
    const add = named.get('add');
    const nodeId = Number(add ?? named.get('remove'));
    const kind = add === undefined ? 'remove-voter' : 'add-voter';
    return formatResult(this.running(id).proposeConfChange({ kind, nodeId }));
  }

  private transfer(from: NodeId, to: NodeId): string {
    return formatResult(this.running(from).transferLeadership(to));
  }

  private processReady(ids: readonly NodeId[]): string[] {
    const lines: string[] = [];
    for (const id of ids) {
      const member = this.member(id);
      const node = member.node;
      if (node === undefined || !node.hasReady()) continue;
      const ready = node.ready();
      lines.push(...formatReady(id, ready));
      if (ready.snapshot !== undefined) {
        member.storage.applySnapshot(ready.snapshot);
        member.state = ready.snapshot.data;
      }
      member.storage.append(ready.entries);
      if (ready.hardState !== undefined) member.storage.setHardState(ready.hardState);
      // A stopped daemon receives nothing: messages to a down member are lost on the way.
      this.#queue.push(...ready.messages.filter((message) => this.isUp(message.to)));
      for (const entry of ready.committedEntries) {
        if (entry.data.type === 'normal') member.state = [...member.state, entry.data.payload];
      }
      node.advance(ready);
      if (node.snapshotDue()) node.createSnapshot(member.state);
    }
    return lines;
  }

  private deliver(ids: readonly NodeId[], drop: boolean): string[] {
    const lines: string[] = [];
    for (const id of ids) {
      const mine = this.#queue.filter((message) => message.to === id);
      this.#queue = this.#queue.filter((message) => message.to !== id);
      if (mine.length === 0) continue;
      lines.push(`> ${id} receiving messages`);
      for (const message of mine) lines.push(`  ${this.deliverOne(message, drop)}`);
    }
    return lines;
  }

  private deliverOne(message: EnvMessage, drop: boolean): string {
    const text = formatMessage(message);
    const node = this.#members.get(message.to)?.node;
    const cut = this.#isolated.has(message.from) || this.#isolated.has(message.to);
    if (drop || cut || node === undefined) return `dropped: ${text}`;
    node.step(message);
    return text;
  }

  private stabilize(ids: readonly NodeId[]): string {
    const lines: string[] = [];
    for (let round = 0; round < 100; round++) {
      const ready = this.processReady(ids);
      const delivered = this.deliver(ids, false);
      if (ready.length === 0 && delivered.length === 0) return lines.join('\n');
      lines.push(...ready, ...delivered);
    }
    throw new Error('stabilize did not settle in 100 rounds');
  }

  /** The core is gone and so are the messages on their way to it; storage stays. */
  private crash(member: EnvMember): void {
    member.node = undefined;
    this.#queue = this.#queue.filter((message) => message.to !== member.id);
  }

  private restart(ids: readonly NodeId[]): string {
    for (const id of ids) {
      const member = this.member(id);
      if (member.node !== undefined) throw new Error(`member ${id} is running`);
      member.restarts++;
      this.boot(member);
    }
    return 'ok';
  }

  private raftLog(id: NodeId): string {
    const node = this.running(id);
    const status = node.status();
    const entries = node.entries(status.firstIndex, status.lastIndex + 1) ?? [];
    const head = `log ${id}: first=${status.firstIndex} last=${status.lastIndex} commit=${status.commit} applied=${status.applied}`;
    return [head, ...entries.map(formatEntry)].join('\n');
  }

  private status(id: NodeId): string {
    const status = this.running(id).status();
    const lines = [
      `${id}: ${status.role} term=${status.term} vote=${status.vote} lead=${status.lead} commit=${status.commit} applied=${status.applied} voters=(${status.voters.join(' ')})`,
    ];
    for (const progress of status.progress) {
      lines.push(
        `  ${progress.id}: match=${progress.match} next=${progress.next} ${progress.state}${progress.recentActive ? ' active' : ''}`,
      );
    }
    const member = this.member(id);
    lines.push(`  state=[${member.state.join(' ')}]`);
    return lines.join('\n');
  }

  private raftState(): string {
    return this.ids()
      .map((id) => {
        const node = this.member(id).node;
        if (node === undefined) return `${id}: down`;
        return `${id}: ${node.role} term=${node.term} lead=${node.lead} commit=${node.commitIndex} last=${node.lastIndex}`;
      })
      .join('\n');
  }
}

function formatResult(result: ProposalResult): string {
  return result.ok ? `ok index=${result.index} term=${result.term}` : `rejected: ${result.reason}`;
}
