import { describe, expect, it } from 'vitest';
import { nextRegion, REGIONS } from '../../../src/ui/keyboard/regions';

describe('nextRegion', () => {
  it('visits control bar, terminal tabs, terminal, graph and event log in order, and wraps', () => {
    const visited = [];
    let region = nextRegion(null, 1, REGIONS);
    for (let i = 0; i < REGIONS.length + 1; i++) {
      visited.push(region);
      region = nextRegion(region, 1, REGIONS);
    }
    expect(visited).toEqual(['controls', 'tabs', 'terminal', 'graph', 'log', 'controls']);
  });

  it('goes backwards with Shift+F6, from the last region when outside them all', () => {
    expect(nextRegion(null, -1, REGIONS)).toBe('log');
    expect(nextRegion('terminal', -1, REGIONS)).toBe('tabs');
    expect(nextRegion('controls', -1, REGIONS)).toBe('log');
  });

  it('passes over the regions that are hidden', () => {
    const shown = ['controls', 'tabs', 'terminal'] as const;
    expect(nextRegion('terminal', 1, shown)).toBe('controls');
    expect(nextRegion('controls', -1, shown)).toBe('terminal');
  });

  it('moves on from a region that was just hidden, from its place in the order', () => {
    expect(nextRegion('graph', 1, ['controls', 'tabs', 'terminal'])).toBe('controls');
    expect(nextRegion('graph', -1, ['controls', 'tabs', 'terminal'])).toBe('terminal');
  });

  it('has nowhere to go when nothing is shown', () => {
    expect(nextRegion('graph', 1, [])).toBeNull();
  });
});
