import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The IndexedDB database that holds the saved run, opened by both its writers: the page writes
 * the small part of each save (`src/ui/state/run-store.ts`: the envelope, the playground's log,
 * the simulation's inputs since its checkpoint), and the coordinator's worker writes and reads
 * the checkpoint (`checkpoint-store.ts`), so that its tens of megabytes are never cloned on the
 * page's thread. It lives here, in the lowest layer that has IndexedDB and that both the page
 * and the worker may import.
 *
 * One object store, `runs`: the save's head under `current`, and each checkpoint under
 * `checkpoint:<id>`, which the head names.
 */
export const DATABASE = 'swarm-playground';
const DATABASE_VERSION = 2;
export const STORE = 'runs';
export const CURRENT = 'current';
const CHECKPOINT_PREFIX = 'checkpoint:';

export function checkpointKey(id: string): string {
  return `${CHECKPOINT_PREFIX}${id}`;
}

/** Every checkpoint key: those that start with the prefix (`;` follows `:` in code units). */
export function checkpointKeys(): IDBKeyRange {
  return IDBKeyRange.bound(CHECKPOINT_PREFIX, 'checkpoint;', false, true);
}

export interface SaveSchema extends DBSchema {
  runs: { key: string; value: unknown };
}

export type SaveDatabase = IDBPDatabase<SaveSchema>;

export function openSaveDatabase(): Promise<SaveDatabase> {
  return openDB<SaveSchema>(DATABASE, DATABASE_VERSION, {
    upgrade(database) {
      // Created when missing rather than by version number: a database left empty by another
      // opener (an extension, a devtools probe) must not leave the page unable to save.
      if (!database.objectStoreNames.contains(STORE)) database.createObjectStore(STORE);
    },
  });
}
