import { Key } from '../tty/keys';
import type { SaveFile } from './save-file';
import { pressEchoedKey } from '../tty/line-reader';
import {
  NORMAL,
  REVERSE,
  expandTabs,
  fit,
  frame,
  scrollLeft,
  scrollTop,
  visibleLine,
} from './screen';
import {
  cutLines,
  deleteBackward,
  deleteForward,
  insertText,
  lengthOf,
  lineAt,
  moveLeft,
  moveRight,
  moveToLineEnd,
  moveToLineStart,
  moveVertically,
  pasteLinesAbove,
  sliceLine,
  type TextBuffer,
} from './text-buffer';

/** What nano is told at start: the file's name as typed, its path, and what was read. */
export interface NanoStart {
  /** The name as typed (shown in the title bar); empty for `nano` alone. */
  readonly name: string;
  readonly text: string;
  /** `[ Read 3 lines ]`, `[ New File ]`, or an error reading it. */
  readonly message: string;
}

export const NANO_VERSION = '7.2';

const ESCAPE = '\x1b';
const HOME_KEYS = new Set(['\x1b[H', '\x1bOH', '\x1b[1~']);
const END_KEYS = new Set(['\x1b[F', '\x1bOF', '\x1b[4~']);
const PAGE_UP = '\x1b[5~';
const PAGE_DOWN = '\x1b[6~';
const CONTROL_O = '\x0f';
const CONTROL_X = '\x18';
const CONTROL_V = '\x16';
const ALT_W = '\x1bw';
const ALT_SHIFT_W = '\x1bW';

type Move = (buffer: TextBuffer, page: number) => TextBuffer;

/** The keys that move the cursor, nano's control keys beside the arrows and paging keys. */
const MOVES: ReadonlyMap<string, Move> = new Map<string, Move>([
  [Key.left, (buffer) => moveLeft(buffer, true)],
  [Key.controlB, (buffer) => moveLeft(buffer, true)],
  [Key.right, (buffer) => moveRight(buffer, true)],
  [Key.controlF, (buffer) => moveRight(buffer, true)],
  [Key.up, (buffer) => moveVertically(buffer, -1)],
  [Key.controlP, (buffer) => moveVertically(buffer, -1)],
  [Key.down, (buffer) => moveVertically(buffer, 1)],
  [Key.controlN, (buffer) => moveVertically(buffer, 1)],
  [Key.controlA, moveToLineStart],
  [Key.controlE, moveToLineEnd],
  ...[...HOME_KEYS].map((key): [string, Move] => [key, moveToLineStart]),
  ...[...END_KEYS].map((key): [string, Move] => [key, moveToLineEnd]),
  [Key.controlY, (buffer, page) => moveVertically(buffer, -page)],
  [PAGE_UP, (buffer, page) => moveVertically(buffer, -page)],
  [CONTROL_V, (buffer, page) => moveVertically(buffer, page)],
  [PAGE_DOWN, (buffer, page) => moveVertically(buffer, page)],
]);
const PAGE_KEYS = new Set([Key.controlY, PAGE_UP, CONTROL_V, PAGE_DOWN]);

/** The keys that change the text; one that changes nothing leaves the buffer unmodified. */
const EDITS: ReadonlyMap<string, (buffer: TextBuffer) => TextBuffer> = new Map([
  [Key.enter, (buffer: TextBuffer) => insertText(buffer, '\n')],
  [Key.lineFeed, (buffer: TextBuffer) => insertText(buffer, '\n')],
  [Key.tab, (buffer: TextBuffer) => insertText(buffer, '\t')],
  [Key.backspace, deleteBackward],
  [Key.controlH, deleteBackward],
  [Key.delete, deleteForward],
  [Key.controlD, deleteForward],
]);

/** A question on the status bar: its prompt, what has been typed, and what it is for. */
type Prompt =
  | { readonly kind: 'file-name'; readonly text: string; readonly thenExit: boolean }
  | { readonly kind: 'search'; readonly text: string }
  | { readonly kind: 'save-modified' };

/** nano's two lines of shortcuts: each a key and its label, in its own column. */
type Shortcuts = readonly (readonly [string, string])[];

