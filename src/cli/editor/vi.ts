import { utf8Bytes } from '../../lib/utf8';
import { Key } from '../tty/keys';
import { pressEchoedKey } from '../tty/line-reader';
import type { SaveFile } from './save-file';
import { expandTabs, frame, scrollLeft, scrollTop, visibleLine } from './screen';
import {
  bufferFromText,
  cutLines,
  deleteBackward,
  deleteForward,
  insertText,
  lengthOf,
  lineAt,
  moveByWord,
  moveLeft,
  moveRight,
  moveToFirstNonBlank,
  moveToLineEnd,
  moveToLineStart,
  moveToRow,
  moveVertically,
  onCharacter,
  openLine,
  pasteLinesAbove,
  pasteLinesBelow,
  sliceLine,
  textOfBuffer,
  type TextBuffer,
} from './text-buffer';

/** What vi is told at start: the file's name as typed, what was read, and what to say. */
export interface ViStart {
  readonly name: string;
  /** Null for a file that does not exist yet (`[New]`). */
  readonly text: string | null;
  /** A message in place of the file's summary (a directory, an unreadable file). */
  readonly message?: string;
}

type Mode = 'normal' | 'insert' | 'command';

/** Text deleted or yanked: whole lines (`dd`, `yy`) or characters (`x`). */
interface Register {
  readonly linewise: boolean;
  readonly text: readonly string[];
}

const ESCAPE = '\x1b';

/** `"name" 3L, 14B`, vim's summary of a file's text. */
function summary(text: string): string {
  const lines = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  return `${lines}L, ${utf8Bytes(text).length}B`;
}

/** The keys vim treats as motions in normal mode, each with its count. */
const MOTIONS: ReadonlyMap<string, (buffer: TextBuffer, count: number) => TextBuffer> = new Map<
  string,
  (buffer: TextBuffer, count: number) => TextBuffer
>([
  ['h', (buffer, count) => repeat(buffer, count, (each) => moveLeft(each, false))],
  [Key.left, (buffer, count) => repeat(buffer, count, (each) => moveLeft(each, false))],
  [Key.backspace, (buffer, count) => repeat(buffer, count, (each) => moveLeft(each, true))],
  ['l', (buffer, count) => repeat(buffer, count, (each) => moveRight(each, false))],
  [' ', (buffer, count) => repeat(buffer, count, (each) => moveRight(each, true))],
  [Key.right, (buffer, count) => repeat(buffer, count, (each) => moveRight(each, false))],
  ['j', (buffer, count) => moveVertically(buffer, count)],
  [Key.down, (buffer, count) => moveVertically(buffer, count)],
  ['k', (buffer, count) => moveVertically(buffer, -count)],
  [Key.up, (buffer, count) => moveVertically(buffer, -count)],
  [Key.enter, (buffer, count) => moveToFirstNonBlank(moveVertically(buffer, count))],
  ['0', (buffer) => moveToLineStart(buffer)],
  ['\x1b[H', (buffer) => moveToLineStart(buffer)],
  ['$', (buffer) => moveToLineEnd(buffer)],
  ['\x1b[F', (buffer) => moveToLineEnd(buffer)],
  ['^', (buffer) => moveToFirstNonBlank(buffer)],
  ['w', (buffer, count) => repeat(buffer, count, (each) => moveByWord(each, true))],
  ['b', (buffer, count) => repeat(buffer, count, (each) => moveByWord(each, false))],
]);

/** The keys that enter insert mode, each with where the cursor goes first. */
const INSERTS: ReadonlyMap<string, (buffer: TextBuffer) => TextBuffer> = new Map([
  ['i', (buffer: TextBuffer) => buffer],
  [
    'a',
    (buffer: TextBuffer) => (lineAt(buffer, buffer.row) === '' ? buffer : moveRight(buffer, false)),
  ],
  ['I', moveToFirstNonBlank],
  ['A', moveToLineEnd],
  ['o', (buffer: TextBuffer) => openLine(buffer, true)],
  ['O', (buffer: TextBuffer) => openLine(buffer, false)],
]);

function repeat(
  buffer: TextBuffer,
  count: number,
  step: (buffer: TextBuffer) => TextBuffer,
): TextBuffer {
  let moved = buffer;
  for (let index = 0; index < count; index++) moved = step(moved);
  return moved;
}

