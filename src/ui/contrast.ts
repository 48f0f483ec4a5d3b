/**
 * WCAG 2's contrast ratio between two colours, for the palette's test: text needs 4.5:1
 * against what it is drawn on (success criterion 1.4.3), whatever its size, since the graph's
 * labels are small.
 */

export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/** `#rgb` or `#rrggbb`; null for anything else. */
export function parseHex(colour: string): Rgb | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  const digits = match?.[1];
  if (digits === undefined) return null;
  const full = digits.length === 3 ? digits.replace(/./g, '$&$&') : digits;
  return {
    r: parseInt(full.slice(0, 2), 16),
    g: parseInt(full.slice(2, 4), 16),
    b: parseInt(full.slice(4, 6), 16),
  };
}

/** A colour drawn at `alpha` over `under`, as a translucent panel shows the graph below it. */
export function over(colour: Rgb, alpha: number, under: Rgb): Rgb {
  const mix = (top: number, bottom: number) => Math.round(top * alpha + bottom * (1 - alpha));
  return { r: mix(colour.r, under.r), g: mix(colour.g, under.g), b: mix(colour.b, under.b) };
}

/** WCAG's relative luminance, from sRGB. */
export function luminance({ r, g, b }: Rgb): number {
  const linear = (channel: number) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** (L1 + 0.05) / (L2 + 0.05), the lighter over the darker: from 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
