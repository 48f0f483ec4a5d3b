import { describe, expect, it } from 'vitest';
import { neverCancelled } from '../../../src/lib/cancel';
import type { Entry, NodeId } from '../../../src/raft';
import { Coordinator } from '../../../src/sim/coordinator';
import {
  isOkResponseTo,
  type DaemonRequest,
  type DaemonResponse,
} from '../../../src/api/operations';
import type { SwarmStatusView } from '../../../src/machine-api';
import type { SwarmDisk } from '../../../src/swarm/node/disk';
import { swarmStateMachine } from '../../../src/swarm/node/state-machine';
import { SwarmDaemon } from '../../../src/swarm/node/swarm-daemon';
import {
  isSwarmDaemonVolatile,
  type ForwardVolatile,
  type SwarmDaemonVolatile,
} from '../../../src/swarm/node/volatile';
import type {
  DaemonLogic,
  DaemonWire,
  MachineControl,
  ReplicatedStateMachine,
} from '../../../src/machine-api';
import { LocalHost } from '../../../src/sim/machine';
import { MachineEngine } from '../../../src/sim/machine-engine';
import { DEFAULT_EPOCH_MS, coordinatorConfig } from '../../../src/sim/playground';
import type { StoreProposal, StoreState } from '../../../src/swarm';
import { runDocker, type DockerResult } from '../../support/docker-run';
import type { SwarmDaemonData } from '../../../src/swarm/node';

type Swarm = Coordinator<StoreProposal, StoreState, SwarmDaemonData>;
type Control = MachineControl<StoreProposal, StoreState>;

/** A daemon wire as the daemon on `hostname` received it. */
interface Received {
  readonly atMs: number;
  readonly hostname: string;
  readonly wire: DaemonWire;
}

/**
 * Hands every call through to a real SwarmDaemon and notes which machine it belongs to (the
 * factory is given only the disk), so the test can reach each machine's live daemon. A machine
 * rebuilt under a new host gets a new daemon, which takes over the hostname at its first call.
 * `move` swaps in a daemon restored from this one's export, as a move to another host does.
 */
class Tracked implements DaemonLogic<StoreProposal, StoreState, SwarmDaemonData> {
  #inner: SwarmDaemon;
  readonly #live: Map<string, Tracked>;
  readonly #received: Received[];

  /** `received` gets every daemon wire this daemon receives, whole, for runs to compare. */
  constructor(inner: SwarmDaemon, live: Map<string, Tracked>, received: Received[]) {
    this.#inner = inner;
    this.#live = live;
    this.#received = received;
  }

  get inner(): SwarmDaemon {
    return this.#inner;
  }

  move(restored: SwarmDaemon): void {
    this.#inner = restored;
  }

  #seen(control: Control): void {
    this.#live.set(control.hostname, this);
  }

  boot(control: Control): void {
    this.#seen(control);
    this.#inner.boot(control);
  }
  stop(): void {
    this.#inner.stop();
  }
  tick(control: Control): void {
    this.#seen(control);
    this.#inner.tick(control);
  }
  call(control: Control, callId: string, request: DaemonRequest): void {
    this.#seen(control);
    this.#inner.call(control, callId, request);
  }
  receive(control: Control, wire: DaemonWire): void {
    this.#seen(control);
    this.#received.push({ atMs: control.nowMs, hostname: control.hostname, wire });
    this.#inner.receive(control, wire);
  }
  heardFrom(control: Control, from: NodeId): void {
    this.#seen(control);
    this.#inner.heardFrom(control, from);
  }
  applied(control: Control, entry: Entry<StoreProposal>, before: StoreState): void {
    this.#seen(control);
    this.#inner.applied(control, entry, before);
  }
  settled(control: Control): void {
    this.#seen(control);
    this.#inner.settled(control);
  }
  disk(): SwarmDisk {
    return this.#inner.disk();
  }
  view(): SwarmStatusView {
    return this.#inner.view();
  }
  exportVolatile(): SwarmDaemonVolatile | null {
    return this.#inner.exportVolatile();
  }
}

/** Lets every answer that is already resolved reach its `then` callbacks. */
function settle(): Promise<void> {
  return new Promise((resolve) => {
    setImmediate(resolve);
  });
}

