import type { Entry, EntryData, HardState, SnapshotMetadata, StorageData } from '../../raft';
import type { DiskKey } from '../../machine-api';
import { decodeBase64, encodeBase64 } from '../../lib/base64';
import { countersNonce, decodeText, encodeText, open, seal } from '../../lib/crypto';

/**
 * A manager's Raft storage as it rests on disk (swarmkit `manager/state/raft/storage`: its WAL
 * and snapshots go through an encrypter): each entry's data and the snapshot's data are sealed
 * with AES-GCM under the manager's DEK; the indexes, terms, hard state and the snapshot's
 * metadata stay readable, as swarmkit's WAL records keep them. The DEK rests beside it, in
 * clear or wrapped by the KEK.
 */
export interface SealedStorageData {
  readonly dek: RestingDek;
  readonly hardState: HardState;
  readonly snapshot: { readonly metadata: SnapshotMetadata; readonly data: string };
  readonly offsetIndex: number;
  readonly offsetTerm: number;
  readonly entries: readonly SealedEntry[];
}

/** One log entry at rest: its place in the log, and its data sealed (base64). */
export interface SealedEntry {
  readonly index: number;
  readonly term: number;
  readonly data: string;
}

/** The DEK at rest, with the nonce it is wrapped with. */
export type RestingDek =
  | { readonly clear: string; readonly nonce: string }
  | { readonly wrapped: string; readonly nonce: string };

/** What a nonce seals: one domain each, so no two kinds of plaintext ever share a nonce. */
const ENTRY_NONCE = 1;
const SNAPSHOT_NONCE = 2;

function bytes(base64: string, what: string): Uint8Array {
  const decoded = decodeBase64(base64);
  if (decoded === null) throw new Error(`${what} is not base64`);
  return decoded;
}

async function sealJson(key: Uint8Array, nonce: Uint8Array, value: unknown): Promise<string> {
  return encodeBase64(await seal(key, nonce, encodeText(JSON.stringify(value))));
}

async function openJson(key: Uint8Array, nonce: Uint8Array, sealed: string): Promise<unknown> {
  const plain = await open(key, nonce, bytes(sealed, 'a sealed record'));
  // The DEK opened, so a record that does not is a disk that was changed under us.
  if (plain === null) throw new Error('a sealed Raft record fails its authentication');
  return JSON.parse(decodeText(plain));
}

/** The nonce of entry `index` of `term`: an entry is named by both (Log Matching). */
export function entryNonce(entry: Pick<Entry<unknown>, 'index' | 'term'>): Uint8Array {
  return countersNonce(ENTRY_NONCE, entry.term, entry.index);
}

/** Seals one entry's data under `dek`. */
export async function sealEntry<P>(dek: Uint8Array, entry: Entry<P>): Promise<SealedEntry> {
  return {
    index: entry.index,
    term: entry.term,
    data: await sealJson(dek, entryNonce(entry), entry.data),
  };
}

async function restingDek(key: DiskKey): Promise<RestingDek> {
  if (key.kek === null) return { clear: key.dek, nonce: key.nonce };
  const wrapped = await seal(
    bytes(key.kek, 'a KEK'),
    bytes(key.nonce, 'a nonce'),
    bytes(key.dek, 'a DEK'),
  );
  return { wrapped: encodeBase64(wrapped), nonce: key.nonce };
}

/** The storage as it rests on disk under `key`. */
export async function sealStorage<P, S>(
  data: StorageData<P, S>,
  key: DiskKey,
): Promise<SealedStorageData> {
  const dek = bytes(key.dek, 'a DEK');
  const { metadata } = data.snapshot;
  const [resting, snapshotData, entries] = await Promise.all([
    restingDek(key),
    sealJson(dek, countersNonce(SNAPSHOT_NONCE, metadata.term, metadata.index), data.snapshot.data),
    Promise.all(data.entries.map((entry) => sealEntry(dek, entry))),
  ]);
  return {
    dek: resting,
    hardState: data.hardState,
    snapshot: { metadata, data: snapshotData },
    offsetIndex: data.offsetIndex,
    offsetTerm: data.offsetTerm,
    entries,
  };
}

/** Whether only a KEK opens this storage: a manager that rests so comes up locked. */
export function needsKek(sealed: SealedStorageData): boolean {
  return 'wrapped' in sealed.dek;
}

/** The last index the sealed log holds, readable without the key. */
export function sealedLastIndex(sealed: SealedStorageData): number {
  return sealed.entries.at(-1)?.index ?? sealed.snapshot.metadata.index;
}

/**
 * Opens sealed storage: with `kek` when the DEK is wrapped. Null when the DEK does not open
 * (no KEK given, or the wrong one). The records are our own, sealed by `sealStorage`; once their
 * tags match they are exactly the data that was sealed, so they are taken as that type.
 */
export async function openStorage<P, S>(
  sealed: SealedStorageData,
  kek: string | null,
): Promise<{ readonly data: StorageData<P, S>; readonly key: DiskKey } | null> {
  const resting = sealed.dek;
  let dekBase64: string;
  if ('clear' in resting) {
    dekBase64 = resting.clear;
  } else {
    if (kek === null) return null;
    const unwrapped = await open(
      bytes(kek, 'a KEK'),
      bytes(resting.nonce, 'a nonce'),
      bytes(resting.wrapped, 'a wrapped DEK'),
    );
    if (unwrapped === null) return null;
    dekBase64 = encodeBase64(unwrapped);
  }
  const dek = bytes(dekBase64, 'a DEK');
  const { metadata } = sealed.snapshot;
  const [snapshotData, entries] = await Promise.all([
    openJson(
      dek,
      countersNonce(SNAPSHOT_NONCE, metadata.term, metadata.index),
      sealed.snapshot.data,
    ),
    Promise.all(
      sealed.entries.map(async (entry): Promise<Entry<P>> => ({
        index: entry.index,
        term: entry.term,
        data: (await openJson(dek, entryNonce(entry), entry.data)) as EntryData<P>,
      })),
    ),
  ]);
  return {
    data: {
      hardState: sealed.hardState,
      snapshot: { metadata, data: snapshotData as S },
      offsetIndex: sealed.offsetIndex,
      offsetTerm: sealed.offsetTerm,
      entries,
    },
    key: { dek: dekBase64, kek: 'clear' in resting ? null : kek, nonce: resting.nonce },
  };
}