/**
 * vim's editing for what a lab needs: normal mode's motions (h j k l, the arrows, w b 0 ^ $,
 * gg G, counts), x X dd D yy p P, u to undo, i a I A o O into insert mode and Escape out of
 * it, and the command line's :w :q :wq :x :q! and :N (a line number); ZZ writes and quits.
 * Long lines scroll sideways instead of wrapping.
 */
export class ViEditor {
  #buffer: TextBuffer;
  #name: string;
  /** Whether the file existed when opened or was written since: `[New]` until then. */
  #exists: boolean;
  #mode: Mode = 'normal';
  #command = '';
  #message: string;
  #count = '';
  /** The first key of a two-key command (`dd`, `yy`, `gg`, `ZZ`). */
  #pending = '';
  #register: Register = { linewise: false, text: [] };
  readonly #undo: TextBuffer[] = [];
  /**
   * The lines as last read or written. Every edit makes new lines, so the buffer is modified
   * exactly when its lines are not these; undoing back to them makes it unmodified again.
   */
  #savedLines: readonly string[];
  #top = 0;
  readonly #resolve: (name: string) => string;
  readonly #save: SaveFile;

  constructor(start: ViStart, resolve: (name: string) => string, save: SaveFile) {
    this.#buffer = bufferFromText(start.text ?? '');
    this.#savedLines = this.#buffer.lines;
    this.#name = start.name;
    this.#exists = start.text !== null;
    this.#resolve = resolve;
    this.#save = save;
    this.#message =
      start.message ??
      (start.name === ''
        ? ''
        : start.text === null
          ? `"${start.name}" [New]`
          : `"${start.name}" ${summary(start.text)}`);
  }

  get text(): string {
    return textOfBuffer(this.#buffer);
  }

  get #modified(): boolean {
    return this.#buffer.lines !== this.#savedLines;
  }

  async press(key: string): Promise<'continue' | 'exit'> {
    // A fast typist's Escape and next key can arrive as one Alt sequence: take them apart.
    if (key.length === 2 && key.startsWith(ESCAPE) && key !== '\x1b[' && key !== '\x1bO') {
      const first = await this.press(ESCAPE);
      return first === 'exit' ? first : this.press(key.slice(1));
    }
    // Keys typed faster than the screen draws arrive as one run; normal mode takes each alone,
    // and the rest goes on in whatever mode the first one left.
    const characters = Array.from(key);
    if (this.#mode === 'normal' && characters.length > 1 && isTyped(key)) {
      const [first = '', ...rest] = characters;
      if ((await this.press(first)) === 'exit') return 'exit';
      return this.press(rest.join(''));
    }
    switch (this.#mode) {
      case 'insert':
        this.#insertKey(key);
        return 'continue';
      case 'command':
        return this.#commandKey(key);
      case 'normal':
        return this.#normalKey(key);
    }
  }

