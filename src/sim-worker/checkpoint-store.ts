import {
  checkpointKey,
  checkpointKeys,
  openSaveDatabase,
  STORE,
  type SaveDatabase,
} from './save-database';
import type { StoredCheckpoint } from './saved-checkpoint';

/**
 * Where the coordinator's worker keeps the checkpoints its saves name (see
 * `saved-checkpoint.ts`). The worker writes one only when a save takes a new checkpoint, and
 * reads it back on a restore, so the page's thread never clones it.
 */
export interface CheckpointStore {
  /**
   * Writes `record` (the checkpoint sealed) under `id` and, in the same transaction, drops every other checkpoint but
   * `keep` (the one the head already written names, which must stay until the next head
   * replaces it); resolves once the write is durable.
   */
  put(id: string, record: StoredCheckpoint, keep: string | null): Promise<void>;
  /** What is stored under `id`, unchecked; undefined when nothing is. */
  get(id: string): Promise<unknown>;
}

/** The browser's store: the save database's `runs` object store, under `checkpoint:<id>`. */
export class IndexedDbCheckpointStore implements CheckpointStore {
  #database: Promise<SaveDatabase> | null = null;

  async put(id: string, record: StoredCheckpoint, keep: string | null): Promise<void> {
    const transaction = (await this.#open()).transaction(STORE, 'readwrite');
    const kept = new Set([checkpointKey(id), ...(keep === null ? [] : [checkpointKey(keep)])]);
    const stale = (await transaction.store.getAllKeys(checkpointKeys())).filter(
      (key) => !kept.has(key),
    );
    await Promise.all([
      transaction.store.put(record, checkpointKey(id)),
      ...stale.map((key) => transaction.store.delete(key)),
      transaction.done,
    ]);
  }

  async get(id: string): Promise<unknown> {
    return (await this.#open()).get(STORE, checkpointKey(id));
  }

  #open(): Promise<SaveDatabase> {
    this.#database ??= openSaveDatabase();
    return this.#database;
  }
}
