import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../../src/lib/base64';
import type { StorageData } from '../../../src/raft';
import type { DiskKey } from '../../../src/machine-api';
import {
  needsKek,
  openStorage,
  sealStorage,
  sealedLastIndex,
} from '../../../src/sim/machine/sealed-storage';

type Payload = { readonly secret: string };
type State = { readonly secrets: readonly string[] };

const bytes = (seed: number, count: number): string =>
  encodeBase64(new Uint8Array(count).map((_, i) => (seed * 31 + i * 7) & 0xff));

const storage: StorageData<Payload, State> = {
  hardState: { term: 3, vote: 1, commit: 5 },
  snapshot: {
    metadata: { index: 2, term: 1, voters: [1, 2, 3] },
    data: { secrets: ['snap-plaintext'] },
  },
  offsetIndex: 2,
  offsetTerm: 1,
  entries: [
    { index: 3, term: 2, data: { type: 'normal', payload: { secret: 'entry-plaintext' } } },
    { index: 4, term: 3, data: { type: 'empty' } },
    {
      index: 5,
      term: 3,
      data: { type: 'conf-change', change: { kind: 'add-voter', nodeId: 4 }, voters: [1, 2, 3, 4] },
    },
  ],
};

const clearKey: DiskKey = { dek: bytes(1, 32), kek: null, nonce: bytes(2, 12) };
const lockedKey: DiskKey = { ...clearKey, kek: bytes(3, 32) };

describe('sealed Raft storage', () => {
  it('keeps indexes, terms and the hard state readable, and no plaintext', async () => {
    const sealed = await sealStorage(storage, clearKey);
    const text = JSON.stringify(sealed);
    expect(text).not.toContain('plaintext');
    expect(text).not.toContain(encodeBase64(new TextEncoder().encode('entry-plaintext')));
    expect(sealed.entries.map((entry) => [entry.index, entry.term])).toEqual([
      [3, 2],
      [4, 3],
      [5, 3],
    ]);
    expect(sealed.hardState).toEqual(storage.hardState);
    expect(sealedLastIndex(sealed)).toBe(5);
    expect(needsKek(sealed)).toBe(false);
  });

  it('opens with a DEK in clear, to exactly what was sealed', async () => {
    const opened = await openStorage<Payload, State>(await sealStorage(storage, clearKey), null);
    expect(opened?.data).toEqual(storage);
    expect(opened?.key).toEqual(clearKey);
  });

  it('under autolock rests the DEK wrapped: no key, or the wrong one, opens nothing', async () => {
    const sealed = await sealStorage(storage, lockedKey);
    expect(needsKek(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain(lockedKey.dek);
    expect(JSON.stringify(sealed)).not.toContain(lockedKey.kek ?? '');
    expect(await openStorage(sealed, null)).toBeNull();
    expect(await openStorage(sealed, bytes(4, 32))).toBeNull();
    const opened = await openStorage<Payload, State>(sealed, lockedKey.kek);
    expect(opened?.data).toEqual(storage);
    expect(opened?.key).toEqual(lockedKey);
  });

  it('seals one entry to the same bytes whenever it is sealed again', async () => {
    const first = await sealStorage(storage, clearKey);
    const again = await sealStorage({ ...storage, entries: storage.entries.slice(0, 1) }, clearKey);
    expect(again.entries[0]).toEqual(first.entries[0]);
  });

  it('fails loudly on a sealed entry that was changed', async () => {
    const sealed = await sealStorage(storage, clearKey);
    const entry = sealed.entries[0];
    if (entry === undefined) throw new Error('no entry');
    const tampered = { ...sealed, entries: [{ ...entry, term: 9 }, ...sealed.entries.slice(1)] };
    await expect(openStorage(tampered, null)).rejects.toThrow(/authentication/);
  });
});
