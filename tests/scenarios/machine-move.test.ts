import { describe, expect, it } from 'vitest';
import { Coordinator } from '../../src/sim/coordinator';
import { swarmStateMachine } from '../../src/swarm/node/state-machine';
import {
  LocalHost,
  type HostFactory,
  type MachineHost,
  type MachineSnapshot,
  type MachineSource,
  type Placement,
} from '../../src/sim/machine';
import { DEFAULT_EPOCH_MS, Playground, coordinatorConfig } from '../../src/sim/playground';
import { LocalSimulation } from '../../src/sim/simulation-port';
import type { StoreProposal, StoreState } from '../../src/swarm';
import { runDocker, type DockerResult } from '../support/docker-run';
import type { SwarmDaemonData } from '../../src/swarm/node';

type Host = MachineHost<StoreProposal, StoreState, SwarmDaemonData>;

/**
 * A host that moves its machine after every call it can: it exports the whole machine, throws
 * the old one away and builds a new one from the exported state, through structuredClone. If the
 * export missed anything (a timer, a progress field, a daemon session), the run would differ.
 */
class MovingHost implements Host {
  #inner: LocalHost<StoreProposal, StoreState, SwarmDaemonData>;
  moves = 0;

  constructor(source: MachineSource<StoreProposal, StoreState, SwarmDaemonData>) {
    this.#inner = new LocalHost(source, swarmStateMachine);
  }

  step: Host['step'] = (input) => this.#thenMove(this.#inner.step(input));
  propose: Host['propose'] = (input) => this.#thenMove(this.#inner.propose(input));
  setDaemon: Host['setDaemon'] = (input) => this.#thenMove(this.#inner.setDaemon(input));
  raftAdmin: Host['raftAdmin'] = (input) => this.#thenMove(this.#inner.raftAdmin(input));
  call: Host['call'] = (input) => this.#thenMove(this.#inner.call(input));
  files: Host['files'] = (input) => this.#thenMove(this.#inner.files(input));
  status: Host['status'] = () => this.#inner.status();
  snapshot: Host['snapshot'] = () => this.#inner.snapshot();
  exportState: Host['exportState'] = () => this.#inner.exportState();
  dispose(): void {
    this.#inner.dispose();
  }

  /** Answers later, as a worker would, after moving the machine into a new host. */
  async #thenMove<T>(answer: T | Promise<T>): Promise<T> {
    const output = await answer;
    await Promise.resolve();
    const state = await this.#inner.exportState();
    if (state !== null) {
      this.#inner.dispose();
      this.#inner = new LocalHost(
        { kind: 'moved', state: JSON.parse(JSON.stringify(state)) as typeof state },
        swarmStateMachine,
      );
      this.moves++;
    }
    return output;
  }
}

/** Records every host built, with the placement it was asked for, newest last per hostname. */
function recordingFactory(
  build: (source: MachineSource<StoreProposal, StoreState, SwarmDaemonData>) => Host = (source) =>
    new LocalHost(source, swarmStateMachine),
): {
  factory: HostFactory<StoreProposal, StoreState, SwarmDaemonData>;
  builds: { hostname: string; kind: string; placement: Placement }[];
  hosts: Map<string, Host>;
} {
  const builds: { hostname: string; kind: string; placement: Placement }[] = [];
  const hosts = new Map<string, Host>();
  const factory: HostFactory<StoreProposal, StoreState, SwarmDaemonData> = (source, placement) => {
    const snapshot = source.kind === 'disk' ? source.snapshot : source.state.snapshot;
    const host = build(source);
    builds.push({ hostname: snapshot.spec.hostname, kind: source.kind, placement });
    hosts.set(snapshot.spec.hostname, host);
    return host;
  };
  return { factory, builds, hosts };
}

const OPTIONS = { preset: 'no-swarm', seed: 3, epochMs: DEFAULT_EPOCH_MS } as const;

async function start(
  factory: HostFactory<StoreProposal, StoreState, SwarmDaemonData>,
): Promise<{ playground: Playground; simulation: LocalSimulation }> {
  const simulation = await LocalSimulation.create(coordinatorConfig(OPTIONS), factory);
  return { playground: await Playground.start(OPTIONS, simulation), simulation };
}

