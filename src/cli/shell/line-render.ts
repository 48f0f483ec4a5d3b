import { textWidth, visibleCharacter } from './terminal-text';

/**
 * Cursor arithmetic for a line that may wrap. Positions are offsets in columns from the start of
 * the prompt, which is assumed to begin at column 0 (as readline assumes). An offset that falls
 * exactly on the right margin is kept on the next row by writing `\r\n`, because a terminal
 * otherwise parks the cursor in the last column and relative moves would land one row off.
 */

const csi = '\x1b[';

export interface ScreenPosition {
  readonly row: number;
  readonly column: number;
}

export function screenPosition(offset: number, columns: number): ScreenPosition {
  const width = Math.max(1, columns);
  return { row: Math.floor(offset / width), column: offset % width };
}

/** Escape sequences that move the cursor from one offset to another within the line. */
export function moveCursor(options: { from: number; to: number; columns: number }): string {
  const from = screenPosition(options.from, options.columns);
  const to = screenPosition(options.to, options.columns);
  let output = '';
  if (to.row < from.row) output += `${csi}${from.row - to.row}A`;
  if (to.row > from.row) output += `${csi}${to.row - from.row}B`;
  if (to.column < from.column) output += `${csi}${from.column - to.column}D`;
  if (to.column > from.column) output += `${csi}${to.column - from.column}C`;
  return output;
}

/** After writing text that ends at `offset`, leaves the cursor where the arithmetic says. */
export function settleAtMargin(offset: number, columns: number): string {
  return offset > 0 && offset % Math.max(1, columns) === 0 ? '\r\n' : '';
}

/** Characters as drawn on screen (control characters in caret notation). */
export function drawCharacters(characters: readonly string[]): string {
  return characters.map(visibleCharacter).join('');
}

export interface DrawnLine {
  readonly prompt: string;
  readonly promptWidth: number;
  readonly characters: readonly string[];
  readonly cursor: number;
  readonly columns: number;
}

export function cursorOffset(line: DrawnLine): number {
  return line.promptWidth + textWidth(line.characters.slice(0, line.cursor));
}

/**
 * Draws prompt and line from scratch with the cursor at the prompt's start, then places the
 * cursor. Used at a fresh prompt, after Ctrl+L, and below a completion listing.
 */
export function drawFresh(line: DrawnLine): string {
  const end = line.promptWidth + textWidth(line.characters);
  return (
    line.prompt +
    drawCharacters(line.characters) +
    settleAtMargin(end, line.columns) +
    `${csi}J` +
    moveCursor({ from: end, to: cursorOffset(line), columns: line.columns })
  );
}

/** Redraws the whole line, starting from where the cursor is now (`fromOffset`). */
export function redraw(line: DrawnLine, fromOffset: number): string {
  const rowsUp = screenPosition(fromOffset, line.columns).row;
  return (rowsUp > 0 ? `${csi}${rowsUp}A` : '') + '\r' + drawFresh(line);
}
