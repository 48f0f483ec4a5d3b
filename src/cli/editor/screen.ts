import { lengthOf, sliceLine } from './text-buffer';

/**
 * What the editors draw with: xterm's escape sequences for the alternate screen (so that the
 * shell's scrollback comes back untouched when the editor ends), cursor positioning and
 * reverse video, and the arithmetic of a window onto the text.
 */
export const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h';
export const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';
export const REVERSE = '\x1b[7m';
export const NORMAL = '\x1b[0m';
const CLEAR_SCREEN = '\x1b[H\x1b[2J';

/** Moves the cursor to a zero-based row and column. */
export function moveTo(row: number, column: number): string {
  return `\x1b[${row + 1};${column + 1}H`;
}

/** `text` cut or padded with spaces to exactly `width` columns. */
export function fit(text: string, width: number): string {
  const length = lengthOf(text);
  if (length >= width) return sliceLine(text, 0, width);
  return text + ' '.repeat(width - length);
}

/** The first row to show so that `row` is within a window of `height` rows starting at `top`. */
export function scrollTop(top: number, row: number, height: number): number {
  if (height <= 0) return row;
  if (row < top) return row;
  if (row >= top + height) return row - height + 1;
  return top;
}

/**
 * The first column to show of the cursor's line, so that `column` is on the screen: the line
 * moves by whole screens less a margin, as nano scrolls its current line.
 */
export function scrollLeft(column: number, width: number): number {
  const page = Math.max(1, width - 8);
  if (column < width - 1) return 0;
  return Math.floor((column - (width - 1)) / page + 1) * page;
}

/**
 * One line of text as it shows from column `left`: cut to the width, with a `>` in the last
 * column when more follows, and a `<` in the first when the line is scrolled.
 */
export function visibleLine(line: string, left: number, width: number): string {
  let shown = sliceLine(line, left, left + width);
  if (lengthOf(line) > left + width) shown = `${sliceLine(shown, 0, width - 1)}>`;
  if (left > 0 && shown !== '') shown = `<${sliceLine(shown, 1)}`;
  return shown;
}

/** A whole frame: every row given is drawn from its start, then the cursor is placed. */
export function frame(
  rows: readonly string[],
  cursor: { readonly row: number; readonly column: number },
): string {
  return `${CLEAR_SCREEN}${rows.map((row, index) => `${moveTo(index, 0)}${row}`).join('')}${moveTo(cursor.row, cursor.column)}`;
}

/** A tab shows as spaces to the next multiple of eight, as both editors draw it. */
export function expandTabs(line: string): string {
  let shown = '';
  for (const character of line) {
    shown += character === '\t' ? ' '.repeat(8 - (lengthOf(shown) % 8)) : character;
  }
  return shown;
}
