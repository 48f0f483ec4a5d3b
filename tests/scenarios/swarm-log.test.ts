import { describe, expect, it } from 'vitest';
import { coordinatorConfig, DEFAULT_EPOCH_MS, Playground } from '../../src/sim/playground';
import { DEFAULT_PRESET } from '../../src/sim/presets';
import { LocalSimulation } from '../../src/sim/simulation-port';
import { dockerOn as docker, startPlayground as start } from '../support/playground';

/** The swarm lines of the event log from `from` on, as `machine: text`. */
function swarmLines(playground: Playground, from = 0): string[] {
  return playground.view.events
    .filter((event) => event.kind === 'swarm-changed' && event.sequence > from)
    .map((event) => `${event.machine}: ${event.text}`);
}

function lastSequence(playground: Playground): number {
  return playground.view.events.at(-1)?.sequence ?? 0;
}

describe('event log: swarm changes', () => {
  it('tells a store change once when two leaders both tell it (leadership moved as it applied)', async () => {
    // Replays the case by hand: every store change a leader tells is told again by another
    // member with the same log index, as a new leader that applies the entry after the old one
    // told it would.
    const options = { preset: DEFAULT_PRESET, seed: 1, epochMs: DEFAULT_EPOCH_MS } as const;
    const simulation = await LocalSimulation.create(coordinatorConfig(options));
    const frame = simulation.frame.bind(simulation);
    let doubled = 0;
    simulation.frame = async () => {
      const taken = await frame();
      const events = taken.events.flatMap((event) => {
        if (event.type !== 'swarm-changed' || event.index === undefined) return [event];
        doubled++;
        return [event, { ...event, member: event.member === 1 ? 2 : 1 }];
      });
      return { ...taken, events };
    };
    const playground = await Playground.start(options, simulation);
    await playground.advance(10_000);
    expect(doubled).toBeGreaterThanOrEqual(4);
    const plain = await start(DEFAULT_PRESET);
    await plain.advance(10_000);
    expect(swarmLines(playground)).toEqual(swarmLines(plain));
    playground.dispose();
    plain.dispose();
  }, 30_000);

  it('tells the default formation once, from the leader, and a promote in one line', async () => {
    const playground = await start(DEFAULT_PRESET);
    await playground.advance(10_000);
    expect(swarmLines(playground)).toEqual([
      'manager1: swarm initialised by manager1',
      'manager1: manager1 is now the swarm leader',
      'manager1: node manager3 joined the swarm as a manager',
      'manager1: node manager2 joined the swarm as a manager',
      'manager1: node worker1 joined the swarm as a worker',
      'manager1: node worker2 joined the swarm as a worker',
    ]);
    // The Raft story is still there beside it; applied entries no longer are.
    const texts = playground.view.events.map((event) => event.text);
    expect(texts).toContain('became the Raft leader in term 1');
    expect(texts.some((text) => text.startsWith('applied log entry'))).toBe(false);

    const before = lastSequence(playground);
    expect((await docker(playground, 'manager1', 'node promote worker1')).code).toBe(0);
    await playground.advance(10_000);
    expect(swarmLines(playground, before)).toEqual(['manager1: worker1 promoted to manager']);
    playground.dispose();
  }, 30_000);

  it('tells availability, tokens, autolock, a silent worker and an unreachable manager', async () => {
    const playground = await start(DEFAULT_PRESET);
    await playground.advance(5_000);
    const before = lastSequence(playground);
    expect(
      (await docker(playground, 'manager1', 'node update --availability drain worker2')).code,
    ).toBe(0);
    expect((await docker(playground, 'manager1', 'swarm join-token --rotate worker')).code).toBe(0);
    expect((await docker(playground, 'manager1', 'swarm update --autolock=true')).code).toBe(0);
    expect((await docker(playground, 'manager1', 'swarm unlock-key --rotate')).code).toBe(0);
    await playground.setDaemon('worker2', 'stopped');
    await playground.setDaemon('manager3', 'stopped');
    await playground.advance(25_000);
    await playground.setDaemon('manager3', 'running');
    await playground.advance(5_000);
    expect(swarmLines(playground, before)).toEqual([
      'manager1: worker2 availability is now Drain',
      'manager1: worker join token rotated; the old one no longer works',
      'manager1: autolock on: a restarted manager needs the unlock key',
      'manager1: unlock key rotated',
      'manager1: manager3 is Unreachable',
      // Each heartbeat period is jittered by ±0.5 s (period.go `Choose`), so the seed picks the order.
      'manager1: worker2 is Down (no heartbeat for 15 s)',
      'manager1: manager3 is Down (no heartbeat for 15 s)',
      'manager3: swarm is locked on manager3: docker swarm unlock needs the unlock key',
    ]);
    playground.dispose();
  }, 30_000);
});