/** Fails unless `value` is made of null, booleans, finite numbers, strings, arrays and objects. */
function expectPlain(value: unknown, path = 'volatile'): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    expect(Number.isFinite(value), `${path} is a finite number`).toBe(true);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => {
      expectPlain(item, `${path}[${index}]`);
    });
    return;
  }
  expect(typeof value, `${path} is plain data`).toBe('object');
  expect(Object.getPrototypeOf(value), `${path} is a plain object`).toBe(Object.prototype);
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    expect(item, `${path}.${key} is not undefined`).not.toBe(undefined);
    expectPlain(item, `${path}.${key}`);
  }
}

/**
 * A lab of five machines in no swarm, driven through the real CLI, checked at every step. A
 * moving lab goes on, after every check, with the daemons restored from the exports instead of
 * the ones that exported.
 */
class Lab {
  readonly coordinator: Swarm;
  readonly live: Map<string, Tracked>;
  /** Every daemon wire delivered, with its body (the trace names only its type). */
  readonly received: Received[];
  readonly #moving: boolean;
  readonly #engines = new Map<string, MachineEngine>();
  /** The exports of the last check and their JSON, to show later steps leave them untouched. */
  #previous: { exported: SwarmDaemonVolatile; json: string }[] = [];
  /** How many exports were checked, and how many daemons could not export (a continuation). */
  exports = 0;
  held = 0;
  /** How many exports carried a pending forward of each kind (in a moving lab: moved along). */
  readonly forwards: Record<ForwardVolatile['kind'], number> = { 'agent-heartbeat': 0, relay: 0 };

  private constructor(
    coordinator: Swarm,
    live: Map<string, Tracked>,
    received: Received[],
    moving: boolean,
  ) {
    this.coordinator = coordinator;
    this.live = live;
    this.received = received;
    this.#moving = moving;
  }

  static async start(seed: number, moving = false): Promise<Lab> {
    const live = new Map<string, Tracked>();
    const received: Received[] = [];
    const stateMachine: ReplicatedStateMachine<StoreProposal, StoreState, SwarmDaemonData> = {
      ...swarmStateMachine,
      daemon: (disk, volatile) =>
        new Tracked(
          volatile === undefined ? new SwarmDaemon(disk) : SwarmDaemon.restore(disk, volatile),
          live,
          received,
        ),
    };
    const config = coordinatorConfig({ preset: 'no-swarm', seed, epochMs: DEFAULT_EPOCH_MS });
    const coordinator = await Coordinator.create(
      { ...config, stateMachine },
      LocalHost.factory(stateMachine),
    );
    return new Lab(coordinator, live, received, moving);
  }

  daemon(hostname: string): SwarmDaemon {
    const tracked = this.live.get(hostname);
    if (tracked === undefined) throw new Error(`no daemon seen on ${hostname}`);
    return tracked.inner;
  }

