import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio, luminance, over, parseHex, type Rgb } from '../../src/ui/contrast';
import { THEME } from '../../src/ui/terminal/terminal-host';

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself, in either order', () => {
    const black = { r: 0, g: 0, b: 0 };
    const white = { r: 255, g: 255, b: 255 };
    expect(contrastRatio(black, white)).toBeCloseTo(21);
    expect(contrastRatio(white, black)).toBeCloseTo(21);
    expect(contrastRatio(white, white)).toBe(1);
  });

  it("matches WebAIM's figure for #777 on white (4.48, just short of 4.5)", () => {
    const grey = parseHex('#777');
    if (grey === null) throw new Error('unparsed');
    expect(contrastRatio(grey, { r: 255, g: 255, b: 255 })).toBeCloseTo(4.48, 2);
  });

  it('parses #rgb and #rrggbb, and nothing else', () => {
    expect(parseHex('#0f8')).toEqual({ r: 0, g: 255, b: 136 });
    expect(parseHex('#0F1729')).toEqual({ r: 15, g: 23, b: 41 });
    expect(parseHex('red')).toBeNull();
    expect(parseHex('#12345')).toBeNull();
  });

  it('blends a translucent colour over what is under it', () => {
    expect(over({ r: 200, g: 100, b: 0 }, 0.5, { r: 0, g: 0, b: 0 })).toEqual({
      r: 100,
      g: 50,
      b: 0,
    });
    expect(luminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1);
  });
});

/** The page's palette: every `--name: #hex` of global.css's :root. */
function palette(): ReadonlyMap<string, Rgb> {
  const css = readFileSync('src/ui/global.css', 'utf8');
  const colours = new Map<string, Rgb>();
  for (const [, name, value] of css.matchAll(/--([a-z-]+):\s*(#[0-9a-f]+);/gi)) {
    const rgb = parseHex(value ?? '');
    if (name !== undefined && rgb !== null) colours.set(name, rgb);
  }
  return colours;
}

/** Text colour, background, and where the page draws that text on that background. */
const PAIRS: readonly (readonly [string, string, string])[] = [
  ['text', 'bg', 'the page'],
  ['text', 'panel', 'control bar, panels, event log, help'],
  ['muted', 'panel', 'seed, font size, quorum labels, log times, graph labels under a machine'],
  ['accent', 'panel', 'title, log hostnames, help keys'],
  ['text', 'control', 'buttons and selects'],
  ['accent', 'terminal', 'the selected terminal tab'],
  ['text', 'manager-fill', "a manager's hostname"],
  ['muted', 'manager-fill', "a manager's Raft line"],
  ['text', 'worker-fill', "a worker's hostname"],
  ['muted', 'worker-fill', "a worker's address"],
  ['text', 'leader-fill', "the leader's hostname"],
  ['muted', 'leader-fill', "the leader's Raft line"],
  ['text', 'stopped-fill', 'a stopped machine'],
  ['muted', 'stopped-fill', "a stopped machine's line"],
  ['danger', 'panel', 'Down and Unreachable, no quorum'],
  ['ok', 'panel', 'quorum holds'],
  ['warning', 'panel', 'the partition'],
  ['secret', 'panel', "a secret's Raft log entry"],
  ['notice', 'notice-bg', 'notices'],
  ['alert', 'alert-bg', 'the no-leader banner'],
];

describe('the palette', () => {
  const colours = palette();
  it.each(PAIRS)('%s on %s (%s) meets 4.5:1', (text, background) => {
    const foreground = colours.get(text);
    const under = colours.get(background);
    if (foreground === undefined || under === undefined) {
      throw new Error(`--${text} or --${background} is not in global.css`);
    }
    expect(contrastRatio(foreground, under)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps 4.5:1 for every colour a program writes in the terminal', () => {
    const background = parseHex(THEME.background ?? '');
    if (background === null) throw new Error('no terminal background');
    // Black is a colour programs paint behind text, never text on the terminal's own
    // background; the cursor and the selection are not text either.
    const notInk = new Set(['background', 'black', 'cursor', 'cursorAccent']);
    const low = Object.entries(THEME).flatMap(([name, value]) => {
      const ink = typeof value === 'string' ? parseHex(value) : null;
      if (ink === null || notInk.has(name) || name.startsWith('selection')) return [];
      const ratio = contrastRatio(ink, background);
      return ratio < 4.5 ? [`${name} ${ratio.toFixed(2)}`] : [];
    });
    expect(low).toEqual([]);
  });
});