  #insertKey(key: string): void {
    if (key === ESCAPE) {
      this.#mode = 'normal';
      this.#message = '';
      this.#buffer = onCharacter(moveLeft(this.#buffer, false));
      return;
    }
    const buffer = this.#buffer;
    if (key === Key.enter || key === Key.lineFeed) this.#buffer = insertText(buffer, '\n');
    else if (key === Key.backspace || key === Key.controlH) this.#buffer = deleteBackward(buffer);
    else if (key === Key.delete) this.#buffer = deleteForward(buffer);
    else if (key === Key.tab) this.#buffer = insertText(buffer, '\t');
    else if (key === Key.left) this.#buffer = moveLeft(buffer, false);
    else if (key === Key.right) this.#buffer = moveRight(buffer, false);
    else if (key === Key.up) this.#buffer = moveVertically(buffer, -1);
    else if (key === Key.down) this.#buffer = moveVertically(buffer, 1);
    else if (isTyped(key)) this.#buffer = insertText(buffer, key);
  }

  /** Remembers the text before a change from normal mode, for `u`. */
  #checkpoint(): void {
    this.#undo.push(this.#buffer);
  }

  #enterInsert(buffer: TextBuffer): void {
    this.#checkpoint();
    this.#buffer = buffer;
    this.#mode = 'insert';
    this.#message = '-- INSERT --';
  }

  async #normalKey(key: string): Promise<'continue' | 'exit'> {
    if (/^[1-9]$/.test(key) || (key === '0' && this.#count !== '')) {
      this.#count += key;
      return 'continue';
    }
    const count = Math.max(1, Number(this.#count || '1'));
    const counted = this.#count !== '';
    this.#count = '';
    const pending = this.#pending;
    this.#pending = '';
    if (pending !== '') return this.#secondKey(pending + key, count, counted);
    const motion = MOTIONS.get(key);
    if (motion !== undefined) {
      this.#buffer = onCharacter(motion(this.#buffer, count));
      return 'continue';
    }
    this.#editKey(key, count, counted);
    return 'continue';
  }

  #editKey(key: string, count: number, counted: boolean): void {
    const insertAt = INSERTS.get(key);
    if (insertAt !== undefined) {
      this.#enterInsert(insertAt(this.#buffer));
      return;
    }
    const buffer = this.#buffer;
    switch (key) {
      case 'd':
      case 'y':
      case 'g':
      case 'Z':
        this.#pending = key;
        this.#count = counted ? String(count) : '';
        return;
      case 'G': {
        const row = counted ? count - 1 : buffer.lines.length - 1;
        this.#buffer = moveToFirstNonBlank(moveToRow(buffer, row));
        return;
      }
      case 'x':
      case Key.delete:
        this.#deleteCharacters(count);
        return;
      case 'X':
        this.#deleteBefore(count);
        return;
      case 'D':
        this.#deleteToLineEnd();
        return;
      case 'p':
      case 'P':
        this.#put(key === 'p');
        return;
      case 'u':
        this.#undoChange();
        return;
      case ':':
        this.#mode = 'command';
        this.#command = '';
        return;
      case ESCAPE:
        return;
    }
  }

  #deleteBefore(count: number): void {
    const buffer = this.#buffer;
    if (buffer.column === 0) return;
    this.#checkpoint();
    this.#buffer = repeat(buffer, Math.min(count, buffer.column), (each) => deleteBackward(each));
  }

  #deleteToLineEnd(): void {
    const buffer = this.#buffer;
    const line = lineAt(buffer, buffer.row);
    this.#checkpoint();
    this.#register = { linewise: false, text: [sliceLine(line, buffer.column)] };
    const kept = sliceLine(line, 0, buffer.column);
    this.#buffer = onCharacter({
      ...buffer,
      lines: buffer.lines.map((each, row) => (row === buffer.row ? kept : each)),
    });
  }

  #deleteCharacters(count: number): void {
    const buffer = this.#buffer;
    const line = lineAt(buffer, buffer.row);
    if (line === '') return;
    this.#checkpoint();
    const end = Math.min(lengthOf(line), buffer.column + count);
    this.#register = { linewise: false, text: [sliceLine(line, buffer.column, end)] };
    const edited = sliceLine(line, 0, buffer.column) + sliceLine(line, end);
    this.#buffer = onCharacter({
      ...buffer,
      lines: buffer.lines.map((each, row) => (row === buffer.row ? edited : each)),
    });
  }

  #put(after: boolean): void {
    const register = this.#register;
    if (register.text.length === 0) return;
    this.#checkpoint();
    const buffer = this.#buffer;
    if (register.linewise) {
      this.#buffer = after
        ? pasteLinesBelow(buffer, register.text)
        : this.#pasteAbove(buffer, register.text);
      return;
    }
    const at = after && lineAt(buffer, buffer.row) !== '' ? moveRight(buffer, false) : buffer;
    const text = register.text.join('\n');
    this.#buffer = onCharacter(moveLeft(insertText(at, text), false));
  }

  /** `P` puts lines above and leaves the cursor on the first of them. */
  #pasteAbove(buffer: TextBuffer, lines: readonly string[]): TextBuffer {
    return moveVertically(pasteLinesAbove(buffer, lines), -lines.length);
  }

  #undoChange(): void {
    const previous = this.#undo.pop();
    if (previous === undefined) {
      this.#message = 'Already at oldest change';
      return;
    }
    this.#buffer = onCharacter(previous);
  }

  async #secondKey(keys: string, count: number, counted: boolean): Promise<'continue' | 'exit'> {
    const buffer = this.#buffer;
    switch (keys) {
      case 'dd': {
        this.#checkpoint();
        const { buffer: left, cut } = cutLines(buffer, count);
        this.#register = { linewise: true, text: cut };
        this.#buffer = moveToFirstNonBlank(left);
        return 'continue';
      }
      case 'yy':
        this.#register = {
          linewise: true,
          text: buffer.lines.slice(buffer.row, buffer.row + count),
        };
        return 'continue';
      case 'gg':
        this.#buffer = moveToFirstNonBlank(moveToRow(buffer, counted ? count - 1 : 0));
        return 'continue';
      case 'ZZ':
        return this.#run(this.#modified ? 'x' : 'q');
      case 'ZQ':
        return this.#run('q!');
      default:
        return 'continue';
    }
  }

  async #commandKey(key: string): Promise<'continue' | 'exit'> {
    if (key === ESCAPE || key === Key.controlC) {
      this.#mode = 'normal';
      return 'continue';
    }
    if (key === Key.enter || key === Key.lineFeed) {
      this.#mode = 'normal';
      return this.#run(this.#command.trim());
    }
    if ((key === Key.backspace || key === Key.controlH) && this.#command === '') {
      this.#mode = 'normal';
      return 'continue';
    }
    const typed = pressEchoedKey(this.#command, key);
    if (typed.kind === 'reading') this.#command = typed.text;
    return 'continue';
  }

  /** One command line: `w [FILE]`, `q`, `wq`, `x`, with `!`, or a line number. */
  async #run(command: string): Promise<'continue' | 'exit'> {
    const parsed = /^(wq|write|w|quit|q|xit|exit|x)(!?)(?:\s+(.*))?$/.exec(command);
    if (/^\d+$/.test(command)) {
      this.#buffer = onCharacter(moveToFirstNonBlank(moveToRow(this.#buffer, Number(command) - 1)));
      return 'continue';
    }
    if (command === '') return 'continue';
    if (parsed === null) {
      this.#message = `E492: Not an editor command: ${command}`;
      return 'continue';
    }
    const verb = parsed[1] ?? '';
    const force = parsed[2] === '!';
    const file = parsed[3] ?? '';
    const writes = verb.startsWith('w') || verb.startsWith('x') || verb === 'exit';
    const quits = verb !== 'w' && verb !== 'write';
    // :x writes only a changed buffer; :w and :wq always write.
    const mustWrite =
      writes && (verb === 'w' || verb === 'write' || verb === 'wq' || this.#modified);
    if (mustWrite && !(await this.#write(file))) return 'continue';
    if (!quits) return 'continue';
    if (this.#modified && !force) {
      this.#message = 'E37: No write since last change (add ! to override)';
      return 'continue';
    }
    return 'exit';
  }

  async #write(file: string): Promise<boolean> {
    const name = file === '' ? this.#name : file;
    if (name === '') {
      this.#message = 'E32: No file name';
      return false;
    }
    const text = this.text;
    const saved = await this.#save(this.#resolve(name), text);
    if (!saved.ok) {
      this.#message = `"${name}" E212: Can't open file for writing`;
      return false;
    }
    const wasNew = !this.#exists || name !== this.#name;
    this.#message = `"${name}" ${wasNew ? '[New] ' : ''}${summary(text)} written`;
    if (this.#name === '') this.#name = name;
    if (name === this.#name) {
      this.#exists = true;
      this.#savedLines = this.#buffer.lines;
    }
    return true;
  }

  render(rows: number, columns: number): string {
    const height = Math.max(1, rows - 1);
    const buffer = this.#buffer;
    this.#top = scrollTop(this.#top, buffer.row, height);
    const cursorColumn = lengthOf(
      expandTabs(sliceLine(lineAt(buffer, buffer.row), 0, buffer.column)),
    );
    const left = scrollLeft(cursorColumn, columns);
    const screen: string[] = [];
    for (let index = 0; index < height; index++) {
      const row = this.#top + index;
      if (row >= buffer.lines.length) screen.push('~');
      else {
        const line = expandTabs(lineAt(buffer, row));
        screen.push(visibleLine(line, row === buffer.row ? left : 0, columns));
      }
    }
    const commandLine = this.#mode === 'command' ? `:${this.#command}` : this.#message;
    screen.push(sliceLine(commandLine, 0, columns - 1));
    const cursor =
      this.#mode === 'command'
        ? { row: rows - 1, column: lengthOf(commandLine) }
        : { row: buffer.row - this.#top, column: cursorColumn - left };
    return frame(screen, cursor);
  }
}

function isTyped(key: string): boolean {
  if (key.startsWith(ESCAPE)) return false;
  const code = key.charCodeAt(0);
  return code >= 0x20 && code !== 0x7f;
}
