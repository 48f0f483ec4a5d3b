import { describe, expect, it } from 'vitest';
import {
  createHistoryStore,
  HISTORY_CAPACITY,
  parseHistory,
} from '../../../src/ui/state/history-store';

class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>();
  get length(): number {
    return this.#items.size;
  }
  clear(): void {
    this.#items.clear();
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, value);
  }
}

describe('history store', () => {
  it('keeps each machine its own history', () => {
    const storage = new MemoryStorage();
    const store = createHistoryStore(storage, () => undefined);
    store.save('manager1', ['docker node ls']);
    store.save('worker1', ['hostname']);
    expect(store.load('manager1')).toEqual(['docker node ls']);
    expect(store.load('worker1')).toEqual(['hostname']);
    expect(store.load('worker2')).toEqual([]);
  });

  it('drops a corrupt value, says so, and starts empty', () => {
    const storage = new MemoryStorage();
    const problems: string[] = [];
    const store = createHistoryStore(storage, (message) => problems.push(message));
    storage.setItem('swarm-playground:history:v1:manager1', '{"not": "a list"');
    expect(store.load('manager1')).toEqual([]);
    expect(problems).toEqual([
      'The saved shell history of manager1 was unreadable and has been reset.',
    ]);
    expect(storage.length).toBe(0);
  });

  it('keeps only the newest lines', () => {
    const storage = new MemoryStorage();
    const store = createHistoryStore(storage, () => undefined);
    const lines = Array.from({ length: HISTORY_CAPACITY + 5 }, (_, i) => `echo ${i}`);
    store.save('manager1', lines);
    const loaded = store.load('manager1');
    expect(loaded).toHaveLength(HISTORY_CAPACITY);
    expect(loaded[0]).toBe('echo 5');
  });

  it('survives a storage that throws', () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const store = createHistoryStore(storage, () => undefined);
    expect(() => {
      store.save('manager1', ['x']);
    }).not.toThrow();
  });
});

describe('parseHistory', () => {
  it.each([
    ['[]', []],
    ['["a","b"]', ['a', 'b']],
    ['["a",1]', null],
    ['"a"', null],
    ['not json', null],
    ['null', null],
  ])('%s', (raw, expected) => {
    expect(parseHistory(raw)).toEqual(expected);
  });
});
