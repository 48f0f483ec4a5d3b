/**
 * The page's regions, in the order F6 visits them, as a browser's F6 moves between its own
 * panes. Declared once: the markup names each region with `data-region`, the help panel and the
 * README list them in this order.
 */
export const REGIONS = ['controls', 'tabs', 'terminal', 'graph', 'log'] as const;
export type Region = (typeof REGIONS)[number];

/** What each region is called where the help panel lists them. */
export const REGION_NAMES: Readonly<Record<Region, string>> = {
  controls: 'control bar',
  tabs: 'terminal tabs',
  terminal: 'terminal',
  graph: 'cluster graph',
  log: 'event log',
};

export function isRegion(value: string | null | undefined): value is Region {
  return (REGIONS as readonly string[]).includes(value ?? '');
}

/**
 * The region F6 (`direction` 1) or Shift+F6 (-1) moves to from `current`, among those shown
 * now (`shown`: the graph is hidden with "Terminal only", the log can be hidden). From outside
 * every region, F6 starts at the first and Shift+F6 at the last. Wraps around at both ends;
 * null when no region is shown.
 */
export function nextRegion(
  current: Region | null,
  direction: 1 | -1,
  shown: readonly Region[],
): Region | null {
  const order = REGIONS.filter((region) => shown.includes(region));
  if (order.length === 0) return null;
  if (current === null) return (direction === 1 ? order[0] : order.at(-1)) ?? null;
  // A region that is hidden now still has its place in the order: move from there.
  const at = REGIONS.indexOf(current);
  const count = REGIONS.length;
  for (let step = 1; step <= count; step++) {
    const candidate = REGIONS[(at + direction * step + count * step) % count];
    if (candidate !== undefined && order.includes(candidate)) return candidate;
  }
  return null;
}
