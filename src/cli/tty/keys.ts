/**
 * Splits what xterm.js delivers in `onData` into keys. One call may carry several keys (a paste,
 * or type-ahead), so the shell must see them one by one. A run of printable characters stays one
 * key: inserting it at once redraws the line once, not once per character.
 */

const escape = '\x1b';

/** Control characters and escape sequences with a meaning in the shell. */
export const Key = {
  enter: '\r',
  lineFeed: '\n',
  backspace: '\x7f',
  controlH: '\x08',
  tab: '\t',
  controlA: '\x01',
  controlB: '\x02',
  controlC: '\x03',
  controlD: '\x04',
  controlE: '\x05',
  controlF: '\x06',
  controlK: '\x0b',
  controlL: '\x0c',
  controlN: '\x0e',
  controlP: '\x10',
  controlU: '\x15',
  controlW: '\x17',
  controlY: '\x19',
  delete: '\x1b[3~',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
} as const;

/** Splits terminal input into keys: escape sequences, control characters, printable runs. */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  let index = 0;
  while (index < data.length) {
    const length = keyLength(data, index);
    keys.push(data.slice(index, index + length));
    index += length;
  }
  return keys;
}

function keyLength(data: string, start: number): number {
  const character = data.charAt(start);
  if (character === escape) return escapeSequenceLength(data, start);
  if (isControl(character)) return 1;
  let end = start + 1;
  while (end < data.length && !isControl(data.charAt(end)) && data.charAt(end) !== escape) end++;
  return end - start;
}

function isControl(character: string): boolean {
  const code = character.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/** ESC [ params intermediates final, ESC O x (SS3), or ESC x (Alt+x). */
function escapeSequenceLength(data: string, start: number): number {
  const introducer = data.charAt(start + 1);
  if (introducer === '') return 1;
  if (introducer === 'O') return Math.min(3, data.length - start);
  if (introducer !== '[') return 2;
  let end = start + 2;
  while (end < data.length && isCsiParameterOrIntermediate(data.charCodeAt(end))) end++;
  // The final byte ends the sequence; a truncated sequence is taken as it is.
  return Math.min(end + 1, data.length) - start;
}

function isCsiParameterOrIntermediate(code: number): boolean {
  return code >= 0x20 && code <= 0x3f;
}
