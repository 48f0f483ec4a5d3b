/**
 * The text a full-screen editor holds, with its cursor: an immutable value that each edit
 * replaces, so that the editors (`nano`, `vi`) are key maps over these functions and the
 * functions can be tested alone. Columns count code points; the terminals of this playground
 * draw one cell per character, and wide characters are rare in lab files.
 */
export interface TextBuffer {
  readonly lines: readonly string[];
  readonly row: number;
  readonly column: number;
  /**
   * The column the cursor returns to on a line long enough, after moving up or down through
   * shorter ones (an editor's "preferred column").
   */
  readonly goal: number;
}

/** A file's text as lines; the newline that ends the last line does not start another. */
export function bufferFromText(text: string): TextBuffer {
  const lines = text.split('\n');
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return { lines, row: 0, column: 0, goal: 0 };
}

/** The text to write: every line ended by a newline, and an empty buffer as an empty file. */
export function textOfBuffer(buffer: TextBuffer): string {
  if (buffer.lines.length === 1 && buffer.lines[0] === '') return '';
  return buffer.lines.map((line) => `${line}\n`).join('');
}

export function lineAt(buffer: TextBuffer, row: number): string {
  return buffer.lines[row] ?? '';
}

export function lengthOf(line: string): number {
  return Array.from(line).length;
}

/** The part of a line from code point `start` to `end`. */
export function sliceLine(line: string, start: number, end?: number): string {
  return Array.from(line).slice(start, end).join('');
}

function withCursor(buffer: TextBuffer, row: number, column: number, goal = column): TextBuffer {
  const lastRow = Math.max(0, buffer.lines.length - 1);
  const clampedRow = Math.min(Math.max(0, row), lastRow);
  const length = lengthOf(lineAt(buffer, clampedRow));
  return {
    lines: buffer.lines,
    row: clampedRow,
    column: Math.min(Math.max(0, column), length),
    goal,
  };
}

function replaceLines(
  buffer: TextBuffer,
  from: number,
  count: number,
  replacement: readonly string[],
): readonly string[] {
  const lines = [...buffer.lines];
  lines.splice(from, count, ...replacement);
  return lines.length === 0 ? [''] : lines;
}

/** Types `text` at the cursor; a newline in it (a paste) splits the line there. */
export function insertText(buffer: TextBuffer, text: string): TextBuffer {
  const pieces = text.replace(/\r\n?/g, '\n').split('\n');
  const line = lineAt(buffer, buffer.row);
  const before = sliceLine(line, 0, buffer.column);
  const after = sliceLine(line, buffer.column);
  const inserted =
    pieces.length === 1
      ? [before + text + after]
      : [before + (pieces[0] ?? ''), ...pieces.slice(1, -1), (pieces.at(-1) ?? '') + after];
  const row = buffer.row + pieces.length - 1;
  const column =
    pieces.length === 1 ? buffer.column + lengthOf(text) : lengthOf(pieces.at(-1) ?? '');
  const lines = replaceLines(buffer, buffer.row, 1, inserted);
  return withCursor({ ...buffer, lines }, row, column);
}

/** Enter: the rest of the line moves to a new line below. */
export function splitLine(buffer: TextBuffer): TextBuffer {
  return insertText(buffer, '\n');
}

/** Backspace: the character before the cursor goes, or this line joins the one above. */
export function deleteBackward(buffer: TextBuffer): TextBuffer {
  if (buffer.column > 0) {
    const line = lineAt(buffer, buffer.row);
    const edited = sliceLine(line, 0, buffer.column - 1) + sliceLine(line, buffer.column);
    const lines = replaceLines(buffer, buffer.row, 1, [edited]);
    return withCursor({ ...buffer, lines }, buffer.row, buffer.column - 1);
  }
  if (buffer.row === 0) return buffer;
  const above = lineAt(buffer, buffer.row - 1);
  const joined = above + lineAt(buffer, buffer.row);
  const lines = replaceLines(buffer, buffer.row - 1, 2, [joined]);
  return withCursor({ ...buffer, lines }, buffer.row - 1, lengthOf(above));
}

/** Delete: the character under the cursor goes, or the next line joins this one. */
export function deleteForward(buffer: TextBuffer): TextBuffer {
  const line = lineAt(buffer, buffer.row);
  if (buffer.column < lengthOf(line)) {
    const edited = sliceLine(line, 0, buffer.column) + sliceLine(line, buffer.column + 1);
    const lines = replaceLines(buffer, buffer.row, 1, [edited]);
    return withCursor({ ...buffer, lines }, buffer.row, buffer.column);
  }
  if (buffer.row >= buffer.lines.length - 1) return buffer;
  const lines = replaceLines(buffer, buffer.row, 2, [line + lineAt(buffer, buffer.row + 1)]);
  return withCursor({ ...buffer, lines }, buffer.row, buffer.column);
}

/** Removes whole lines from the cursor's on, and returns them (nano's ^K, vi's `dd`). */
export function cutLines(
  buffer: TextBuffer,
  count = 1,
): { readonly buffer: TextBuffer; readonly cut: readonly string[] } {
  const cut = buffer.lines.slice(buffer.row, buffer.row + count);
  const lines = replaceLines(buffer, buffer.row, count, []);
  return { buffer: withCursor({ ...buffer, lines }, buffer.row, 0), cut };
}

