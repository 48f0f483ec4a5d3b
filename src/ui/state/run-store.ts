import type { PresetId } from '../../sim/read-model';
import { isPresetId } from '../../sim/presets';
import {
  CURRENT,
  openSaveDatabase,
  STORE,
  type SaveDatabase,
} from '../../sim-worker/save-database';
import { openRecord, sealRecord, type SealedRecord } from '../../sim-worker/sealed-record';

/**
 * The running cluster, saved to IndexedDB as it goes, so a reload brings back the same cluster.
 * This is the page's part of the save: the envelope, the playground's own part and the head of
 * the simulation's snapshot, written on every save. The checkpoint the head names is written by
 * the coordinator's worker, once per checkpoint, to the same database (see
 * `src/sim-worker/save-database.ts` for why it is split so); this store stays with the page,
 * which owns what it saves and when. The simulation's part is opaque here; this module checks
 * only the envelope, and the worker checks its part (and that the checkpoint is the one the
 * head names) when it restores. Bump FORMAT_VERSION whenever either changes incompatibly: an
 * old save is then refused with a clear message, never half-loaded. Version 3 seals the
 * simulation's and the playground's parts (`src/sim-worker/sealed-record.ts`: the inputs hold
 * the secrets a run created); version 2 kept them in clear, with the checkpoint apart; a
 * version 1 save held the checkpoint inline.
 */
export const FORMAT_VERSION = 3;

/** The name of the `performance.measure` of each head write, for `npm run bench:browser`. */
export const HEAD_WRITE_MEASURE = 'swarm-playground:head-write';

export interface SavedRun {
  readonly formatVersion: number;
  readonly preset: PresetId;
  readonly seed: number;
  readonly epochMs: number;
  /** The simulation's snapshot, plain data. */
  readonly simulation: unknown;
  /**
   * The playground's own part (its event log and partition), plain data; absent in a save
   * from before it was kept, which then starts a new log.
   */
  readonly playground?: unknown;
}

/**
 * A saved run as it is stored: the envelope in clear, so that a save from another version is
 * told apart before anything is opened, and the simulation's and playground's parts sealed.
 */
export interface StoredRun {
  readonly formatVersion: number;
  readonly preset: PresetId;
  readonly seed: number;
  readonly epochMs: number;
  /** `{ simulation, playground }`, sealed. */
  readonly sealed: SealedRecord;
}

/** Where the stored run is kept: one record, IndexedDB's `current` in the page. */
export interface RunRecords {
  get(): Promise<unknown>;
  put(run: StoredRun): Promise<void>;
  /** Drops the whole save, the checkpoints the worker wrote too. */
  clear(): Promise<void>;
}

export type LoadResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'loaded'; readonly run: SavedRun }
  | { readonly kind: 'unusable'; readonly reason: string };

export class RunStore {
  readonly #records: RunRecords;

  constructor(records: RunRecords = new IndexedDbRunRecords()) {
    this.#records = records;
  }

  async load(): Promise<LoadResult> {
    let raw: unknown;
    try {
      raw = await this.#records.get();
    } catch (error) {
      return {
        kind: 'unusable',
        reason: `the browser's storage could not be read (${describe(error)})`,
      };
    }
    if (raw === undefined) return { kind: 'none' };
    return openSavedRun(raw);
  }

  async save(run: SavedRun): Promise<void> {
    const start = performance.now();
    await this.#records.put(await sealRun(run));
    performance.measure(HEAD_WRITE_MEASURE, { start });
  }

  /** Drops the whole save, its checkpoints too: called before a fresh cluster replaces it. */
  async clear(): Promise<void> {
    await this.#records.clear();
  }
}

/** The browser's records: the save database's `runs` object store, under `current`. */
class IndexedDbRunRecords implements RunRecords {
  #database: Promise<SaveDatabase> | null = null;

  async get(): Promise<unknown> {
    return (await this.#open()).get(STORE, CURRENT);
  }

  async put(run: StoredRun): Promise<void> {
    await (await this.#open()).put(STORE, run, CURRENT);
  }

  async clear(): Promise<void> {
    await (await this.#open()).clear(STORE);
  }

  #open(): Promise<SaveDatabase> {
    this.#database ??= openSaveDatabase();
    return this.#database;
  }
}

/** `run` as it is stored. */
export async function sealRun(run: SavedRun): Promise<StoredRun> {
  const { formatVersion, preset, seed, epochMs, simulation, playground } = run;
  const sealed = await sealRecord({ simulation, playground });
  return { formatVersion, preset, seed, epochMs, sealed };
}

/**
 * A stored run opened and checked: a save of another version is told so before anything is
 * opened; one that does not open (changed bytes, another key, no JSON) is corrupt saved state.
 */
export async function openSavedRun(raw: unknown): Promise<LoadResult> {
  if (!isObject(raw) || raw.formatVersion !== FORMAT_VERSION) return checkSavedRun(raw);
  const opened = await openRecord(raw.sealed);
  if (opened.kind === 'corrupt') return { kind: 'unusable', reason: opened.reason };
  if (!isObject(opened.value)) {
    return { kind: 'unusable', reason: 'the saved cluster has no simulation state' };
  }
  const { simulation, playground } = opened.value;
  return checkSavedRun({ ...raw, sealed: undefined, simulation, playground });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Checks a saved run, opened; anything unexpected is unusable, with the reason why. */
export function checkSavedRun(raw: unknown): LoadResult {
  if (!isObject(raw)) return { kind: 'unusable', reason: 'the saved cluster is not an object' };
  const run = raw;
  if (run.formatVersion !== FORMAT_VERSION) {
    return {
      kind: 'unusable',
      reason: `the saved cluster is from another version of the playground (format ${String(run.formatVersion)}, this one reads ${FORMAT_VERSION})`,
    };
  }
  const { preset, seed, epochMs, simulation, playground } = run;
  if (typeof preset !== 'string' || !isPresetId(preset)) {
    return { kind: 'unusable', reason: 'the saved cluster names an unknown preset' };
  }
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    return { kind: 'unusable', reason: 'the saved cluster has an invalid seed' };
  }
  if (typeof epochMs !== 'number' || !Number.isFinite(epochMs)) {
    return { kind: 'unusable', reason: 'the saved cluster has an invalid clock' };
  }
  if (typeof simulation !== 'object' || simulation === null) {
    return { kind: 'unusable', reason: 'the saved cluster has no simulation state' };
  }
  return {
    kind: 'loaded',
    run: { formatVersion: FORMAT_VERSION, preset, seed, epochMs, simulation, playground },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
