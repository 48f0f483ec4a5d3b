import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH_MS, type PlaygroundSave } from '../../../src/sim/playground';
import { dockerOn, reloadPlayground, startPlayground } from '../../support/playground';

const write = { op: 'write', path: '/root/a.txt', text: 'hello\n', append: false } as const;
const read = { op: 'read', path: '/root/a.txt' } as const;

/** The types of the inputs a save holds since its checkpoint. */
function inputTypes(save: PlaygroundSave): string[] {
  const simulation: unknown = JSON.parse(JSON.stringify(save.simulation));
  if (typeof simulation !== 'object' || simulation === null || !('inputs' in simulation)) return [];
  const { inputs } = simulation;
  if (!Array.isArray(inputs)) return [];
  return inputs.map((input: unknown) =>
    typeof input === 'object' && input !== null && 'type' in input ? String(input.type) : '',
  );
}

describe('host files', () => {
  it('are per machine, and a change is an input a reload replays', async () => {
    const playground = await startPlayground('1m2w');
    expect(await playground.files('manager1', write)).toEqual({ ok: true, value: null });
    expect(await playground.files('manager1', read)).toEqual({ ok: true, value: 'hello\n' });
    expect(await playground.files('worker1', read)).toMatchObject({ ok: false, error: 'ENOENT' });
    const save = await playground.snapshot();
    expect(inputTypes(save).includes('files')).toBe(true);
    const again = await reloadPlayground(
      { preset: '1m2w', seed: 1, epochMs: DEFAULT_EPOCH_MS },
      save,
    );
    expect(await again.files('manager1', read)).toEqual({ ok: true, value: 'hello\n' });
  });

  it('go into the checkpoint and survive moves between hosts', async () => {
    const playground = await startPlayground('no-swarm');
    await playground.files('manager1', write);
    // A manager moves into a host of its own: the checkpoint below is taken from that host.
    expect((await dockerOn(playground, 'manager1', 'swarm init')).code).toBe(0);
    expect(playground.view.machines.find((m) => m.hostname === 'manager1')?.raft).not.toBeNull();
    // Time for a checkpoint, then a save that takes one: the input list starts again.
    await playground.advance(61_000);
    const save = await playground.snapshot();
    expect(JSON.stringify(save)).toContain('"checkpoint":{');
    expect(inputTypes(save).includes('files')).toBe(false);
    const options = { preset: 'no-swarm', seed: 1, epochMs: DEFAULT_EPOCH_MS } as const;
    const again = await reloadPlayground(options, save);
    expect(await again.files('manager1', read)).toEqual({ ok: true, value: 'hello\n' });
  });

  it('a save from before machines had files loads with the standard tree', async () => {
    const playground = await startPlayground('no-swarm');
    await playground.advance(61_000);
    const save = await playground.snapshot();
    const text = JSON.stringify(save);
    expect(text).not.toContain('"files"');
    const again = await reloadPlayground(
      { preset: 'no-swarm', seed: 1, epochMs: DEFAULT_EPOCH_MS },
      save,
    );
    expect(await again.files('worker1', { op: 'list', path: '/root' })).toEqual({
      ok: true,
      value: { directory: true, entries: [] },
    });
  });
});
