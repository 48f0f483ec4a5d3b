import type { Page } from '@playwright/test';
import { openCheckpoint } from '../../src/sim-worker/saved-checkpoint';
import { openSavedRun } from '../../src/ui/state/run-store';

/** How a byte array crosses `page.evaluate`, which returns JSON-like values only. */
interface CarriedBytes {
  readonly $bytes: string;
}

function isCarriedBytes(value: unknown): value is CarriedBytes {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    typeof Reflect.get(value, '$bytes') === 'string'
  );
}

function revive(value: unknown): unknown {
  if (isCarriedBytes(value)) return new Uint8Array(Buffer.from(value.$bytes, 'base64'));
  if (Array.isArray(value)) return value.map(revive);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, revive(inner)]));
}

/**
 * Every record of the page's save database (`runs`), as IndexedDB holds it, its byte arrays
 * Uint8Arrays again; empty when there is none yet. It must not create the database itself
 * (that would race the page's own upgrade), so an open that would need an upgrade is aborted.
 */
export async function savedRecords(page: Page): Promise<Map<string, unknown>> {
  const entries = await page.evaluate(
    () =>
      new Promise<[string, unknown][]>((resolve) => {
        const carry = (value: unknown): unknown => {
          if (value instanceof Uint8Array) {
            let text = '';
            for (let at = 0; at < value.length; at += 0x8000) {
              text += String.fromCharCode(...value.subarray(at, at + 0x8000));
            }
            return { $bytes: btoa(text) };
          }
          if (Array.isArray(value)) return value.map(carry);
          if (typeof value !== 'object' || value === null) return value;
          return Object.fromEntries(
            Object.entries(value).map(([key, inner]) => [key, carry(inner)]),
          );
        };
        const request = indexedDB.open('swarm-playground');
        request.onupgradeneeded = () => {
          request.transaction?.abort();
        };
        request.onerror = () => {
          resolve([]);
        };
        request.onsuccess = () => {
          const database = request.result;
          if (!database.objectStoreNames.contains('runs')) {
            database.close();
            resolve([]);
            return;
          }
          const store = database.transaction('runs').objectStore('runs');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            database.close();
            resolve(
              keys.result.map((key, i) => [
                typeof key === 'string' ? key : JSON.stringify(key),
                carry(values.result[i]),
              ]),
            );
          };
        };
      }),
  );
  return new Map(entries.map(([key, value]) => [key, revive(value)]));
}

/**
 * The run the page saved, opened, its two parts put back together (the head under `current`,
 * and the checkpoint it names under `checkpoint:<id>`, which the coordinator's worker wrote);
 * null when there is none yet.
 */
export async function savedRun(
  page: Page,
): Promise<{ simulation: unknown; preset: string } | null> {
  const records = await savedRecords(page);
  const current = records.get('current');
  if (current === undefined) return null;
  const loaded = await openSavedRun(current);
  if (loaded.kind !== 'loaded')
    throw new Error(`the save does not open: ${JSON.stringify(loaded)}`);
  const { simulation, preset } = loaded.run;
  if (typeof simulation !== 'object' || simulation === null) return null;
  const ref: unknown = Reflect.get(simulation, 'checkpoint');
  const id: unknown = typeof ref === 'object' && ref !== null ? Reflect.get(ref, 'id') : undefined;
  if (typeof id !== 'string') return { simulation, preset };
  const opened = await openCheckpoint(records.get(`checkpoint:${id}`));
  const checkpoint: unknown =
    typeof opened === 'object' && opened !== null ? Reflect.get(opened, 'checkpoint') : null;
  return { simulation: { ...simulation, checkpoint }, preset };
}
