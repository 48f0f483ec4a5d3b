import { isRegion, nextRegion, REGIONS, type Region } from './regions';

/**
 * F6 and Shift+F6 over the page's markup: each region is an element with `data-region`; the
 * element inside it that takes the focus is the one marked `data-region-entry` (a roving tab
 * stop: the selected tab, the graph's current machine), else its first focusable element.
 */

const FOCUSABLE =
  'button:not([disabled]), select:not([disabled]), input:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';

/** The region that holds `element`, or null outside all of them. */
export function regionOf(element: Element | null): Region | null {
  const value = element?.closest('[data-region]')?.getAttribute('data-region');
  return isRegion(value) ? value : null;
}

/** The shown element of each region: hidden panes and a hidden graph or log do not count. */
function shownRegions(root: ParentNode): Map<Region, HTMLElement> {
  const shown = new Map<Region, HTMLElement>();
  for (const element of root.querySelectorAll<HTMLElement>('[data-region]')) {
    const region = element.getAttribute('data-region');
    if (!isRegion(region) || shown.has(region)) continue;
    if (element.getClientRects().length === 0) continue;
    shown.set(region, element);
  }
  return shown;
}

function entryOf(element: HTMLElement): HTMLElement | null {
  const marked = element.querySelector<HTMLElement>('[data-region-entry]');
  if (marked !== null) return marked;
  for (const candidate of element.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (candidate.getClientRects().length > 0 || candidate.tagName === 'TEXTAREA') {
      return candidate;
    }
  }
  return element.matches(FOCUSABLE) ? element : null;
}

/** Moves the focus to the next (1) or previous (-1) shown region; returns where it went. */
export function focusNextRegion(root: ParentNode, direction: 1 | -1): Region | null {
  const shown = shownRegions(root);
  const from = regionOf(document.activeElement);
  let region = nextRegion(from, direction, [...shown.keys()]);
  // A region with nothing to focus (an empty log) is passed over.
  for (let tries = 0; region !== null && tries < REGIONS.length; tries++) {
    const element = shown.get(region);
    const entry = element === undefined ? null : entryOf(element);
    if (entry !== null) {
      entry.focus();
      return region;
    }
    region = nextRegion(region, direction, [...shown.keys()]);
  }
  return null;
}