const MAIN_SHORTCUTS: readonly [Shortcuts, Shortcuts] = [
  [
    ['^O', 'Write Out'],
    // The browser keeps ^W (it closes the tab), so the bar offers nano's Alt+W beside it.
    ['M-W', 'Where Is'],
    ['^K', 'Cut'],
    ['^C', 'Location'],
    ['^Y', 'Prev Page'],
  ],
  [
    ['^X', 'Exit'],
    ['^A', 'Home'],
    ['^U', 'Paste'],
    ['^E', 'End'],
    ['^V', 'Next Page'],
  ],
];
const CANCEL_ONLY: readonly [Shortcuts, Shortcuts] = [[], [['^C', 'Cancel']]];
const YES_NO: readonly [Shortcuts, Shortcuts] = [
  [[' Y', 'Yes']],
  [
    [' N', 'No'],
    ['^C', 'Cancel'],
  ],
];

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** How many lines nano counts in a text it reads or writes. */
export function nanoLineCount(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/**
 * nano keeps an empty "magic line" below the text: the cursor can go there, typing on it
 * makes it a line of the text (and a new magic line appears), and it is why a written file
 * always ends with a newline.
 */
function withMagicLine(buffer: TextBuffer): TextBuffer {
  if (buffer.lines.at(-1) === '') return buffer;
  return { ...buffer, lines: [...buffer.lines, ''] };
}

/** nano's status-bar words for what it read. */
export function readMessage(text: string): string {
  return `[ Read ${plural(nanoLineCount(text), 'line')} ]`;
}

/**
 * GNU nano's editing, as a lab needs it: type, move with the arrows, Home/End, Page Up/Down
 * (and ^A ^E ^Y ^V), delete with Backspace and Delete, cut and paste whole lines (^K ^U),
 * search (^W), show the position (^C), write out (^O) and exit (^X, asking to save a
 * modified buffer). Keys are fed one at a time; `render` draws the whole screen.
 */
export class NanoEditor {
  #buffer: TextBuffer;
  #name: string;
  #message: string;
  #prompt: Prompt | null = null;
  #cutBuffer: readonly string[] = [];
  /** Whether the last key was ^K, so that consecutive cuts gather into one paste. */
  #cutting = false;
  /** What ^W last looked for, for M-W to find again. */
  #lastSearch = '';
  /** The lines as last read or written: every edit makes new ones, so any other is modified. */
  #savedLines: readonly string[];
  #top = 0;
  /** The terminal's height at the last render, for Page Up and Page Down. */
  #rows = 24;
  readonly #resolve: (name: string) => string;
  readonly #save: SaveFile;

  constructor(start: NanoStart, resolve: (name: string) => string, save: SaveFile) {
    this.#buffer = withMagicLine({ lines: start.text.split('\n'), row: 0, column: 0, goal: 0 });
    this.#name = start.name;
    this.#message = start.message;
    this.#savedLines = this.#buffer.lines;
    this.#resolve = resolve;
    this.#save = save;
  }

  /** The buffer as nano writes it: the magic line's newline ends the text. */
  get text(): string {
    return this.#buffer.lines.join('\n');
  }

  get #modified(): boolean {
    return this.#buffer.lines !== this.#savedLines;
  }

  /** Handles one key; resolves to 'exit' when nano ends. */
  async press(key: string): Promise<'continue' | 'exit'> {
    const cutting = this.#cutting;
    this.#cutting = false;
    if (this.#prompt !== null) return this.#answer(this.#prompt, key);
    this.#message = '';
    switch (key) {
      case CONTROL_X:
        if (!this.#modified) return 'exit';
        this.#prompt = { kind: 'save-modified' };
        return 'continue';
      case CONTROL_O:
        this.#prompt = { kind: 'file-name', text: this.#name, thenExit: false };
        return 'continue';
      case Key.controlW:
        this.#prompt = { kind: 'search', text: '' };
        return 'continue';
      case ALT_W:
      case ALT_SHIFT_W:
        // nano's M-W finds the next match; with nothing searched yet it asks, as ^W does.
        if (this.#lastSearch === '') this.#prompt = { kind: 'search', text: '' };
        else this.#search(this.#lastSearch);
        return 'continue';
      case Key.controlC:
        this.#message = this.#location();
        return 'continue';
      case Key.controlK:
        this.#cut(cutting);
        return 'continue';
      case Key.controlU:
        this.#edit(pasteLinesAbove(this.#buffer, this.#cutBuffer));
        return 'continue';
    }
    this.#move(key);
    return 'continue';
  }

  #move(key: string): void {
    const page = Math.max(1, this.#editRows - 2);
    const buffer = this.#buffer;
    const move = MOVES.get(key);
    if (move !== undefined) {
      this.#buffer = move(buffer, page);
      // A page key moves the window with the cursor, as nano's does.
      if (PAGE_KEYS.has(key)) this.#top = Math.max(0, this.#top + this.#buffer.row - buffer.row);
      return;
    }
    const edit = EDITS.get(key);
    if (edit !== undefined) {
      this.#edit(edit(buffer));
    } else if (isTyped(key)) this.#edit(insertText(buffer, key));
  }

  #edit(buffer: TextBuffer): void {
    this.#buffer = withMagicLine(buffer);
  }

  #cut(appending: boolean): void {
    // The magic line below the text cannot be cut.
    if (this.#buffer.row === this.#buffer.lines.length - 1) return;
    const { buffer, cut } = cutLines(this.#buffer);
    this.#cutBuffer = appending ? [...this.#cutBuffer, ...cut] : cut;
    this.#edit(buffer);
    this.#cutting = true;
  }

  async #answer(prompt: Prompt, key: string): Promise<'continue' | 'exit'> {
    if (key === Key.controlC) {
      this.#prompt = null;
      this.#message = '[ Cancelled ]';
      return 'continue';
    }
    if (prompt.kind === 'save-modified') {
      const answer = key.toLowerCase();
      if (answer === 'n') return 'exit';
      if (answer === 'y') this.#prompt = { kind: 'file-name', text: this.#name, thenExit: true };
      return 'continue';
    }
    if (key !== Key.enter && key !== Key.lineFeed) {
      const typed = pressEchoedKey(prompt.text, key);
      if (typed.kind === 'reading') this.#prompt = { ...prompt, text: typed.text };
      return 'continue';
    }
    this.#prompt = null;
    if (prompt.kind === 'search') {
      if (prompt.text !== '') this.#lastSearch = prompt.text;
      this.#search(prompt.text);
      return 'continue';
    }
    if (prompt.text === '') {
      this.#message = '[ Cancelled ]';
      return 'continue';
    }
    const text = this.text;
    const saved = await this.#save(this.#resolve(prompt.text), text);
    if (!saved.ok) {
      this.#message = `[ Error writing ${prompt.text}: ${saved.error} ]`;
      return 'continue';
    }
    this.#name = prompt.text;
    this.#savedLines = this.#buffer.lines;
    this.#message = `[ Wrote ${plural(nanoLineCount(text), 'line')} ]`;
    return prompt.thenExit ? 'exit' : 'continue';
  }

  /** ^W: the next match after the cursor, wrapping past the end to the top. */
  #search(term: string): void {
    if (term === '') {
      this.#message = '[ Cancelled ]';
      return;
    }
    const { lines, row, column } = this.#buffer;
    const count = lines.length;
    for (let step = 0; step <= count; step++) {
      const candidate = (row + step) % count;
      const line = lineAt(this.#buffer, candidate);
      const from = step === 0 ? column + 1 : 0;
      const index = line.indexOf(term, codeUnitIndex(line, from));
      if (index === -1) continue;
      const found = lengthOf(line.slice(0, index));
      this.#buffer = { ...this.#buffer, row: candidate, column: found, goal: found };
      if (step === count && found === column) this.#message = '[ This is the only occurrence ]';
      else if (row + step >= count) this.#message = '[ Search Wrapped ]';
      return;
    }
    this.#message = `[ "${term}" not found ]`;
  }

  #location(): string {
    const { lines, row, column } = this.#buffer;
    const line = lineAt(this.#buffer, row);
    const total = lengthOf(this.text);
    const before = lines.slice(0, row).reduce((sum, each) => sum + lengthOf(each) + 1, 0);
    const percent = (part: number, whole: number) => Math.floor((part * 100) / whole);
    const lineCount = lines.length;
    const columns = lengthOf(line) + 1;
    const character = before + column;
    return (
      `[ line ${row + 1}/${lineCount} (${percent(row + 1, lineCount)}%), ` +
      `col ${column + 1}/${columns} (${percent(column + 1, columns)}%), ` +
      `char ${character}/${total} (${total === 0 ? 100 : percent(character, total)}%) ]`
    );
  }

  get #editRows(): number {
    return Math.max(1, this.#rows - 4);
  }

  /** The whole screen for a terminal of `rows` by `columns`. */
  render(rows: number, columns: number): string {
    this.#rows = rows;
    const height = this.#editRows;
    const buffer = this.#buffer;
    this.#top = Math.min(scrollTop(this.#top, buffer.row, height), buffer.row);
    const screen: string[] = [this.#titleBar(columns)];
    const cursorColumn = lengthOf(
      expandTabs(sliceLine(lineAt(buffer, buffer.row), 0, buffer.column)),
    );
    const left = scrollLeft(cursorColumn, columns);
    for (let index = 0; index < height; index++) {
      const row = this.#top + index;
      if (row >= buffer.lines.length) {
        screen.push('');
        continue;
      }
      const line = expandTabs(lineAt(buffer, row));
      screen.push(visibleLine(line, row === buffer.row ? left : 0, columns));
    }
    const prompt = this.#prompt;
    screen.push(this.#statusBar(prompt, columns));
    const [first, second] =
      prompt === null ? MAIN_SHORTCUTS : prompt.kind === 'save-modified' ? YES_NO : CANCEL_ONLY;
    screen.push(shortcutLine(first, columns), shortcutLine(second, columns));
    const cursor =
      prompt !== null && prompt.kind !== 'save-modified'
        ? { row: rows - 3, column: lengthOf(promptLabel(prompt)) + lengthOf(prompt.text) }
        : prompt !== null
          ? { row: rows - 3, column: lengthOf(promptLabel(prompt)) }
          : { row: 1 + buffer.row - this.#top, column: cursorColumn - left };
    return frame(screen, cursor);
  }

  #titleBar(columns: number): string {
    const left = `  GNU nano ${NANO_VERSION}`;
    const right = this.#modified ? 'Modified  ' : '';
    const name = this.#name === '' ? 'New Buffer' : this.#name;
    const middle = Math.max(lengthOf(left) + 1, Math.floor((columns - lengthOf(name)) / 2));
    let bar = fit(left, middle) + name;
    bar = fit(bar, Math.max(lengthOf(bar), columns - lengthOf(right))) + right;
    return `${REVERSE}${fit(bar, columns)}${NORMAL}`;
  }

  #statusBar(prompt: Prompt | null, columns: number): string {
    if (prompt !== null) {
      const text = prompt.kind === 'save-modified' ? '' : prompt.text;
      return `${REVERSE}${fit(promptLabel(prompt) + text, columns)}${NORMAL}`;
    }
    if (this.#message === '') return '';
    const start = Math.max(0, Math.floor((columns - lengthOf(this.#message)) / 2));
    return `${' '.repeat(start)}${REVERSE}${sliceLine(this.#message, 0, columns)}${NORMAL}`;
  }
}

function promptLabel(prompt: Prompt): string {
  switch (prompt.kind) {
    case 'file-name':
      return 'File Name to Write: ';
    case 'search':
      return 'Search: ';
    case 'save-modified':
      return 'Save modified buffer? ';
  }
}

function shortcutLine(shortcuts: Shortcuts, columns: number): string {
  const width = Math.max(8, Math.floor(columns / Math.max(5, shortcuts.length)));
  return shortcuts
    .map(([key, label]) => `${REVERSE}${key}${NORMAL} ${fit(label, width - lengthOf(key) - 1)}`)
    .join('');
}

function codeUnitIndex(line: string, codePoints: number): number {
  return sliceLine(line, 0, codePoints).length;
}

/** Printable text: a key that is not a control character or an escape sequence. */
function isTyped(key: string): boolean {
  if (key.startsWith(ESCAPE)) return false;
  const code = key.charCodeAt(0);
  return code >= 0x20 && code !== 0x7f;
}
