import { Key } from '../tty/keys';
import {
  cursorOffset,
  drawCharacters,
  drawFresh,
  moveCursor,
  redraw,
  settleAtMargin,
  type DrawnLine,
} from './line-render';
import { stripEscapes, textWidth } from './terminal-text';

/**
 * The line editor, readline's emacs mode as a pure state machine: a key and a state in, a new
 * state, the bytes that redraw the terminal, and what the shell should do out. It never writes
 * anything itself, so every key sequence can be tested without a terminal.
 */

export interface LineEditorState extends DrawnLine {
  readonly history: readonly string[];
  /** Which history entry is shown; `history.length` is the new line being typed. */
  readonly historyIndex: number;
  /** Lines edited while browsing history, by index, so going back shows the edit (as bash). */
  readonly historyEdits: ReadonlyMap<number, string>;
  /** The text Ctrl+U, Ctrl+K or Ctrl+W removed last, for Ctrl+Y. */
  readonly killed: string;
}

export type EditorAction =
  | { readonly kind: 'none' }
  | { readonly kind: 'submit'; readonly line: string }
  | { readonly kind: 'interrupt' }
  | { readonly kind: 'end-of-file' }
  | { readonly kind: 'complete' };

export interface EditorUpdate {
  readonly state: LineEditorState;
  /** Bytes to write to the terminal. */
  readonly output: string;
  readonly action: EditorAction;
}

const none: EditorAction = { kind: 'none' };

export function lineText(state: LineEditorState): string {
  return state.characters.join('');
}

/** A new, empty line after `prompt`. */
export function startLine(options: {
  prompt: string;
  columns: number;
  history: readonly string[];
}): EditorUpdate {
  const state: LineEditorState = {
    prompt: options.prompt,
    promptWidth: stripEscapes(options.prompt).length,
    characters: [],
    cursor: 0,
    columns: options.columns,
    history: options.history,
    historyIndex: options.history.length,
    historyEdits: new Map(),
    killed: '',
  };
  // Nothing is below a new prompt, so the prompt alone is enough.
  return {
    state,
    output: state.prompt + settleAtMargin(state.promptWidth, state.columns),
    action: none,
  };
}

export function resizeLine(state: LineEditorState, columns: number): LineEditorState {
  // The terminal reflows the wrapped line itself; only the arithmetic changes.
  return { ...state, columns };
}

/** Draws the line again below other output (a completion listing), cursor at column 0. */
export function drawLineAgain(state: LineEditorState): string {
  return drawFresh(state);
}

/** Moves the cursor past the end of the line, before the shell writes below it. */
export function moveToLineEnd(state: LineEditorState): string {
  const end = state.promptWidth + textWidth(state.characters);
  return moveCursor({ from: cursorOffset(state), to: end, columns: state.columns });
}

type KeyHandler = (state: LineEditorState) => EditorUpdate;

const keyHandlers: ReadonlyMap<string, KeyHandler> = new Map<string, KeyHandler>([
  [Key.enter, submit],
  [Key.lineFeed, submit],
  [Key.backspace, deleteBackward],
  [Key.controlH, deleteBackward],
  [Key.delete, deleteForward],
  [Key.controlD, deleteForwardOrEndOfFile],
  [Key.left, (state) => moveTo(state, state.cursor - 1)],
  [Key.controlB, (state) => moveTo(state, state.cursor - 1)],
  [Key.right, (state) => moveTo(state, state.cursor + 1)],
  [Key.controlF, (state) => moveTo(state, state.cursor + 1)],
  [Key.controlA, (state) => moveTo(state, 0)],
  [Key.controlE, (state) => moveTo(state, state.characters.length)],
  ...['\x1b[H', '\x1bOH', '\x1b[1~', '\x1b[7~'].map((key): [string, KeyHandler] => [
    key,
    (state) => moveTo(state, 0),
  ]),
  ...['\x1b[F', '\x1bOF', '\x1b[4~', '\x1b[8~'].map((key): [string, KeyHandler] => [
    key,
    (state) => moveTo(state, state.characters.length),
  ]),
  ...['\x1bb', '\x1b[1;5D', '\x1b[1;3D'].map((key): [string, KeyHandler] => [
    key,
    (state) => moveTo(state, previousWordStart(state.characters, state.cursor, isWordCharacter)),
  ]),
  ...['\x1bf', '\x1b[1;5C', '\x1b[1;3C'].map((key): [string, KeyHandler] => [
    key,
    (state) => moveTo(state, nextWordEnd(state.characters, state.cursor)),
  ]),
  [Key.controlU, (state) => killRange(state, 0, state.cursor)],
  [Key.controlK, (state) => killRange(state, state.cursor, state.characters.length)],
  [
    Key.controlW,
    (state) =>
      killRange(state, previousWordStart(state.characters, state.cursor, isNotSpace), state.cursor),
  ],
  [
    '\x1b\x7f',
    (state) =>
      killRange(
        state,
        previousWordStart(state.characters, state.cursor, isWordCharacter),
        state.cursor,
      ),
  ],
  [Key.controlY, (state) => insertText(state, state.killed)],
  [Key.up, (state) => showHistory(state, state.historyIndex - 1)],
  ['\x1bOA', (state) => showHistory(state, state.historyIndex - 1)],
  [Key.controlP, (state) => showHistory(state, state.historyIndex - 1)],
  [Key.down, (state) => showHistory(state, state.historyIndex + 1)],
  ['\x1bOB', (state) => showHistory(state, state.historyIndex + 1)],
  [Key.controlN, (state) => showHistory(state, state.historyIndex + 1)],
  [Key.controlC, interrupt],
  [Key.controlL, clearScreen],
  [Key.tab, (state) => ({ state, output: '', action: { kind: 'complete' } })],
]);

