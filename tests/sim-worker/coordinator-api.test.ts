import { describe, expect, it } from 'vitest';
import { swarmStateMachine } from '../../src/swarm/node/state-machine';
import { LocalHost } from '../../src/sim/machine';
import { createCoordinatorWorkerApi } from '../../src/sim-worker/coordinator-api';
import { openCheckpoint } from '../../src/sim-worker/saved-checkpoint';
import { MemoryCheckpoints, storedTexts } from '../support/memory-saves';

const machines = [1, 2, 3].map((i) => ({
  hostname: `manager${i}`,
  address: `192.168.0.${10 + i}`,
  role: 'manager' as const,
}));

function newApi(store = new MemoryCheckpoints()) {
  return { api: createCoordinatorWorkerApi(LocalHost.factory(swarmStateMachine), store), store };
}

describe('coordinator worker API', () => {
  it('serves one frame per call and restores a save to the same hash', async () => {
    const { api } = newApi();
    await api.create({ machines, seed: 9, epochMs: 0 });
    await api.advanceBy(25_000);
    const frame = api.frame();
    expect(frame.nowMs).toBe(25_000);
    expect(frame.events.length).toBeGreaterThan(0);
    expect(frame.rpcs.length).toBeGreaterThan(0);
    expect(api.frame().events).toEqual([]);
    const saved = structuredClone(await api.snapshot());
    api.dispose();
    await api.restore(saved);
    expect(api.frame().traceHash).toBe(saved.trace.hash);
    api.dispose();
  });

  it('writes each checkpoint once, apart from the heads that name it', async () => {
    const { api, store } = newApi();
    await api.create({ machines, seed: 9, epochMs: 0 });
    await api.advanceBy(30_000);
    // Before a virtual minute: no checkpoint, nothing written apart.
    expect((await api.save()).checkpoint).toBeNull();
    expect(store.writes).toBe(0);
    await api.advanceBy(40_000);
    const first = await api.save();
    expect(first.checkpoint?.nowMs).toBe(70_000);
    expect(first.checkpoint?.id).toMatch(/-70000-/);
    expect(store.writes).toBe(1);
    await api.advanceBy(5_000);
    const second = await api.save();
    expect(second.checkpoint).toEqual(first.checkpoint);
    expect(second.inputs.length).toBeGreaterThan(0);
    expect(store.writes).toBe(1);
    // The next checkpoint is written beside the first, which the page's last head still names.
    await api.advanceBy(60_000);
    const third = await api.save();
    expect(third.checkpoint?.id).not.toBe(first.checkpoint?.id);
    expect(store.writes).toBe(2);
    expect([...store.records.keys()]).toEqual([first.checkpoint?.id, third.checkpoint?.id]);
    api.dispose();

    await api.restoreSaved(structuredClone(third));
    expect(api.frame().traceHash).toBe(third.trace.hash);
    // A restored run does not write its checkpoint again.
    await api.advanceBy(1_000);
    expect((await api.save()).checkpoint).toEqual(third.checkpoint);
    expect(store.writes).toBe(2);
    api.dispose();
  });

  it('refuses a head whose checkpoint is missing or another one', async () => {
    const { api, store } = newApi();
    await api.create({ machines, seed: 9, epochMs: 0 });
    await api.advanceBy(65_000);
    const head = structuredClone(await api.save());
    await api.advanceBy(60_000);
    await api.save();
    await api.advanceBy(60_000);
    const later = structuredClone(await api.save());
    api.dispose();
    // The first checkpoint was dropped when the one after the next was written.
    expect(store.records.size).toBe(2);
    await expect(api.restoreSaved(head)).rejects.toThrow(
      "the save's checkpoint is missing from the browser's storage",
    );
    const id = head.checkpoint?.id ?? '';
    const other = store.records.get(later.checkpoint?.id ?? '');
    if (typeof other !== 'object' || other === null) throw new Error('no later checkpoint');
    store.records.set(id, { ...other, id });
    await expect(api.restoreSaved(head)).rejects.toThrow(
      'the stored checkpoint belongs to another save',
    );
    store.records.set(id, 'garbage');
    await expect(api.restoreSaved(head)).rejects.toThrow("the save's checkpoint is unreadable");
    store.records.set(id, { id, checkpoint: 'garbage' });
    await expect(api.restoreSaved(head)).rejects.toThrow(
      'the saved state is corrupt (it is not sealed)',
    );
    await expect(api.restoreSaved({ ...head, checkpoint: { id: 7 } })).rejects.toThrow(
      "the save's reference to its checkpoint is unreadable",
    );
  });

  it('seals each checkpoint it writes, and refuses one whose bytes changed', async () => {
    const { api, store } = newApi();
    await api.create({ machines, seed: 9, epochMs: 0 });
    await api.advanceBy(65_000);
    const head = structuredClone(await api.save());
    api.dispose();
    const id = head.checkpoint?.id ?? '';
    const record = store.records.get(id);
    if (!isSealedCheckpoint(record)) throw new Error('the checkpoint is not stored sealed');
    expect(record.id).toBe(id);
    // Its machines' names are in the checkpoint, and not in clear in what is stored.
    expect(JSON.stringify(await openCheckpoint(record))).toContain('manager1');
    expect(storedTexts(record).some((text) => text.includes('manager1'))).toBe(false);

    const flipped = structuredClone(record);
    flipped.checkpoint.sealed[100] = (flipped.checkpoint.sealed[100] ?? 0) ^ 1;
    store.records.set(id, flipped);
    await expect(api.restoreSaved(head)).rejects.toThrow(
      'the saved state is corrupt (it fails authentication)',
    );
    store.records.set(id, record);
    await api.restoreSaved(head);
    expect(api.frame().traceHash).toBe(head.trace.hash);
    api.dispose();
  });
});

interface SealedCheckpoint {
  id: string;
  checkpoint: { sealed: Uint8Array };
}

function isSealedCheckpoint(value: unknown): value is SealedCheckpoint {
  if (typeof value !== 'object' || value === null) return false;
  const checkpoint: unknown = Reflect.get(value, 'checkpoint');
  return (
    typeof Reflect.get(value, 'id') === 'string' &&
    typeof checkpoint === 'object' &&
    checkpoint !== null &&
    Reflect.get(checkpoint, 'sealed') instanceof Uint8Array
  );
}
