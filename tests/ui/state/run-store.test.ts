import { describe, expect, it } from 'vitest';
import {
  checkSavedRun,
  FORMAT_VERSION,
  openSavedRun,
  RunStore,
  sealRun,
  type SavedRun,
} from '../../../src/ui/state/run-store';
import { MemoryRunRecords, storedTexts } from '../../support/memory-saves';

const good = { formatVersion: FORMAT_VERSION, preset: '3m2w', seed: 4, epochMs: 1, simulation: {} };

describe('checkSavedRun', () => {
  it('accepts a well-formed envelope', () => {
    expect(checkSavedRun(good)).toEqual({ kind: 'loaded', run: good });
  });

  it.each<[unknown, string]>([
    [null, 'the saved cluster is not an object'],
    ['text', 'the saved cluster is not an object'],
    [
      { ...good, formatVersion: 0 },
      `the saved cluster is from another version of the playground (format 0, this one reads ${FORMAT_VERSION})`,
    ],
    [
      // A version 1 save held its checkpoint inline; its parts are not where this one reads them.
      { ...good, formatVersion: 1 },
      `the saved cluster is from another version of the playground (format 1, this one reads 3)`,
    ],
    [
      // A version 2 save kept its inputs, secrets' data among them, in clear.
      { ...good, formatVersion: 2 },
      `the saved cluster is from another version of the playground (format 2, this one reads 3)`,
    ],
    [{ ...good, preset: '<img src=x>' }, 'the saved cluster names an unknown preset'],
    [{ ...good, seed: 1.5 }, 'the saved cluster has an invalid seed'],
    [{ ...good, epochMs: Number.NaN }, 'the saved cluster has an invalid clock'],
    [{ ...good, simulation: null }, 'the saved cluster has no simulation state'],
  ])('refuses %j', (raw, reason) => {
    expect(checkSavedRun(raw)).toEqual({ kind: 'unusable', reason });
  });
});

const run: SavedRun = {
  formatVersion: FORMAT_VERSION,
  preset: '3m2w',
  seed: 4,
  epochMs: 1,
  simulation: { inputs: [{ request: { data: 'aHVudGVyMi1wbGFpbnRleHQ=' } }] },
  playground: { eventLog: { lines: ['secret hunter2 created'] }, partition: null },
};

describe('RunStore', () => {
  it('writes the envelope in clear and the rest sealed, and reads it back equal', async () => {
    const records = new MemoryRunRecords();
    const store = new RunStore(records);
    await store.save(run);
    const texts = storedTexts(records.current);
    expect(texts).toContain('3m2w');
    for (const secret of ['aHVudGVyMi1wbGFpbnRleHQ', 'hunter2']) {
      expect(texts.some((text) => text.includes(secret))).toBe(false);
    }
    expect(await store.load()).toEqual({ kind: 'loaded', run });
    await store.clear();
    expect(await store.load()).toEqual({ kind: 'none' });
  });

  it('tells a save of another version before opening anything', async () => {
    const stored = { ...(await sealRun(run)), formatVersion: 2, sealed: 'not opened' };
    expect(await openSavedRun(stored)).toEqual({
      kind: 'unusable',
      reason:
        'the saved cluster is from another version of the playground (format 2, this one reads 3)',
    });
  });

  it('finds a changed byte, or another key, corrupt saved state', async () => {
    const stored = await sealRun(run);
    const bytes = stored.sealed.sealed.slice();
    bytes[7] = (bytes[7] ?? 0) ^ 0x80;
    const corrupt = {
      kind: 'unusable',
      reason: 'the saved state is corrupt (it fails authentication)',
    };
    expect(await openSavedRun({ ...stored, sealed: { ...stored.sealed, sealed: bytes } })).toEqual(
      corrupt,
    );
    const other = await sealRun(run);
    expect(
      await openSavedRun({ ...stored, sealed: { ...stored.sealed, key: other.sealed.key } }),
    ).toEqual(corrupt);
    // And a store that reads it says the same, for the page to start afresh.
    const records = new MemoryRunRecords();
    records.current = { ...stored, sealed: { ...stored.sealed, sealed: bytes } };
    expect(await new RunStore(records).load()).toEqual(corrupt);
  });

  it('still checks the envelope of what opens', async () => {
    const stored = await sealRun({ ...run, simulation: null });
    expect(await openSavedRun(stored)).toEqual({
      kind: 'unusable',
      reason: 'the saved cluster has no simulation state',
    });
    expect(await openSavedRun({ ...(await sealRun(run)), preset: 'nope' })).toEqual({
      kind: 'unusable',
      reason: 'the saved cluster names an unknown preset',
    });
  });
});