/**
 * Runs `docker …` on `host` over a fixed 5 s of virtual time. Fixed, not "until it returns":
 * how many microtasks a host's answer takes decides in which 100 ms step a wait-until loop sees
 * it, and the runs compared here differ in exactly that.
 */
async function docker(playground: Playground, host: string, line: string): Promise<DockerResult> {
  const state = { done: false };
  const pending = runDocker(line.split(' '), { engine: playground.engine(host) }).finally(() => {
    state.done = true;
  });
  for (let i = 0; i < 50; i++) await playground.advance(100);
  expect(state.done, line).toBe(true);
  return pending;
}

/** The classic lab, then a promotion, a leader failure, a partition and a demotion. */
async function eventfulRun(playground: Playground): Promise<void> {
  expect(
    (await docker(playground, 'manager1', 'swarm init --advertise-addr 192.168.0.11')).code,
  ).toBe(0);
  const managerToken = (
    await docker(playground, 'manager1', 'swarm join-token -q manager')
  ).stdout.trim();
  const workerToken = (
    await docker(playground, 'manager1', 'swarm join-token -q worker')
  ).stdout.trim();
  for (const [host, token] of [
    ['manager2', managerToken],
    ['worker1', workerToken],
    ['worker2', workerToken],
  ] as const) {
    expect(
      (await docker(playground, host, `swarm join --token ${token} 192.168.0.11:2377`)).code,
    ).toBe(0);
  }
  await playground.advance(5_000);
  expect((await docker(playground, 'manager1', 'node promote worker1')).code).toBe(0);
  await playground.advance(10_000);
  await playground.setDaemon('manager1', 'stopped');
  await playground.advance(30_000);
  await playground.setDaemon('manager1', 'running');
  await playground.advance(15_000);
  await playground.partition([['manager1'], ['manager2', 'worker1', 'worker2', 'manager3']]);
  await playground.advance(25_000);
  await playground.heal();
  await playground.advance(20_000);
  const demote = await docker(playground, 'manager2', 'node demote worker1');
  expect(demote.stderr).toBe('');
  await playground.advance(20_000);
}

function thread(playground: Playground, hostname: string): string | undefined {
  return playground.view.machines.find((machine) => machine.hostname === hostname)?.thread;
}

describe('moving a running machine between hosts', () => {
  it('a machine rebuilt from its exported state after every call runs exactly as one that never moved', async () => {
    const still = await start(LocalHost.factory(swarmStateMachine));
    await eventfulRun(still.playground);

    const movingHosts: MovingHost[] = [];
    const moving = await start((source) => {
      const host = new MovingHost(source);
      movingHosts.push(host);
      return host;
    });
    await eventfulRun(moving.playground);

    const moves = movingHosts.reduce((sum, host) => sum + host.moves, 0);
    // Hundreds of moves, of leaders, followers, candidates and agents alike.
    expect(moves).toBeGreaterThan(500);
    expect(moving.playground.view.timeMs).toBe(still.playground.view.timeMs);
    expect(moving.playground.view.traceHash).toBe(still.playground.view.traceHash);
    expect(moving.playground.view.machines).toEqual(still.playground.view.machines);
  }, 120_000);

  it('a promotion moves the machine into a worker of its own and a demotion moves it back', async () => {
    const { factory, builds } = recordingFactory();
    const { playground } = await start(factory);
    expect(builds.every((build) => build.kind === 'disk' && build.placement === 'shared')).toBe(
      true,
    );
    await eventfulRun(playground);

    const moves = builds.filter((build) => build.kind === 'moved');
    // manager1 and manager2 on init and join; worker1 on promotion, and back on demotion.
    expect(moves).toEqual([
      { hostname: 'manager1', kind: 'moved', placement: 'own-worker' },
      { hostname: 'manager2', kind: 'moved', placement: 'own-worker' },
      { hostname: 'worker1', kind: 'moved', placement: 'own-worker' },
      { hostname: 'worker1', kind: 'moved', placement: 'shared' },
    ]);
    expect(thread(playground, 'manager1')).toBe('own-worker');
    expect(thread(playground, 'worker1')).toBe('shared');
    expect(thread(playground, 'worker2')).toBe('shared');
    const lines = playground.view.events
      .filter((event) => event.kind === 'machine-moved')
      .map((event) => `${event.machine}: ${event.text}`);
    expect(lines).toEqual([
      'manager1: now a manager: moved into a Web Worker of its own, without a restart',
      'manager2: now a manager: moved into a Web Worker of its own, without a restart',
      'worker1: now a manager: moved into a Web Worker of its own, without a restart',
      'worker1: no longer a manager: moved back to the shared worker thread, without a restart',
    ]);
  }, 60_000);

  it('a moved machine keeps its Raft member: no restart, no new election', async () => {
    const { factory, builds } = recordingFactory();
    const { playground } = await start(factory);
    expect(
      (await docker(playground, 'manager1', 'swarm init --advertise-addr 192.168.0.11')).code,
    ).toBe(0);
    await playground.advance(3_000);
    expect(builds.filter((build) => build.kind === 'moved')).toHaveLength(1);
    const leader = playground.view.machines.find((machine) => machine.hostname === 'manager1');
    expect(leader?.raft?.role).toBe('leader');
    const termAfterMove = leader?.raft?.term;
    await playground.advance(60_000);
    const later = playground.view.machines.find((machine) => machine.hostname === 'manager1');
    expect(later?.raft?.role).toBe('leader');
    expect(later?.raft?.term).toBe(termAfterMove);
    const restarts = playground.view.events.filter(
      (event) => event.machine === 'manager1' && event.kind === 'member-restarted',
    );
    expect(restarts).toEqual([]);
    const elections = playground.view.events.filter(
      (event) => event.machine === 'manager1' && event.text.startsWith('started an election'),
    );
    expect(elections).toHaveLength(1);
  }, 60_000);
});