/** Puts whole lines above the cursor's line (nano's ^U) and leaves the cursor below them. */
export function pasteLinesAbove(buffer: TextBuffer, pasted: readonly string[]): TextBuffer {
  if (pasted.length === 0) return buffer;
  const lines = replaceLines(buffer, buffer.row, 0, pasted);
  return withCursor({ ...buffer, lines }, buffer.row + pasted.length, 0);
}

/** Puts whole lines below the cursor's line (vi's `p`), the cursor on the first of them. */
export function pasteLinesBelow(buffer: TextBuffer, pasted: readonly string[]): TextBuffer {
  if (pasted.length === 0) return buffer;
  const lines = replaceLines(buffer, buffer.row + 1, 0, pasted);
  return withCursor({ ...buffer, lines }, buffer.row + 1, 0);
}

/** Opens an empty line below (`below`) or above the cursor's and moves onto it (vi's o, O). */
export function openLine(buffer: TextBuffer, below: boolean): TextBuffer {
  const row = below ? buffer.row + 1 : buffer.row;
  const lines = replaceLines(buffer, row, 0, ['']);
  return withCursor({ ...buffer, lines }, row, 0);
}

export function moveLeft(buffer: TextBuffer, wrap: boolean): TextBuffer {
  if (buffer.column > 0) return withCursor(buffer, buffer.row, buffer.column - 1);
  if (!wrap || buffer.row === 0) return withCursor(buffer, buffer.row, 0);
  return withCursor(buffer, buffer.row - 1, lengthOf(lineAt(buffer, buffer.row - 1)));
}

export function moveRight(buffer: TextBuffer, wrap: boolean): TextBuffer {
  const length = lengthOf(lineAt(buffer, buffer.row));
  if (buffer.column < length) return withCursor(buffer, buffer.row, buffer.column + 1);
  if (!wrap || buffer.row >= buffer.lines.length - 1) return withCursor(buffer, buffer.row, length);
  return withCursor(buffer, buffer.row + 1, 0);
}

/** Up or down by `rows` (negative is up), keeping the preferred column. */
export function moveVertically(buffer: TextBuffer, rows: number): TextBuffer {
  const moved = withCursor(buffer, buffer.row + rows, buffer.goal, buffer.goal);
  return moved;
}

export function moveToLineStart(buffer: TextBuffer): TextBuffer {
  return withCursor(buffer, buffer.row, 0);
}

export function moveToLineEnd(buffer: TextBuffer): TextBuffer {
  const length = lengthOf(lineAt(buffer, buffer.row));
  // Past the end of any line, so that moving down stays at the ends of lines (vi's `$`).
  return withCursor(buffer, buffer.row, length, Number.MAX_SAFE_INTEGER);
}

/** The first character that is not a blank (vi's `^`, and where `I` inserts). */
export function moveToFirstNonBlank(buffer: TextBuffer): TextBuffer {
  const line = lineAt(buffer, buffer.row);
  const blanks = /^[ \t]*/.exec(line)?.[0] ?? '';
  return withCursor(buffer, buffer.row, lengthOf(blanks));
}

export function moveToRow(buffer: TextBuffer, row: number): TextBuffer {
  return withCursor(buffer, row, buffer.goal, buffer.goal);
}

/** Keeps the cursor on a character, as vi's normal mode does: never past the line's last one. */
export function onCharacter(buffer: TextBuffer): TextBuffer {
  const length = lengthOf(lineAt(buffer, buffer.row));
  if (length === 0 || buffer.column < length) return buffer;
  return { ...buffer, column: length - 1 };
}

/** vi's `w` and `b`: to the start of the next word, or of this or the previous one. */
export function moveByWord(buffer: TextBuffer, forward: boolean): TextBuffer {
  const kind = (character: string | undefined): number =>
    character === undefined || /\s/.test(character) ? 0 : /\w/.test(character) ? 1 : 2;
  let { row, column } = buffer;
  const charAt = (r: number, c: number) => Array.from(lineAt(buffer, r))[c];
  const step = (): boolean => {
    if (forward) {
      if (column < lengthOf(lineAt(buffer, row))) column++;
      else if (row < buffer.lines.length - 1) {
        row++;
        column = 0;
        return true;
      } else return false;
    } else if (column > 0) column--;
    else if (row > 0) {
      row--;
      column = lengthOf(lineAt(buffer, row));
      return true;
    } else return false;
    return true;
  };
  if (forward) {
    const start = kind(charAt(row, column));
    const startRow = row;
    while (step() && row === startRow && kind(charAt(row, column)) === start && start !== 0);
    while (kind(charAt(row, column)) === 0 && step());
  } else {
    step();
    while (kind(charAt(row, column)) === 0 && step());
    const word = kind(charAt(row, column));
    while (column > 0 && kind(charAt(row, column - 1)) === word) column--;
  }
  return withCursor(buffer, row, column);
}
