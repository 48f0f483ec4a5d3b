/**
 * Shell history per machine, kept across reloads in localStorage, as bash keeps ~/.bash_history.
 * A corrupt or foreign value is dropped (and reported) rather than trusted: it must never break
 * the page or reach the terminal as anything but text.
 */
const KEY_PREFIX = 'swarm-playground:history:v1:';
export const HISTORY_CAPACITY = 1000;

export interface HistoryStore {
  load(hostname: string): string[];
  save(hostname: string, history: readonly string[]): void;
}

export function createHistoryStore(
  storage: Storage | null,
  onProblem: (message: string) => void,
): HistoryStore {
  return {
    load(hostname) {
      if (storage === null) return [];
      const raw = safely(() => storage.getItem(KEY_PREFIX + hostname), null);
      if (raw === null) return [];
      const parsed = parseHistory(raw);
      if (parsed === null) {
        onProblem(`The saved shell history of ${hostname} was unreadable and has been reset.`);
        safely(() => {
          storage.removeItem(KEY_PREFIX + hostname);
        }, undefined);
        return [];
      }
      return parsed;
    },
    save(hostname, history) {
      if (storage === null) return;
      const kept = history.slice(-HISTORY_CAPACITY);
      safely(() => {
        storage.setItem(KEY_PREFIX + hostname, JSON.stringify(kept));
      }, undefined);
    },
  };
}

export function parseHistory(raw: string): string[] | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!Array.isArray(value)) return null;
  const lines: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string') return null;
    lines.push(item);
  }
  return lines.slice(-HISTORY_CAPACITY);
}

/** Storage can throw (quota, privacy mode); history is a convenience and must not break the page. */
function safely<T>(action: () => T, fallback: T): T {
  try {
    return action();
  } catch {
    return fallback;
  }
}