describe("the coordinator's mirror of each disk", () => {
  function durable(snapshot: MachineSnapshot<StoreProposal, StoreState, SwarmDaemonData>): unknown {
    return {
      storage: snapshot.storage,
      disk: snapshot.disk ?? null,
      prngState: snapshot.prngState,
      bootCount: snapshot.bootCount,
    };
  }

  it('equals what every host holds, after a run with joins, promotions, restarts and leaves', async () => {
    const { factory, hosts } = recordingFactory();
    const { playground, simulation } = await start(factory);
    await eventfulRun(playground);
    expect((await docker(playground, 'worker2', 'swarm leave')).code).toBe(0);
    await playground.advance(5_000);
    for (const [hostname, host] of hosts) {
      const held = await host.snapshot();
      expect(durable(simulation.disk(hostname)), hostname).toEqual(durable(held));
    }
    // The run wrote a real log: the comparison is not between two empty disks.
    expect(simulation.disk('manager1').storage?.hardState.commit).toBeGreaterThan(10);
    expect(simulation.disk('worker2').disk?.node ?? null).toBeNull();
  }, 60_000);

  it('a machine whose host dies outright restarts from the disk it had, not the one it was installed with', async () => {
    // Every host can be killed: from then on each call fails, snapshot() too, as a terminated
    // worker's would. The kill switch is kept for the newest host of each machine.
    const kills = new Map<string, () => void>();
    const { factory } = recordingFactory((source) => {
      const inner = new LocalHost(source, swarmStateMachine);
      const hostname =
        source.kind === 'disk'
          ? source.snapshot.spec.hostname
          : source.state.snapshot.spec.hostname;
      let dead = false;
      kills.set(hostname, () => {
        dead = true;
      });
      // Answers like a worker: later, and a rejection once it died.
      const guard = async <T>(work: () => T | Promise<T>): Promise<T> =>
        dead ? Promise.reject(new Error('the manager worker died')) : work();
      return {
        step: (input) => guard(() => inner.step(input)),
        propose: (input) => guard(() => inner.propose(input)),
        setDaemon: (input) => guard(() => inner.setDaemon(input)),
        raftAdmin: (input) => guard(() => inner.raftAdmin(input)),
        call: (input) => guard(() => inner.call(input)),
        files: (input) => guard(() => inner.files(input)),
        status: () => guard(() => inner.status()),
        snapshot: () => guard(() => inner.snapshot()),
        exportState: () => guard(() => inner.exportState()),
        dispose: () => {
          inner.dispose();
        },
      };
    });
    const { playground, simulation } = await start(factory);
    expect(
      (await docker(playground, 'manager1', 'swarm init --advertise-addr 192.168.0.11')).code,
    ).toBe(0);
    const token = (
      await docker(playground, 'manager1', 'swarm join-token -q manager')
    ).stdout.trim();
    expect(
      (await docker(playground, 'manager2', `swarm join --token ${token} 192.168.0.11:2377`)).code,
    ).toBe(0);
    await playground.advance(5_000);
    expect(thread(playground, 'manager2')).toBe('own-worker');
    const inspect = await docker(playground, 'manager2', 'node inspect self --format {{.ID}}');
    expect(inspect.stderr).toBe('');
    const nodeId = inspect.stdout.trim();
    expect(nodeId).toMatch(/^[a-z0-9]{25}$/);
    const before = simulation.disk('manager2');
    expect(before.storage?.hardState.commit).toBeGreaterThan(3);

    kills.get('manager2')?.();
    await playground.advance(2_000);
    const crashed = playground.view.machines.find((machine) => machine.hostname === 'manager2');
    expect(crashed?.daemon).toBe('crashed');
    expect(simulation.disk('manager2').storage).toEqual(before.storage);

    await playground.setDaemon('manager2', 'running');
    await playground.advance(10_000);
    // Back as the same manager, with its log: not a machine that never joined.
    const again = await docker(
      playground,
      'manager2',
      'node inspect self --format {{.ID}}:{{.ManagerStatus.Reachability}}',
    );
    expect(again.stdout.trim()).toBe(`${nodeId}:reachable`);
    const ls = await docker(
      playground,
      'manager1',
      'node ls --format {{.Hostname}}:{{.ManagerStatus}}',
    );
    expect(ls.stdout.split('\n')).toContain('manager2:Reachable');
  }, 60_000);
});

