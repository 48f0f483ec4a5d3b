import type { PresetId } from '../../sim/read-model';
import { isPresetId } from '../../sim/presets';
import {
  CURRENT,
  openSaveDatabase,
  STORE,
  type SaveDatabase,
} from '../../sim-worker/save-database';

/**
 * The running cluster, saved to IndexedDB as it goes, so a reload brings back the same cluster.
 * This is the page's part of the save: the envelope, the playground's own part and the head of
 * the simulation's snapshot, written on every save. The checkpoint the head names is written by
 * the coordinator's worker, once per checkpoint, to the same database (see
 * `src/sim-worker/save-database.ts` for why it is split so); this store stays with the page,
 * which owns what it saves and when. The simulation's part is opaque here; this module checks
 * only the envelope, and the worker checks its part (and that the checkpoint is the one the
 * head names) when it restores. Bump FORMAT_VERSION whenever either changes incompatibly: an
 * old save is then refused with a clear message, never half-loaded. Version 2 keeps the
 * checkpoint apart; a version 1 save held it inline.
 */
export const FORMAT_VERSION = 2;

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

export type LoadResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'loaded'; readonly run: SavedRun }
  | { readonly kind: 'unusable'; readonly reason: string };

export class RunStore {
  #database: Promise<SaveDatabase> | null = null;

  async load(): Promise<LoadResult> {
    let raw: unknown;
    try {
      raw = await (await this.#open()).get(STORE, CURRENT);
    } catch (error) {
      return {
        kind: 'unusable',
        reason: `the browser's storage could not be read (${describe(error)})`,
      };
    }
    if (raw === undefined) return { kind: 'none' };
    return checkSavedRun(raw);
  }

  async save(run: SavedRun): Promise<void> {
    const start = performance.now();
    await (await this.#open()).put(STORE, run, CURRENT);
    performance.measure(HEAD_WRITE_MEASURE, { start });
  }

  /** Drops the whole save, its checkpoints too: called before a fresh cluster replaces it. */
  async clear(): Promise<void> {
    await (await this.#open()).clear(STORE);
  }

  #open(): Promise<SaveDatabase> {
    this.#database ??= openSaveDatabase();
    return this.#database;
  }
}

/** Checks the envelope of a saved run; anything unexpected is unusable, with the reason why. */
export function checkSavedRun(raw: unknown): LoadResult {
  if (typeof raw !== 'object' || raw === null) {
    return { kind: 'unusable', reason: 'the saved cluster is not an object' };
  }
  const run = raw as Record<string, unknown>;
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
