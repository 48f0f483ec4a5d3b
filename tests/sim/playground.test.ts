import { describe, expect, it } from 'vitest';
import { ConnectionError } from '../../src/api/errors';
import { neverCancelled } from '../../src/lib/cancel';
import type { RpcView } from '../../src/sim/read-model';
import { parseSnapshot } from '../../src/sim/coordinator';
import { Playground, type PlaygroundSave } from '../../src/sim/playground';
import { swarmStateMachine } from '../../src/swarm/node/state-machine';
import { PRESETS } from '../../src/sim/presets';
import {
  dockerOn,
  reloadPlayground as reload,
  startPlayground as start,
} from '../support/playground';

function leaderOf(playground: Playground): string | undefined {
  return playground.view.machines.find((machine) => machine.raft?.role === 'leader')?.hostname;
}

describe('Playground', () => {
  it.each(PRESETS.map((preset) => [preset.id, preset.machines.length] as const))(
    'preset %s has %d machines with stable addresses',
    async (preset, count) => {
      const view = (await start(preset)).view;
      expect(view.machines).toHaveLength(count);
      for (const machine of view.machines) {
        const index = Number(/\d+$/.exec(machine.hostname)?.[0]);
        const base = machine.intendedRole === 'manager' ? 10 : 20;
        expect(machine.address).toBe(`192.168.0.${base + index}`);
        expect(machine.hostname.startsWith(machine.intendedRole)).toBe(true);
      }
    },
  );

  it('elects a leader among the managers on its own, with swarmkit timing', async () => {
    // The preset forms its swarm on load (swarm init, then joins), so a leader is there at once.
    const playground = await start('3m2w');
    expect(leaderOf(playground)).toBeDefined();
    await playground.advance(25_000);
    const leader = leaderOf(playground);
    expect(leader).toMatch(/^manager[123]$/);
    expect(playground.view.events.some((event) => event.text.startsWith('became the Raft'))).toBe(
      true,
    );
    const workers = playground.view.machines.filter((m) => m.intendedRole === 'worker');
    expect(workers.every((worker) => worker.raft === null)).toBe(true);
  });

  it('tells each Raft configuration change once, however many managers apply it', async () => {
    const playground = await start('7m3w');
    await playground.advance(30_000);
    const lines = playground.view.events
      .filter((event) => event.kind === 'membership-applied')
      .map((event) => event.text);
    // manager2 … manager7 joined one by one: six changes, each told once, in order.
    const managers = (count: number): string =>
      Array.from({ length: count }, (_, i) => `manager${i + 1}`).join(', ');
    expect(lines).toEqual([2, 3, 4, 5, 6, 7].map((n) => `Raft membership is now ${managers(n)}`));
  });

  it('runs no Raft in the no-swarm preset', async () => {
    const playground = await start('no-swarm');
    await playground.advance(30_000);
    expect(playground.view.machines.every((machine) => machine.raft === null)).toBe(true);
    expect(playground.view.machines.every((machine) => machine.swarmRole === null)).toBe(true);
  });

  it('elects a new leader after the leader daemon stops, and logs it', async () => {
    const playground = await start('3m2w', 4);
    await playground.advance(25_000);
    const first = leaderOf(playground);
    if (first === undefined) throw new Error('no first leader');
    await playground.setDaemon(first, 'stopped');
    expect(playground.view.events.at(-1)?.text).toBeDefined();
    await playground.advance(25_000);
    const second = leaderOf(playground);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const stopped = playground.view.machines.find((m) => m.hostname === first);
    expect(stopped).toMatchObject({ daemon: 'stopped', raft: null });
    expect(
      playground.view.events.some((e) => e.machine === first && e.text === 'docker daemon stopped'),
    ).toBe(true);
  });

  it('answers nothing from a stopped daemon, as a closed docker.sock', async () => {
    const playground = await start('1m2w');
    await expect(playground.engine('worker1').ping()).resolves.toMatchObject({
      swarm: 'active/worker',
    });
    await playground.setDaemon('worker1', 'stopped');
    await expect(playground.engine('worker1').ping()).rejects.toBeInstanceOf(ConnectionError);
  });

  it('batches the RPCs of each frame for the graph', async () => {
    const playground = await start('3m2w');
    const batches: (readonly RpcView[])[] = [];
    playground.subscribeRpcs((rpcs) => batches.push(rpcs));
    await playground.advance(25_000);
    expect(batches).toHaveLength(1);
    const kinds = new Set(batches[0]?.map((rpc) => rpc.kind));
    expect(kinds.has('MsgHeartbeat')).toBe(true);
  });

  it('adds up advances asked for while one runs, and runs them next', async () => {
    const playground = await start('3m2w');
    const startMs = playground.view.timeMs;
    const first = playground.advance(1000);
    expect(playground.busy).toBe(true);
    const second = playground.advance(2000);
    await Promise.all([first, second]);
    expect(playground.view.timeMs).toBe(startMs + 3000);
    expect(playground.busy).toBe(false);
  });

  it('resolves an advance once its time is reached, while play keeps adding more', async () => {
    const playground = await start('3m2w');
    const startMs = playground.view.timeMs;
    // The page adds a frame's time at every frame; on a big lab a step outlasts a frame, so
    // there is always more pending. Stop after 200 frames so that a wrong wait still ends.
    let added = 0;
    const unsubscribe = playground.subscribe(() => {
      if (added >= 200) return;
      added++;
      void playground.advance(50);
    });
    await playground.advance(1000);
    const addedWhenResolved = added;
    unsubscribe();
    expect(playground.view.timeMs).toBeGreaterThanOrEqual(startMs + 1000);
    expect(addedWhenResolved).toBeLessThan(200);
    // An input goes in between two steps, not after the whole queue.
    await playground.partition([['manager1'], ['manager2', 'manager3', 'worker1', 'worker2']]);
    expect(playground.view.partition).not.toBeNull();
  });

  it('keeps the machines list when only time moves', async () => {
    const playground = await start('no-swarm');
    const before = playground.view.machines;
    await playground.advance(5000);
    expect(playground.view.machines).toBe(before);
    await playground.setDaemon('worker2', 'stopped');
    expect(playground.view.machines).not.toBe(before);
  });

  it('report the virtual wall clock and a per-seed engine ID', async () => {
    const a = await start('no-swarm', 5);
    const b = await start('no-swarm', 5);
    const c = await start('no-swarm', 6);
    await a.advance(1_250);
    const info = await a.engine('manager1').info();
    expect(info.SystemTime).toBe('2026-11-25T09:00:01.25Z');
    expect(info.Name).toBe('manager1');
    expect(info.ID).toBe((await b.engine('manager1').info()).ID);
    expect(info.ID).not.toBe((await c.engine('manager1').info()).ID);
  });

  it('writes each input down before it shows its effect, so a reload keeps it', async () => {
    const playground = await start('3m2w', 4);
    await playground.advance(5_000);
    const { saves, release } = holdSaves(playground);
    const shownAtMs = playground.view.timeMs;
    let answered = false;
    const update = dockerOn(playground, 'manager1', 'node update --label-add keep=me worker1');
    void update.then(() => {
      answered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The save is held back: no answer, and no frame of the time that ran since the call.
    expect(answered).toBe(false);
    expect(playground.view.timeMs).toBe(shownAtMs);
    release();
    expect(await update).toEqual({ stdout: 'worker1\n', stderr: '', code: 0 });
    // Two calls, two saves: `node update` inspects the node, then updates it.
    expect(saves).toHaveLength(2);

    // A reload straight after the answer restores the save, whose replay makes the call again.
    const save = saves[1];
    if (save === undefined) throw new Error('two saves');
    const restored = await reload(playground.options, save);
    const labels = await dockerOn(restored, 'manager1', [
      'node',
      'inspect',
      '--format',
      '{{json .Spec.Labels}}',
      'worker1',
    ]);
    expect(labels.stdout).toBe('{"keep":"me"}\n');
  });

  it('restores a saved run to the same cluster and trace', async () => {
    const playground = await start('3m2w', 9);
    await playground.advance(20_000);
    await playground.setDaemon('manager2', 'stopped');
    await playground.advance(15_000);
    const restored = await reload(playground.options, await playground.snapshot());
    expect(restored.view.timeMs).toBe(playground.view.timeMs);
    expect(restored.view.traceHash).toBe(playground.view.traceHash);
    expect(restored.view.machines).toEqual(playground.view.machines);
    await Promise.all([playground.advance(30_000), restored.advance(30_000)]);
    expect(restored.view.traceHash).toBe(playground.view.traceHash);
  });

  it('reloads from a checkpoint to the same cluster, event log and partition', async () => {
    const playground = await start('3m2w', 12);
    await playground.advance(70_000);
    await playground.partition([
      ['manager1', 'worker1'],
      ['manager2', 'manager3', 'worker2'],
    ]);
    await playground.advance(30_000);
    // A minute has passed: this save takes a checkpoint, and the next holds the inputs since.
    const first = checkpointOf(await playground.snapshot());
    expect(first?.nowMs).toBe(playground.view.timeMs);
    await playground.heal();
    await playground.setDaemon('manager2', 'stopped');
    await playground.advance(20_000);
    const saved = await playground.snapshot();
    expect(checkpointOf(saved)).toEqual(first);
    const restored = await reload(playground.options, saved);
    expect(restored.view.timeMs).toBe(playground.view.timeMs);
    expect(restored.view.traceHash).toBe(playground.view.traceHash);
    expect(restored.view.machines).toEqual(playground.view.machines);
    expect(restored.view.events).toEqual(playground.view.events);
    expect(restored.view.events.map((event) => event.kind)).toContain('network-partitioned');
    expect(restored.view.partition).toBeNull();
    await Promise.all([playground.advance(30_000), restored.advance(30_000)]);
    expect(restored.view.traceHash).toBe(playground.view.traceHash);
    expect(restored.view.events).toEqual(playground.view.events);

    // The graph's partition is the playground's own, and a save keeps it too.
    await playground.partition([['manager1'], ['manager3']]);
    const partitioned = await reload(playground.options, await playground.snapshot());
    expect(partitioned.view.partition).toEqual([['manager1'], ['manager3']]);
  });

  it("a save's event log holds the frames that wait for it", async () => {
    const playground = await start('3m2w', 14);
    await playground.advance(70_000);
    const { saves, release } = holdSaves(playground);
    // The stop's frame drains the trace, then waits for the save: the save must count it read.
    const stopping = playground.setDaemon('manager2', 'stopped');
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await stopping;
    const save = saves[0];
    if (save === undefined) throw new Error('the stop is saved');
    expect(checkpointOf(save)?.nowMs).toBe(playground.view.timeMs);
    const restored = await reload(playground.options, save);
    expect(restored.view.events).toEqual(playground.view.events);
    expect(restored.view.events.at(-1)?.machine).toBe('manager2');
  });

  it('takes no checkpoint while a call waits for its answer', async () => {
    const playground = await start('3m2w', 13);
    await playground.advance(70_000);
    const leader = leaderOf(playground);
    const [left, other] = ['manager1', 'manager2', 'manager3'].filter((name) => name !== leader);
    if (leader === undefined || left === undefined || other === undefined) {
      throw new Error('3m2w elects a leader');
    }
    await playground.setDaemon(leader, 'stopped');
    await playground.setDaemon(other, 'stopped');
    // Its leader gone, `docker node ls` waits for an answer (up to 20 s) before it gives up.
    const listing = playground.call(left, { op: 'nodeList', filters: {} });
    await playground.advance(2_000);
    const waiting = await playground.snapshot();
    expect(checkpointOf(waiting)).toBeNull();
    await playground.advance(25_000);
    expect((await listing).status).toBe('error');
    const answered = await playground.snapshot();
    expect(checkpointOf(answered)?.nowMs).toBe(playground.view.timeMs);
    // A reload of the save taken while the call waited replays the call, and the rest.
    const restored = await reload(playground.options, waiting);
    expect(restored.view.traceHash).toBe(traceHashOf(waiting));
  });
});

/**
 * Has `playground` save after every input, as the page does, but holds the saves back until
 * `release`; `saves` collects them in order.
 */
function holdSaves(playground: Playground): { saves: PlaygroundSave[]; release: () => void } {
  const saves: PlaygroundSave[] = [];
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  playground.persistInputs(async () => {
    await gate;
    saves.push(await playground.snapshot());
  });
  return { saves, release };
}

/** The checkpoint in a playground save, as the simulation wrote it. */
function checkpointOf(save: PlaygroundSave): { readonly nowMs: number } | null {
  return parseSnapshot(save.simulation, swarmStateMachine.isPayload).checkpoint;
}

function traceHashOf(save: PlaygroundSave): string {
  return parseSnapshot(save.simulation, swarmStateMachine.isPayload).trace.hash;
}

describe('Playground machines', () => {
  it('adds a machine outside any swarm that can join, and removes one', async () => {
    const playground = await start('no-swarm', 3);
    const added = await playground.addMachine('worker');
    expect(added).toEqual({ hostname: 'worker3' });
    expect(playground.hostnames()).toContain('worker3');
    const view = playground.view.machines.find((m) => m.hostname === 'worker3');
    expect(view).toMatchObject({
      address: '192.168.0.23',
      intendedRole: 'worker',
      swarmRole: null,
    });
    await expect(playground.engine('worker3').ping()).resolves.toMatchObject({ swarm: 'inactive' });
    expect(await playground.removeMachine('worker1')).toEqual({ removed: true });
    expect(playground.hostnames()).not.toContain('worker1');
    expect(await playground.removeMachine('worker1')).toEqual({
      error: 'no machine named worker1',
    });
  });

  it("gives a removed machine's name and address to the next machine added, which can join", async () => {
    // 1m2w forms its swarm on load; worker2 leaves the lab for good, and "+ worker" adds a new
    // worker2 (before, this tripped the coordinator's "hostname worker2 is taken" assertion).
    const playground = await start('1m2w', 5);
    await playground.advance(5_000);
    expect(await playground.removeMachine('worker2')).toEqual({ removed: true });
    await playground.advance(5_000);
    expect(await playground.addMachine('worker')).toEqual({ hostname: 'worker2' });
    const fresh = playground.view.machines.find((m) => m.hostname === 'worker2');
    expect(fresh).toMatchObject({ address: '192.168.0.22', swarmRole: null, daemon: 'running' });
    const swarm = await playground.engine('manager1').swarmInspect(neverCancelled);
    const request = {
      ListenAddr: '0.0.0.0:2377',
      AdvertiseAddr: '',
      DataPathAddr: '',
      RemoteAddrs: ['192.168.0.11:2377'],
      JoinToken: swarm.JoinTokens.Worker,
      Availability: 'active',
    } as const;
    const joined = playground.engine('worker2').swarmJoin({ request }, neverCancelled);
    await playground.advance(5_000);
    await expect(joined).resolves.toBeUndefined();
    await playground.advance(10_000);
    // The swarm has two nodes named worker2, as a real one would: the old one Down, the new one
    // Ready.
    const nodes = await playground.engine('manager1').nodeList({ filters: {} }, neverCancelled);
    const states = nodes
      .filter((node) => node.Description.Hostname === 'worker2')
      .map((node) => node.Status.State)
      .sort();
    expect(states).toEqual(['down', 'ready']);
    // And a save of all this replays.
    const restored = await reload(playground.options, await playground.snapshot());
    expect(restored.view.traceHash).toBe(playground.view.traceHash);
  });

  it('replays added machines from a save', async () => {
    const playground = await start('1m2w', 4);
    await playground.advance(5_000);
    await playground.addMachine('manager');
    await playground.advance(5_000);
    const restored = await reload(playground.options, await playground.snapshot());
    expect(restored.hostnames()).toEqual(playground.hostnames());
    expect(restored.view.traceHash).toBe(playground.view.traceHash);
  });
});
