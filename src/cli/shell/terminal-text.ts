/**
 * Text helpers shared by the shell and its tests: what a terminal shows versus what was written.
 */

// CSI sequences (ESC [ params final), OSC sequences (ESC ] ... BEL or ESC \), and two-byte
// escapes (ESC O x, ESC x). Enough for what the shell and the programs write.
// eslint-disable-next-line no-control-regex
const ansiPattern = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1bO.|\x1b[@-_]/g;

/** Removes escape sequences, the bell and carriage returns that belong to a `\r\n` pair. */
export function toPlainText(terminalText: string): string {
  return (
    terminalText
      .replace(ansiPattern, '')
      .replace(/\r\n/g, '\n')
      // A lone carriage return moves to the line start; in a transcript it reads as nothing.
      .replace(/\r/g, '')
      .replaceAll('\x07', '')
  );
}

/** Converts program output to terminal line endings: a lone `\n` becomes `\r\n`. */
export function toTerminalNewlines(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** Removes escape sequences only, to measure how wide a prompt is on screen. */
export function stripEscapes(text: string): string {
  return text.replace(ansiPattern, '');
}

/**
 * Columns one character takes on screen. Control characters are shown in caret notation (`^J`),
 * as readline shows them, so a recalled multi-line command never moves the cursor by surprise.
 * Wide (East Asian) characters are counted as one column: the playground does not need them.
 */
export function characterWidth(character: string): number {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f ? 2 : 1;
}

/** How a character is drawn on screen: itself, or caret notation for control characters. */
export function visibleCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  if (code === 0x7f) return '^?';
  return code < 0x20 ? `^${String.fromCharCode(code + 0x40)}` : character;
}

/** Columns a string of plain characters takes on screen. */
export function textWidth(characters: readonly string[]): number {
  let width = 0;
  for (const character of characters) width += characterWidth(character);
  return width;
}