  /**
   * Every live daemon: its export is plain data, survives JSON and structured clone unchanged,
   * passes the validator, and a daemon restored from the JSON copy exports it again and shows the
   * same view. Exports taken at the previous check must not have changed since.
   */
  check(): void {
    for (const { exported, json } of this.#previous) expect(JSON.stringify(exported)).toBe(json);
    this.#previous = [];
    for (const tracked of this.live.values()) {
      const daemon = tracked.inner;
      const exported = daemon.exportVolatile();
      if (exported === null) {
        this.held++;
        continue;
      }
      this.exports++;
      expectPlain(exported);
      const json = JSON.stringify(exported);
      const parsed: unknown = JSON.parse(json);
      expect(parsed).toStrictEqual(exported);
      expect(structuredClone(exported)).toStrictEqual(exported);
      if (!isSwarmDaemonVolatile(parsed)) throw new Error(`export fails validation: ${json}`);
      const restored = SwarmDaemon.restore(daemon.disk(), parsed);
      expect(restored.exportVolatile()).toStrictEqual(exported);
      expect(restored.view()).toStrictEqual(daemon.view());
      expect(restored.disk()).toStrictEqual(daemon.disk());
      this.#previous.push({ exported, json });
      for (const [, forward] of exported.forwards) this.forwards[forward.kind]++;
      if (this.#moving) tracked.move(restored);
    }
  }

  /**
   * Moves `hostname`'s daemon at this instant: it goes on as the daemon restored from its export
   * (through JSON, as a move to a worker does). Returns the export; null if it could not move.
   */
  move(hostname: string): SwarmDaemonVolatile | null {
    const tracked = this.live.get(hostname);
    const exported = tracked?.inner.exportVolatile() ?? null;
    if (tracked === undefined || exported === null) return null;
    const parsed: unknown = JSON.parse(JSON.stringify(exported));
    if (!isSwarmDaemonVolatile(parsed)) throw new Error(`export fails validation`);
    tracked.move(SwarmDaemon.restore(tracked.inner.disk(), parsed));
    return exported;
  }

  /** Advances `ms` of virtual time, lets the answers it produced arrive, then checks. */
  async step(ms: number): Promise<void> {
    await this.coordinator.advanceBy(ms);
    await settle();
    this.check();
  }

  /** Advances `ms` of virtual time in steps of `stepMs`, checking after each. */
  async advance(ms: number, stepMs = 100): Promise<void> {
    for (let done = 0; done < ms; done += stepMs) await this.step(stepMs);
  }

  engine(hostname: string): MachineEngine {
    let engine = this.#engines.get(hostname);
    if (engine === undefined) {
      engine = new MachineEngine({
        facts: {
          hostname,
          engineId: '00000000-0000-4000-8000-000000000000',
          cpuCount: 2,
          memoryBytes: 4 * 1024 ** 3 - 180 * 1024 ** 2,
          kernelAbi: 30,
        },
        call: async (request) => (await this.coordinator.call(hostname, request)).response,
        nowEpochMs: () => DEFAULT_EPOCH_MS + this.coordinator.nowMs,
      });
      this.#engines.set(hostname, engine);
    }
    return engine;
  }

  /** Runs `docker …` on `host`, advancing in 100 ms steps (checking each) until it returns. */
  async docker(host: string, line: string, stdin?: string): Promise<DockerResult> {
    const state = { done: false };
    const pending = runDocker(line.split(' '), {
      engine: this.engine(host),
      cancel: neverCancelled,
      ...(stdin === undefined ? {} : { stdin }),
    }).finally(() => {
      state.done = true;
    });
    for (let i = 0; i < 1200 && !state.done; i++) await this.step(100);
    return pending;
  }

  /**
   * Makes a call through Coordinator.call, at the current instant and without advancing; the
   * result tells whether its answer has arrived yet.
   */
  async call(
    host: string,
    request: DaemonRequest,
  ): Promise<{ readonly answered: () => DaemonResponse | null }> {
    const box: { response: DaemonResponse | null } = { response: null };
    const { response } = await this.coordinator.call(host, request);
    void response.then((value) => {
      box.response = value;
    });
    await settle();
    return { answered: () => box.response };
  }

  /** Forms the classic lab: manager1 leads, manager2/3 join as managers, worker1/2 as workers. */
  async classic(): Promise<void> {
    const init = await this.docker('manager1', 'swarm init --advertise-addr 192.168.0.11');
    expect(init.code).toBe(0);
    const manager = (await this.docker('manager1', 'swarm join-token -q manager')).stdout.trim();
    const worker = (await this.docker('manager1', 'swarm join-token -q worker')).stdout.trim();
    for (const [host, token] of [
      ['manager2', manager],
      ['manager3', manager],
      ['worker1', worker],
      ['worker2', worker],
    ] as const) {
      const joined = await this.docker(host, `swarm join --token ${token} 192.168.0.11:2377`);
      expect(joined.stderr).toBe('');
      expect(joined.code).toBe(0);
    }
    await this.advance(6_000);
  }

  /** The share of daemon checks during `run` at which a daemon could not export. */
  async heldShare(run: () => Promise<void>): Promise<number> {
    const exports = this.exports;
    const held = this.held;
    await run();
    const checks = this.exports - exports + (this.held - held);
    expect(checks).toBeGreaterThan(0);
    return (this.held - held) / checks;
  }

  leaderOf(host: string): string | null | undefined {
    return this.coordinator.status().find((machine) => machine.hostname === host)?.raft?.lead;
  }

  dispose(): void {
    this.coordinator.dispose();
  }
}

/** Advances in 100 ms steps until `done()`, for at most `limitMs`. */
async function until(lab: Lab, done: () => boolean, limitMs: number): Promise<void> {
  for (let waited = 0; waited <= limitMs; waited += 100) {
    if (done()) return;
    await lab.step(100);
  }
  throw new Error(`not done after ${limitMs} ms`);
}

describe('SwarmDaemon volatile state: export, JSON, restore, export again', () => {
  it('through init, joins, a write, promote, demote, a stopped leader and its return', async () => {
    const lab = await Lab.start(3);
    lab.check();
    await lab.classic();
    expect((await lab.docker('manager2', 'node update --label-add a=b worker1')).code).toBe(0);
    expect((await lab.docker('manager1', 'node promote worker1')).code).toBe(0);
    await lab.advance(10_000);
    expect((await lab.docker('manager1', 'node demote manager3')).code).toBe(0);
    await lab.advance(10_000);
    // manager1, manager2 and worker1 manage: two of them keep quorum without the leader.
    await lab.coordinator.stopDaemon('manager1');
    // The followers relay heartbeats to the stopped leader (20 s deadlines) and every agent has a
    // heartbeat in flight: all plain data, so the daemons can still move (this was about 49%).
    expect(await lab.heldShare(() => lab.advance(40_000))).toBeLessThan(0.02);
    const ls = await lab.docker('manager2', 'node ls');
    expect(ls.stderr).toBe('');
    await lab.coordinator.startDaemon('manager1');
    await lab.advance(20_000);
    expect((await lab.docker('manager1', 'node ls')).code).toBe(0);
    expect(lab.exports).toBeGreaterThan(2_000);
    lab.dispose();
  }, 120_000);

  it('through a partition, quorum loss, force-new-cluster, leave and rm', async () => {
    const lab = await Lab.start(5);
    await lab.classic();
    await lab.coordinator.partition([
      ['manager1', 'worker1'],
      ['manager2', 'manager3', 'worker2'],
    ]);
    // The minority loses its leader, the majority elects one (this was about 59%).
    expect(await lab.heldShare(() => lab.advance(30_000))).toBeLessThan(0.02);
    expect((await lab.docker('manager2', 'node ls')).code).toBe(0);
    await lab.coordinator.heal();
    await lab.advance(15_000);
    await lab.coordinator.stopDaemon('manager2');
    await lab.coordinator.stopDaemon('manager3');
    // manager1 alone has no quorum: its agent and the workers' keep trying (this was about 55%).
    expect(await lab.heldShare(() => lab.advance(30_000))).toBeLessThan(0.02);
    const init = await lab.docker('manager1', 'swarm init --force-new-cluster');
    expect(init.code).toBe(0);
    expect((await lab.docker('worker2', 'swarm leave')).code).toBe(0);
    await lab.coordinator.startDaemon('manager2');
    await lab.advance(40_000);
    expect((await lab.docker('manager1', 'node rm worker2')).code).toBe(0);
    expect(lab.exports).toBeGreaterThan(1_000);
    lab.dispose();
  }, 120_000);

  it('through autolock: a locked manager, its unlock, and a key rotation', async () => {
    const lab = await Lab.start(7);
    await lab.classic();
    expect((await lab.docker('manager1', 'swarm update --autolock=true')).code).toBe(0);
    const key = (await lab.docker('manager1', 'swarm unlock-key -q')).stdout.trim();
    await lab.advance(3_000);
    await lab.coordinator.systemctl('manager2', 'restart', ['docker.service']);
    await lab.advance(2_000);
    const locked = lab.daemon('manager2').exportVolatile();
    expect(locked?.locked).toBe(true);
    expect(locked?.agent).toBe(null);
    expect((await lab.docker('manager2', 'swarm unlock', `${key}\n`)).code).toBe(0);
    expect(lab.daemon('manager2').view().localNodeState).toBe('active');
    await lab.advance(5_000);
    expect((await lab.docker('manager1', 'swarm unlock-key --rotate')).code).toBe(0);
    await lab.advance(5_000);
    lab.dispose();
  }, 120_000);

  it('a leader carries its dispatcher, role-manager and reachability tables', async () => {
    const lab = await Lab.start(11);
    await lab.classic();
    expect(lab.leaderOf('manager2')).toBe('manager1');
    // In a healthy swarm almost every instant can export: only a heartbeat's round trip or a
    // proposal's commit (milliseconds) holds a daemon.
    lab.exports = 0;
    lab.held = 0;
    await lab.advance(30_000);
    expect(lab.held * 50).toBeLessThan(lab.exports);
    await until(lab, () => lab.daemon('manager1').exportVolatile() !== null, 5_000);
    const exported = lab.daemon('manager1').exportVolatile();
    expect(Object.keys(exported?.leader?.dispatcher.sessions ?? {})).toHaveLength(5);
    expect(exported?.reachability.map(([nodeId]) => nodeId)).toHaveLength(3);
    expect(exported?.nodeViews).toHaveLength(5);
    expect(exported?.lastHeard.map(([raftId]) => raftId)).toStrictEqual([2, 3]);
    const follower = lab.daemon('manager2').exportVolatile();
    expect(follower?.leader).toBe(null);
    expect(follower?.nodeViews).toBe(null);
    lab.dispose();
  }, 60_000);
});

/**
 * Stops the leader, partitions, loses quorum and gets it back, with CLI calls in between; returns
 * what each call printed.
 */
async function eventful(lab: Lab): Promise<string[]> {
  const printed: string[] = [];
  const docker = async (host: string, line: string): Promise<void> => {
    const result = await lab.docker(host, line);
    printed.push(`${host}$ docker ${line} (${result.code})\n${result.stdout}${result.stderr}`);
  };
  await lab.classic();
  await docker('manager2', 'node update --label-add a=b worker1');
  await lab.coordinator.stopDaemon('manager1');
  await lab.advance(40_000);
  await docker('manager3', 'node ls');
  await lab.coordinator.startDaemon('manager1');
  await lab.advance(20_000);
  await lab.coordinator.partition([
    ['manager1', 'worker1'],
    ['manager2', 'manager3', 'worker2'],
  ]);
  await lab.advance(30_000);
  await docker('worker2', 'info --format {{.Swarm.LocalNodeState}}');
  await lab.coordinator.heal();
  await lab.advance(15_000);
  await lab.coordinator.stopDaemon('manager2');
  await lab.coordinator.stopDaemon('manager3');
  await lab.advance(30_000);
  await docker('manager1', 'node ls');
  await lab.coordinator.startDaemon('manager2');
  await lab.coordinator.startDaemon('manager3');
  await lab.advance(30_000);
  await docker('manager2', 'node ls');
  return printed;
}

/**
 * worker1 joins through manager2, a follower, which relays the join to the leader. With `move`,
 * manager2's daemon moves while the relay waits for the leader's answer, then worker1's while its
 * first heartbeat waits for the dispatcher's. Returns the two pending forwards as they were then.
 */
async function joinThroughFollower(move: boolean) {
  const lab = await Lab.start(31);
  expect((await lab.docker('manager1', 'swarm init --advertise-addr 192.168.0.11')).code).toBe(0);
  const manager = (await lab.docker('manager1', 'swarm join-token -q manager')).stdout.trim();
  const joined = await lab.docker('manager2', `swarm join --token ${manager} 192.168.0.11:2377`);
  expect(joined.code).toBe(0);
  const worker = (await lab.docker('manager1', 'swarm join-token -q worker')).stdout.trim();
  await lab.advance(3_000);
  expect(lab.leaderOf('manager2')).toBe('manager1');
  const join = await lab.call('worker1', {
    op: 'swarmJoin',
    request: {
      ListenAddr: '0.0.0.0:2377',
      AdvertiseAddr: '',
      DataPathAddr: '',
      RemoteAddrs: ['192.168.0.12:2377'],
      JoinToken: worker,
      Availability: '',
    },
  });
  const pending = async (hostname: string, kind: ForwardVolatile['kind']) => {
    for (let i = 0; i < 1_000; i++) {
      const found = lab
        .daemon(hostname)
        .exportVolatile()
        ?.forwards.find(([, forward]) => forward.kind === kind)?.[1];
      if (found !== undefined) return found;
      await lab.step(1);
    }
    throw new Error(`no ${kind} forward on ${hostname}`);
  };
  const relay = await pending('manager2', 'relay');
  if (relay.kind !== 'relay') throw new Error('not a relay');
  // Keyed by manager2's own reqId for the leader; the peer's reqId is inside.
  if (move) expect(lab.move('manager2')?.forwards.map(([, f]) => f)).toContainEqual(relay);
  for (let i = 0; i < 1_000 && join.answered() === null; i++) await lab.step(1);
  const heartbeat = await pending('worker1', 'agent-heartbeat');
  if (move) expect(lab.move('worker1')?.agent?.awaitingSinceMs).toStrictEqual(expect.any(Number));
  const session = () => lab.daemon('worker1').exportVolatile()?.agent?.sessionId ?? '';
  await until(lab, () => session() !== '', 2_000);
  return {
    lab,
    relay,
    heartbeat,
    answer: join.answered(),
    agent: lab.daemon('worker1').exportVolatile()?.agent,
  };
}

describe('SwarmDaemon volatile state: a moved daemon carries on', () => {
  it('a lab whose daemons move at every step they can runs exactly as one that never moves', async () => {
    const still = await Lab.start(29);
    const printedStill = await eventful(still);
    const moving = await Lab.start(29, true);
    const printedMoving = await eventful(moving);
    expect(printedMoving).toStrictEqual(printedStill);
    expect(moving.received).toStrictEqual(still.received);
    expect(moving.coordinator.traceCount).toBe(still.coordinator.traceCount);
    expect(moving.coordinator.traceHash()).toBe(still.coordinator.traceHash());
    // The moves did carry pending relays and agent heartbeats along, and were seldom held.
    expect(moving.forwards.relay).toBeGreaterThan(100);
    expect(moving.forwards['agent-heartbeat']).toBeGreaterThan(1_000);
    expect(moving.held * 100).toBeLessThan(moving.exports);
    still.dispose();
    moving.dispose();
  }, 120_000);

  it('a relayed join and an agent heartbeat, moved while pending, are answered as if unmoved', async () => {
    const still = await joinThroughFollower(false);
    const moved = await joinThroughFollower(true);
    expect(still.relay).toStrictEqual({
      kind: 'relay',
      to: '192.168.0.21',
      reqId: expect.stringMatching(/^worker1-/) as unknown,
      deadlineMs: expect.any(Number) as unknown,
      onTimeout: 'nothing',
    });
    expect(still.heartbeat.kind).toBe('agent-heartbeat');
    expect(moved.relay).toStrictEqual(still.relay);
    expect(moved.heartbeat).toStrictEqual(still.heartbeat);
    // The follower moved with the join in flight still sent the leader's answer to the joiner,
    // under the joiner's own reqId, and the join succeeded.
    const replies = (lab: Lab) =>
      lab.received.filter(
        ({ hostname, wire }) => hostname === 'worker1' && wire.body.type === 'join-reply',
      );
    expect(replies(moved.lab)).toHaveLength(1);
    expect(replies(moved.lab)[0]?.wire).toMatchObject({
      from: '192.168.0.12',
      body: { type: 'join-reply', reqId: still.relay.reqId, nodeId: expect.any(String) as unknown },
    });
    expect(moved.answer).toStrictEqual({ status: 'ok', op: 'swarmJoin', value: null });
    // The worker moved with its first heartbeat in flight took the session it was given.
    expect(moved.agent).toMatchObject({
      sessionId: expect.stringMatching(/./) as unknown,
      awaitingSinceMs: null,
    });
    expect(moved.lab.received).toStrictEqual(still.lab.received);
    expect(moved.lab.coordinator.traceHash()).toBe(still.lab.coordinator.traceHash());
    expect(moved.agent).toStrictEqual(still.agent);
    expect(moved.lab.daemon('worker1').disk()).toStrictEqual(still.lab.daemon('worker1').disk());
    still.lab.dispose();
    moved.lab.dispose();
  }, 60_000);
});

describe('SwarmDaemon volatile state: no export while a continuation is pending', () => {
  it('a join in flight holds the joiner until the leader answers', async () => {
    const lab = await Lab.start(13);
    expect((await lab.docker('manager1', 'swarm init --advertise-addr 192.168.0.11')).code).toBe(0);
    const token = (await lab.docker('manager1', 'swarm join-token -q worker')).stdout.trim();
    await lab.advance(1_000);
    expect(lab.daemon('worker1').exportVolatile()).not.toBe(null);
    const join = await lab.call('worker1', {
      op: 'swarmJoin',
      request: {
        ListenAddr: '0.0.0.0:2377',
        AdvertiseAddr: '',
        DataPathAddr: '',
        RemoteAddrs: ['192.168.0.11:2377'],
        JoinToken: token,
        Availability: '',
      },
    });
    // The call reached the daemon at once: the join went out and its answer is awaited.
    expect(join.answered()).toBe(null);
    expect(lab.daemon('worker1').exportVolatile()).toBe(null);
    for (let i = 0; i < 200 && join.answered() === null; i++) {
      expect(lab.daemon('worker1').exportVolatile()).toBe(null);
      await lab.step(1);
    }
    expect(join.answered()).toStrictEqual({ status: 'ok', op: 'swarmJoin', value: null });
    // Once answered, only the agent's own heartbeats (a round trip every 5 s) hold it.
    await until(lab, () => lab.daemon('worker1').exportVolatile() !== null, 2_000);
    expect(lab.daemon('worker1').exportVolatile()?.agent).not.toBe(null);
    lab.dispose();
  }, 60_000);

  it('a write holds the leader until its entry commits, and the follower that forwarded it', async () => {
    const lab = await Lab.start(17);
    await lab.classic();
    await until(
      lab,
      () =>
        lab.daemon('manager1').exportVolatile() !== null &&
        lab.daemon('manager2').exportVolatile() !== null,
      5_000,
    );
    const inspect = await lab.call('manager1', { op: 'nodeInspect', id: 'worker1' });
    // A read on the leader is answered from its store within the call: nothing is held.
    const answer = inspect.answered();
    expect(lab.daemon('manager1').exportVolatile()).not.toBe(null);
    if (answer === null || !isOkResponseTo('nodeInspect', answer)) {
      throw new Error(`no node: ${JSON.stringify(answer)}`);
    }
    const node = answer.value;
    const write = await lab.call('manager2', {
      op: 'nodeUpdate',
      id: 'worker1',
      version: node.Version.Index,
      spec: { ...node.Spec, Labels: { a: 'b' } },
    });
    // The follower forwards the call to the leader and holds it until the reply comes back.
    expect(lab.daemon('manager2').exportVolatile()).toBe(null);
    let leaderHeld = false;
    for (let i = 0; i < 500 && write.answered() === null; i++) {
      leaderHeld ||= lab.daemon('manager1').exportVolatile() === null;
      expect(lab.daemon('manager2').exportVolatile()).toBe(null);
      await lab.step(1);
    }
    expect(write.answered()).toStrictEqual({ status: 'ok', op: 'nodeUpdate', value: null });
    // Between the proposal and its commit the leader held the write's continuation.
    expect(leaderHeld).toBe(true);
    await until(
      lab,
      () =>
        lab.daemon('manager1').exportVolatile() !== null &&
        lab.daemon('manager2').exportVolatile() !== null,
      2_000,
    );
    lab.dispose();
  }, 60_000);

  it('a call on a leaderless manager holds it; a leader again releases it', async () => {
    const lab = await Lab.start(19);
    await lab.classic();
    await lab.coordinator.stopDaemon('manager2');
    await lab.coordinator.stopDaemon('manager3');
    await until(lab, () => lab.leaderOf('manager1') === null, 30_000);
    const ls = await lab.call('manager1', { op: 'nodeList', filters: {} });
    // The call waits for a leader (20 s): that holds the manager. Its agent's heartbeats to the
    // other managers, always in flight meanwhile, are data and hold nothing.
    for (let i = 0; i < 100 && ls.answered() === null; i++) {
      expect(lab.daemon('manager1').exportVolatile()).toBe(null);
      await lab.step(100);
    }
    expect(ls.answered()).toBe(null);
    await lab.coordinator.startDaemon('manager2');
    await until(lab, () => ls.answered() !== null, 30_000);
    expect(ls.answered()?.status).toBe('ok');
    await until(
      lab,
      () => lab.leaderOf('manager1') !== null && lab.daemon('manager1').exportVolatile() !== null,
      20_000,
    );
    lab.dispose();
  }, 60_000);
});

describe('the validator', () => {
  it('accepts an export and refuses a Map, a missing field and a bad pair', async () => {
    const lab = await Lab.start(23);
    expect((await lab.docker('manager1', 'swarm init --advertise-addr 192.168.0.11')).code).toBe(0);
    await until(lab, () => lab.daemon('manager1').exportVolatile()?.leader != null, 5_000);
    const exported = lab.daemon('manager1').exportVolatile();
    expect(isSwarmDaemonVolatile(exported)).toBe(true);
    const fields = { ...exported } as Record<string, unknown>;
    expect(isSwarmDaemonVolatile({ ...fields, lastHeard: new Map() })).toBe(false);
    expect(isSwarmDaemonVolatile({ ...fields, lastHeard: [['2', 5]] })).toBe(false);
    const missing = { ...fields };
    delete missing.removalSeen;
    expect(isSwarmDaemonVolatile(missing)).toBe(false);
    expect(isSwarmDaemonVolatile(null)).toBe(false);
    lab.dispose();
  }, 60_000);
});