/** Applies one key from `splitKeys`. Unknown keys and escape sequences change nothing. */
export function pressKey(state: LineEditorState, key: string): EditorUpdate {
  const handler = keyHandlers.get(key);
  if (handler !== undefined) return handler(state);
  if (isPrintable(key)) return insertText(state, key);
  return { state, output: '', action: none };
}

function isPrintable(key: string): boolean {
  const code = key.charCodeAt(0);
  return key !== '' && code >= 0x20 && code !== 0x7f && code !== 0x1b;
}

/** Inserts text at the cursor, as typing or a completion does. */
export function insertText(state: LineEditorState, text: string): EditorUpdate {
  const inserted = Array.from(text);
  if (inserted.length === 0) return { state, output: '', action: none };
  const characters = [
    ...state.characters.slice(0, state.cursor),
    ...inserted,
    ...state.characters.slice(state.cursor),
  ];
  const next = { ...state, characters, cursor: state.cursor + inserted.length };
  if (state.cursor < state.characters.length) return changed(state, next);
  // Typing at the end of the line only needs the new characters on screen.
  const end = cursorOffset(next);
  return {
    state: next,
    output: drawCharacters(inserted) + settleAtMargin(end, state.columns),
    action: none,
  };
}

/** Replaces the whole line, as history navigation does. */
export function replaceLine(state: LineEditorState, text: string): EditorUpdate {
  const characters = Array.from(text);
  return changed(state, { ...state, characters, cursor: characters.length });
}

function changed(previous: LineEditorState, next: LineEditorState): EditorUpdate {
  return { state: next, output: redraw(next, cursorOffset(previous)), action: none };
}

function submit(state: LineEditorState): EditorUpdate {
  return {
    state,
    output: `${moveToLineEnd(state)}\r\n`,
    action: { kind: 'submit', line: lineText(state) },
  };
}

function interrupt(state: LineEditorState): EditorUpdate {
  return { state, output: `${moveToLineEnd(state)}^C\r\n`, action: { kind: 'interrupt' } };
}

function clearScreen(state: LineEditorState): EditorUpdate {
  return { state, output: `\x1b[H\x1b[2J${drawFresh(state)}`, action: none };
}

function deleteBackward(state: LineEditorState): EditorUpdate {
  if (state.cursor === 0) return { state, output: '', action: none };
  return removeRange(state, state.cursor - 1, state.cursor);
}

function deleteForward(state: LineEditorState): EditorUpdate {
  if (state.cursor >= state.characters.length) return { state, output: '', action: none };
  return removeRange(state, state.cursor, state.cursor + 1);
}

/** Ctrl+D deletes forward, but on an empty line it means end of input, as in bash. */
function deleteForwardOrEndOfFile(state: LineEditorState): EditorUpdate {
  if (state.characters.length === 0) return { state, output: '', action: { kind: 'end-of-file' } };
  return deleteForward(state);
}

function removeRange(state: LineEditorState, start: number, end: number): EditorUpdate {
  const characters = [...state.characters.slice(0, start), ...state.characters.slice(end)];
  return changed(state, { ...state, characters, cursor: start });
}

function killRange(state: LineEditorState, start: number, end: number): EditorUpdate {
  if (start >= end) return { state, output: '', action: none };
  const killed = state.characters.slice(start, end).join('');
  return removeRange({ ...state, killed }, start, end);
}

function moveTo(state: LineEditorState, cursor: number): EditorUpdate {
  const clamped = Math.max(0, Math.min(state.characters.length, cursor));
  const next = { ...state, cursor: clamped };
  const output = moveCursor({
    from: cursorOffset(state),
    to: cursorOffset(next),
    columns: state.columns,
  });
  return { state: next, output, action: none };
}

function showHistory(state: LineEditorState, index: number): EditorUpdate {
  if (index < 0 || index > state.history.length || index === state.historyIndex) {
    return { state, output: '', action: none };
  }
  const historyEdits = new Map(state.historyEdits).set(state.historyIndex, lineText(state));
  const text = historyEdits.get(index) ?? state.history[index] ?? '';
  return replaceLine({ ...state, historyEdits, historyIndex: index }, text);
}

function isWordCharacter(character: string): boolean {
  return /[\p{L}\p{N}]/u.test(character);
}

function isNotSpace(character: string): boolean {
  return !/\s/.test(character);
}

/** Readline's backward-word: skip what is not a word, then the word itself. */
function previousWordStart(
  characters: readonly string[],
  cursor: number,
  inWord: (character: string) => boolean,
): number {
  let index = cursor;
  while (index > 0 && !inWord(characters[index - 1] ?? '')) index--;
  while (index > 0 && inWord(characters[index - 1] ?? '')) index--;
  return index;
}

function nextWordEnd(characters: readonly string[], cursor: number): number {
  let index = cursor;
  while (index < characters.length && !isWordCharacter(characters[index] ?? '')) index++;
  while (index < characters.length && isWordCharacter(characters[index] ?? '')) index++;
  return index;
}
