import { describe, expect, it } from 'vitest';
import { ConnectionError } from '../../src/api/errors';
import { DEFAULT_EPOCH_MS, EVENT_LOG_CAPACITY, Playground } from '../../src/sim/playground';
import { PRESETS } from '../../src/sim/presets';

describe('Playground', () => {
  it.each(PRESETS.map((preset) => [preset.id, preset.machines.length] as const))(
    'preset %s has %d machines with stable addresses',
    (preset, count) => {
      const view = new Playground({ preset, seed: 1, epochMs: DEFAULT_EPOCH_MS }).view;
      expect(view.machines).toHaveLength(count);
      for (const machine of view.machines) {
        const index = Number(/\d+$/.exec(machine.hostname)?.[0]);
        const base = machine.intendedRole === 'manager' ? 10 : 20;
        expect(machine.address).toBe(`192.168.0.${base + index}`);
        expect(machine.hostname.startsWith(machine.intendedRole)).toBe(true);
      }
    },
  );

  it('moves virtual time only forward and tells listeners', () => {
    const playground = new Playground({ preset: '1m2w', seed: 1, epochMs: DEFAULT_EPOCH_MS });
    const seen: number[] = [];
    playground.subscribe((view) => seen.push(view.timeMs));
    playground.advance(1500);
    playground.advance(0);
    playground.advance(500);
    expect(seen).toEqual([1500, 2000]);
    expect(() => {
      playground.advance(-1);
    }).toThrow();
  });

  it('answers nothing from a stopped daemon, as a closed docker.sock', async () => {
    const playground = new Playground({ preset: '1m2w', seed: 1, epochMs: DEFAULT_EPOCH_MS });
    await expect(playground.engine('worker1').ping()).resolves.toMatchObject({ swarm: 'inactive' });
    playground.setDaemon('worker1', 'stopped');
    await expect(playground.engine('worker1').ping()).rejects.toBeInstanceOf(ConnectionError);
    expect(playground.view.machines.find((m) => m.hostname === 'worker1')?.daemon).toBe('stopped');
    expect(playground.view.events.at(-1)).toMatchObject({
      kind: 'daemon-stopped',
      machine: 'worker1',
      text: 'docker daemon stopped',
    });
  });

  it('keeps a bounded event log with increasing sequence numbers', () => {
    const playground = new Playground({ preset: '1m2w', seed: 1, epochMs: DEFAULT_EPOCH_MS });
    for (let i = 0; i < EVENT_LOG_CAPACITY; i++) {
      playground.setDaemon('worker2', i % 2 === 0 ? 'stopped' : 'running');
    }
    const events = playground.view.events;
    expect(events).toHaveLength(EVENT_LOG_CAPACITY);
    for (let i = 1; i < events.length; i++) {
      expect(events[i]?.sequence).toBe((events[i - 1]?.sequence ?? 0) + 1);
    }
  });
});

describe('Playground daemons', () => {
  it('report the virtual wall clock and a per-seed engine ID', async () => {
    const a = new Playground({ preset: '1m2w', seed: 5, epochMs: DEFAULT_EPOCH_MS });
    const b = new Playground({ preset: '1m2w', seed: 5, epochMs: DEFAULT_EPOCH_MS });
    const c = new Playground({ preset: '1m2w', seed: 6, epochMs: DEFAULT_EPOCH_MS });
    a.advance(1_250);
    const info = await a.engine('manager1').info();
    expect(info.SystemTime).toBe('2026-11-25T09:00:01.25Z');
    expect(info.Name).toBe('manager1');
    expect(info.ID).toBe((await b.engine('manager1').info()).ID);
    expect(info.ID).not.toBe((await c.engine('manager1').info()).ID);
    expect(info.ID).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('Playground view', () => {
  it('keeps the machines list when only time moves, and renews it when a machine changes', () => {
    const playground = new Playground({ preset: '3m2w', seed: 1, epochMs: DEFAULT_EPOCH_MS });
    const first = playground.view.machines;
    playground.advance(1000);
    expect(playground.view.machines).toBe(first);
    playground.setDaemon('manager2', 'stopped');
    expect(playground.view.machines).not.toBe(first);
  });
});
