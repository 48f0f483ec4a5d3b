/**
 * How the terminals behave for the person at the keyboard: whether xterm.js runs its
 * screen-reader mode (an accessibility tree of the rows, and output announced as it comes).
 * Kept in localStorage, as the layout is, so a screen-reader user sets it once.
 */
export interface TerminalPrefs {
  readonly screenReaderMode: boolean;
}

export const DEFAULT_TERMINAL_PREFS: TerminalPrefs = { screenReaderMode: false };

const TERMINAL_KEY = 'swarm-playground:terminal:v1';

/** The saved preferences; anything missing or unreadable falls back to the default. */
export function readTerminalPrefs(storage: Storage | null): TerminalPrefs {
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(TERMINAL_KEY) ?? 'null');
  } catch {
    return DEFAULT_TERMINAL_PREFS;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_TERMINAL_PREFS;
  const saved: Partial<Record<keyof TerminalPrefs, unknown>> = raw;
  return { screenReaderMode: saved.screenReaderMode === true };
}

export function writeTerminalPrefs(storage: Storage | null, prefs: TerminalPrefs): void {
  try {
    storage?.setItem(TERMINAL_KEY, JSON.stringify(prefs));
  } catch {
    // A preference; failing to keep it must not break the page.
  }
}
