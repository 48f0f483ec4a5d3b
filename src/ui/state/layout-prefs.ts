/**
 * How the page divides the screen: the share of the width the terminals get (the rest is the
 * graph's), whether the terminal has the whole width, and whether the event log shows. Kept in
 * localStorage, so a presenter's layout survives a reload.
 */
export interface LayoutPrefs {
  readonly split: number;
  readonly terminalMaximised: boolean;
  readonly logHidden: boolean;
}

/** The narrowest and widest the terminals may be, as a share of the width. */
export const SPLIT_MIN = 0.3;
export const SPLIT_MAX = 0.85;

/**
 * Two thirds for the terminals: with the default 13 px font that is at least 100 columns at
 * 1280 pixels wide, so the widest docker tables (`docker node ls`, `service ps`) never wrap.
 */
export const DEFAULT_LAYOUT: LayoutPrefs = {
  split: 0.66,
  terminalMaximised: false,
  logHidden: false,
};

const LAYOUT_KEY = 'swarm-playground:layout:v1';

export function clampSplit(split: number): number {
  if (!Number.isFinite(split)) return DEFAULT_LAYOUT.split;
  return Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, split));
}

/** The saved layout; anything missing, unreadable or out of range falls back to the default. */
export function readLayout(storage: Storage | null): LayoutPrefs {
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(LAYOUT_KEY) ?? 'null');
  } catch {
    return DEFAULT_LAYOUT;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_LAYOUT;
  const saved = raw as Record<string, unknown>;
  return {
    split: typeof saved.split === 'number' ? clampSplit(saved.split) : DEFAULT_LAYOUT.split,
    terminalMaximised: saved.terminalMaximised === true,
    logHidden: saved.logHidden === true,
  };
}

export function writeLayout(storage: Storage | null, layout: LayoutPrefs): void {
  try {
    storage?.setItem(LAYOUT_KEY, JSON.stringify(layout));
  } catch {
    // A layout is a preference; failing to keep it must not break the page.
  }
}
