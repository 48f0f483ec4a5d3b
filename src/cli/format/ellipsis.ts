import { codePointWidth } from './display-width';

/** formatter.Ellipsis: cut to `max` display cells, the last one an ellipsis. */
export function ellipsis(text: string, max: number): string {
  if (max <= 0) return '';
  const runes = Array.from(text);
  if (max === 1) return runes[0] ?? '';
  // Go's byte length equals its rune count only for ASCII text.
  if (runes.every((rune) => (rune.codePointAt(0) ?? 0) < 0x80)) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
  }
  // docker counts East Asian wide characters as two cells and everything else as one.
  const widths = runes.map((rune) => (codePointWidth(rune.codePointAt(0) ?? 0) === 2 ? 2 : 1));
  let total = 0;
  const ends = widths.map((width) => (total += width));
  if (total <= max) return text;
  const cut = ends.findIndex((end, index) => end <= max - 1 && (ends[index + 1] ?? 0) > max - 1);
  return cut < 0 ? text : `${runes.slice(0, cut + 1).join('')}…`;
}
