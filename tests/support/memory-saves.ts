import type { CheckpointStore } from '../../src/sim-worker/checkpoint-store';
import type { StoredCheckpoint } from '../../src/sim-worker/saved-checkpoint';
import type { RunRecords, StoredRun } from '../../src/ui/state/run-store';

/**
 * The two writers of a save in memory, holding structured clones of exactly what they would
 * hand to IndexedDB: the coordinator worker's checkpoints, counting the writes, and the page's
 * `current` record.
 */
export class MemoryCheckpoints implements CheckpointStore {
  readonly records = new Map<string, unknown>();
  writes = 0;

  put(id: string, record: StoredCheckpoint, keep: string | null): Promise<void> {
    this.writes++;
    for (const key of [...this.records.keys()]) if (key !== keep) this.records.delete(key);
    this.records.set(id, structuredClone(record));
    return Promise.resolve();
  }

  get(id: string): Promise<unknown> {
    return Promise.resolve(structuredClone(this.records.get(id)));
  }
}

export class MemoryRunRecords implements RunRecords {
  current: unknown = undefined;

  get(): Promise<unknown> {
    return Promise.resolve(structuredClone(this.current));
  }

  put(run: StoredRun): Promise<void> {
    this.current = structuredClone(run);
    return Promise.resolve();
  }

  clear(): Promise<void> {
    this.current = undefined;
    return Promise.resolve();
  }
}

/**
 * Every text a stored value holds, as a search of the browser's files could find it: its
 * strings and keys, and each byte array read both as Latin-1 (one character a byte, so any
 * ASCII run shows) and as UTF-8.
 */
export function storedTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value instanceof Uint8Array) {
    return [
      Array.from(value, (byte) => String.fromCharCode(byte)).join(''),
      new TextDecoder().decode(value),
    ];
  }
  if (value instanceof Map) return storedTexts([...value.entries()]);
  if (typeof value !== 'object' || value === null) return [String(value)];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...storedTexts(inner)]);
}
