import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../src/lib/base64';
import { encodeText } from '../../src/lib/crypto';
import { DEFAULT_EPOCH_MS, Playground, coordinatorConfig } from '../../src/sim/playground';
import { LocalSimulation } from '../../src/sim/simulation-port';
import { dockerOn as docker } from '../support/playground';

describe("the graph's view of a manager's Raft log", () => {
  it('shows a secret entry as ciphertext, and a stopped manager’s log as sealed only', async () => {
    const options = { preset: '3m2w' as const, seed: 3, epochMs: DEFAULT_EPOCH_MS };
    const simulation = await LocalSimulation.create(coordinatorConfig(options));
    const playground = await Playground.start(options, simulation);
    await playground.advance(10_000);
    const plaintext = 'view-me-never';
    await docker(playground, 'manager1', 'secret create shown -', { stdin: plaintext });
    await playground.advance(2_000);

    const open = await playground.raftLog('manager2');
    expect(open?.state).toBe('open');
    const secretEntries = open?.entries.filter((entry) => entry.secret) ?? [];
    expect(secretEntries.map((entry) => entry.what)).toEqual(['create secret']);
    expect(secretEntries[0]?.sealedHex).toMatch(/^[0-9a-f]{24}$/);
    // Newest first, each with its place in the log.
    const indexes = open?.entries.map((entry) => entry.index) ?? [];
    expect(indexes).toEqual([...indexes].sort((a, b) => b - a));
    expect(indexes[0]).toBe(open?.lastIndex);
    const text = JSON.stringify(open);
    expect(text).not.toContain(plaintext);
    expect(text).not.toContain(encodeBase64(encodeText(plaintext)));

    // Another manager seals the same entry under its own data key.
    const other = await playground.raftLog('manager3');
    const same = other?.entries.find((entry) => entry.index === secretEntries[0]?.index);
    expect(same?.sealedHex).not.toBe(secretEntries[0]?.sealedHex);

    await playground.setDaemon('manager2', 'stopped');
    await playground.advance(1_000);
    const sealed = await playground.raftLog('manager2');
    expect(sealed?.state).toBe('sealed');
    expect(sealed?.entries.every((entry) => entry.what === null)).toBe(true);
    expect(
      sealed?.entries.find((entry) => entry.index === secretEntries[0]?.index)?.sealedHex,
    ).toBe(secretEntries[0]?.sealedHex);
    expect(await playground.raftLog('worker1')).toBeNull();
    playground.dispose();
  }, 30_000);
});
