/**
 * A roving tabindex (WAI-ARIA's pattern for a composite widget): one item of a group takes the
 * Tab key's stop, and the arrow keys move the focus between the items. Used by the graph's
 * machines and the terminal tabs; the items are named by a key of their own (a hostname).
 */

type Move = 1 | -1 | 'first' | 'last';

const MOVES: Readonly<Record<string, Move>> = {
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
  Home: 'first',
  End: 'last',
};

/** Which item holds the tab stop: the one last moved to, else `fallback`, else the first. */
export function rovingStop(
  items: readonly string[],
  active: string | null,
  fallback: string,
): string | undefined {
  if (active !== null && items.includes(active)) return active;
  if (items.includes(fallback)) return fallback;
  return items[0];
}

/**
 * The item a key moves the focus to from `current`, wrapping at both ends; null when the key
 * is not one of the group's (the caller then leaves the key alone).
 */
export function rovingTarget(
  items: readonly string[],
  current: string,
  key: string,
): string | null {
  const move = MOVES[key];
  if (move === undefined || items.length === 0) return null;
  if (move === 'first') return items[0] ?? null;
  if (move === 'last') return items.at(-1) ?? null;
  const at = items.indexOf(current);
  if (at < 0) return items[0] ?? null;
  return items[(at + move + items.length) % items.length] ?? null;
}