describe('restoring a save in process, then moving to the run hosts', () => {
  it('continues on the run hosts with the trace of the run that never stopped', async () => {
    const { playground, simulation } = await start(LocalHost.factory(swarmStateMachine));
    await eventfulRun(playground);
    const save = await simulation.snapshot();

    const { factory, builds } = recordingFactory();
    const restored = await Coordinator.restore(
      save,
      factory,
      swarmStateMachine,
      LocalHost.factory(swarmStateMachine),
    );
    // Every machine that runs came over to the run's factory, from its exported state, and
    // where its role puts it; none was built from its disk (no restart).
    const running = restored.status().filter((machine) => machine.daemon === 'running');
    expect(builds.filter((build) => build.kind === 'disk')).toEqual([]);
    expect(builds.map((build) => build.hostname).sort()).toEqual(
      running.map((machine) => machine.hostname).sort(),
    );
    for (const machine of running) {
      const build = builds.find((candidate) => candidate.hostname === machine.hostname);
      expect(build?.placement, machine.hostname).toBe(machine.placement);
    }
    expect(restored.traceHash()).toBe(playground.view.traceHash);

    await playground.advance(60_000);
    await restored.advanceBy(60_000);
    expect(restored.traceHash()).toBe(playground.view.traceHash);
    restored.dispose();
  }, 60_000);
});

describe('a move whose new host cannot be built', () => {
  it('leaves the machine running where it was, and does not try again until the role changes', async () => {
    let attempts = 0;
    const { playground } = await start((source, placement) => {
      if (source.kind === 'moved' && placement === 'own-worker') {
        attempts++;
        throw new Error('Worker: script failed to load');
      }
      return new LocalHost(source, swarmStateMachine);
    });
    expect(
      (await docker(playground, 'manager1', 'swarm init --advertise-addr 192.168.0.11')).code,
    ).toBe(0);
    await playground.advance(30_000);
    expect(attempts).toBe(1);
    const manager1 = playground.view.machines.find((machine) => machine.hostname === 'manager1');
    expect(manager1?.thread).toBe('shared');
    expect(manager1?.daemon).toBe('running');
    expect(manager1?.raft?.role).toBe('leader');
    expect((await docker(playground, 'manager1', 'node ls')).code).toBe(0);
  }, 60_000);
});
