/**
 * The text/template lexer (text/template/parse/lex.go, Go 1.22): text, actions between `{{` and
 * `}}`, trim markers `{{- ` and ` -}}`, comments (slash-star … star-slash inside an action), and the tokens inside actions.
 * Positions are string indices; `line` is the line on which an item starts, which is what Go
 * reports in parse errors.
 */
import { goQuote } from './quote';

export const KEYWORDS = {
  '.': 'dot',
  block: 'block',
  break: 'break',
  continue: 'continue',
  define: 'define',
  else: 'else',
  end: 'end',
  if: 'if',
  nil: 'nil',
  range: 'range',
  template: 'template',
  with: 'with',
} as const;

export type KeywordItemType = (typeof KEYWORDS)[keyof typeof KEYWORDS];

export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'EOF'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  | KeywordItemType;

export interface Item {
  readonly type: ItemType;
  readonly pos: number;
  readonly value: string;
  readonly line: number;
}

const KEYWORD_TYPES: ReadonlySet<ItemType> = new Set(Object.values(KEYWORDS));

/** How Go's parser names an item in "unexpected X in Y" messages (item.String()). */
export function describeItem(item: Item): string {
  if (item.type === 'EOF') return 'EOF';
  if (item.type === 'error') return item.value;
  if (KEYWORD_TYPES.has(item.type)) return `<${item.value}>`;
  const characters = Array.from(item.value);
  if (characters.length > 10) return `${goQuote(characters.slice(0, 10).join(''))}...`;
  return goQuote(item.value);
}

const LEFT_DELIM = '{{';
const RIGHT_DELIM = '}}';
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';
const TRIM_MARKER = '-';
const TRIM_MARKER_LENGTH = 2;

function isSpace(character: string): boolean {
  return character === ' ' || character === '\t' || character === '\r' || character === '\n';
}

function isAlphaNumeric(character: string): boolean {
  return character === '_' || /^[\p{L}\p{Nd}]$/u.test(character);
}

function hasLeftTrimMarker(text: string): boolean {
  return text.length >= 2 && text[0] === TRIM_MARKER && isSpace(text[1] ?? '');
}

function hasRightTrimMarker(text: string): boolean {
  return text.length >= 2 && isSpace(text[0] ?? '') && text[1] === TRIM_MARKER;
}

function countNewlines(text: string): number {
  let count = 0;
  for (const character of text) if (character === '\n') count++;
  return count;
}

/** `%#U` formatting of a character: U+0023 '#'. */
function describeCharacter(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} '${character}'`;
}

type State = (() => State) | undefined;

/** Scans a whole template into items; the last item is EOF or an error. */
export class Lexer {
  private readonly input: string;
  private readonly items: Item[] = [];
  private pos = 0;
  private start = 0;
  private line = 1;
  private startLine = 1;
  private parenDepth = 0;

  constructor(input: string) {
    this.input = input;
  }

  static lex(input: string): Item[] {
    const lexer = new Lexer(input);
    let state: State = () => lexer.lexText();
    while (state !== undefined) state = state();
    return lexer.items;
  }

  private peekCharacter(): string {
    return Array.from(this.input.slice(this.pos, this.pos + 2))[0] ?? '';
  }

  /** Consumes one character (a whole code point); '' at the end of input. */
  private next(): string {
    const character = this.peekCharacter();
    this.pos += character.length;
    if (character === '\n') this.line++;
    return character;
  }

  private backup(character: string): void {
    this.pos -= character.length;
    if (character === '\n') this.line--;
  }

  private accept(valid: string): boolean {
    const character = this.next();
    if (character !== '' && valid.includes(character)) return true;
    this.backup(character);
    return false;
  }

  private acceptRun(valid: string): void {
    while (this.accept(valid)) {
      // Keep consuming.
    }
  }

  private emit(type: ItemType): void {
    this.items.push({
      type,
      pos: this.start,
      value: this.input.slice(this.start, this.pos),
      line: this.startLine,
    });
    this.start = this.pos;
    this.startLine = this.line;
  }

  /** Skips the pending input, counting its newlines. */
  private ignore(): void {
    this.line += countNewlines(this.input.slice(this.start, this.pos));
    this.start = this.pos;
    this.startLine = this.line;
  }

  private errorf(message: string): State {
    this.items.push({ type: 'error', pos: this.start, value: message, line: this.startLine });
    return undefined;
  }

  private lexText(): State {
    const found = this.input.indexOf(LEFT_DELIM, this.pos);
    if (found < 0) {
      this.pos = this.input.length;
      if (this.pos > this.start) {
        this.line += countNewlines(this.input.slice(this.start, this.pos));
        this.emit('text');
      }
      this.emit('EOF');
      return undefined;
    }
    if (found > this.pos) {
      this.pos = found;
      let trimLength = 0;
      if (hasLeftTrimMarker(this.input.slice(found + LEFT_DELIM.length))) {
        const text = this.input.slice(this.start, this.pos);
        trimLength = text.length - text.replace(/[ \t\r\n]+$/, '').length;
      }
      this.pos -= trimLength;
      this.line += countNewlines(this.input.slice(this.start, this.pos));
      // Go always closes the text item here, even when trimming left it empty.
      if (this.pos > this.start) this.emit('text');
      this.start = this.pos;
      this.startLine = this.line;
      this.pos += trimLength;
      this.ignore();
    }
    return () => this.lexLeftDelim();
  }

  private lexLeftDelim(): State {
    this.pos += LEFT_DELIM.length;
    const afterMarker = hasLeftTrimMarker(this.input.slice(this.pos)) ? TRIM_MARKER_LENGTH : 0;
    if (this.input.startsWith(LEFT_COMMENT, this.pos + afterMarker)) {
      this.pos += afterMarker;
      this.ignore();
      return () => this.lexComment();
    }
    this.emit('leftDelim');
    this.pos += afterMarker;
    this.ignore();
    this.parenDepth = 0;
    return () => this.lexInsideAction();
  }

  private atRightDelim(): { delim: boolean; trimSpaces: boolean } {
    const rest = this.input.slice(this.pos);
    if (hasRightTrimMarker(rest) && rest.startsWith(RIGHT_DELIM, TRIM_MARKER_LENGTH)) {
      return { delim: true, trimSpaces: true };
    }
    return { delim: rest.startsWith(RIGHT_DELIM), trimSpaces: false };
  }

  private leftTrimLength(): number {
    const rest = this.input.slice(this.pos);
    return rest.length - rest.replace(/^[ \t\r\n]+/, '').length;
  }

  private lexComment(): State {
    this.pos += LEFT_COMMENT.length;
    const end = this.input.indexOf(RIGHT_COMMENT, this.pos);
    if (end < 0) return this.errorf('unclosed comment');
    this.pos = end + RIGHT_COMMENT.length;
    const { delim, trimSpaces } = this.atRightDelim();
    if (!delim) return this.errorf('comment ends before closing delimiter');
    if (trimSpaces) this.pos += TRIM_MARKER_LENGTH;
    this.pos += RIGHT_DELIM.length;
    if (trimSpaces) this.pos += this.leftTrimLength();
    this.ignore();
    return () => this.lexText();
  }

  private lexRightDelim(): State {
    const { trimSpaces } = this.atRightDelim();
    if (trimSpaces) {
      this.pos += TRIM_MARKER_LENGTH;
      this.ignore();
    }
    this.pos += RIGHT_DELIM.length;
    this.emit('rightDelim');
    if (trimSpaces) {
      this.pos += this.leftTrimLength();
      this.ignore();
    }
    return () => this.lexText();
  }

  private lexInsideAction(): State {
    if (this.atRightDelim().delim) {
      if (this.parenDepth === 0) return () => this.lexRightDelim();
      return this.errorf('unclosed left paren');
    }
    const character = this.next();
    const simple = this.lexPunctuation(character);
    if (simple !== null) return simple;
    if (character === '.') {
      const following = this.input[this.pos];
      if (following === undefined || following < '0' || following > '9') {
        return () => this.lexFieldOrVariable('field');
      }
    }
    if (character === '.' || character === '+' || character === '-' || /^[0-9]$/.test(character)) {
      this.backup(character);
      return () => this.lexNumber();
    }
    if (isAlphaNumeric(character)) {
      this.backup(character);
      return () => this.lexIdentifier();
    }
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint >= 0x20 && codePoint < 0x7f) {
      this.emit('char');
      return () => this.lexInsideAction();
    }
    return this.errorf(`unrecognized character in action: ${describeCharacter(character)}`);
  }

  /** Single-character tokens and quote openers; null when the character is none of them. */
  private lexPunctuation(character: string): State | null {
    const inside = (): State => this.lexInsideAction();
    switch (character) {
      case '':
        return this.errorf('unclosed action');
      case ' ':
      case '\t':
      case '\r':
      case '\n':
        this.backup(character);
        return () => this.lexSpace();
      case '=':
        this.emit('assign');
        return inside;
      case ':':
        if (this.next() !== '=') return this.errorf('expected :=');
        this.emit('declare');
        return inside;
      case '|':
        this.emit('pipe');
        return inside;
      case '"':
        return () => this.lexQuote('"', 'string', 'unterminated quoted string');
      case "'":
        return () => this.lexQuote("'", 'charConstant', 'unterminated character constant');
      case '`':
        return () => this.lexRawQuote();
      case '$':
        return () => this.lexVariable();
      case '(':
        this.parenDepth++;
        this.emit('leftParen');
        return inside;
      case ')':
        this.parenDepth--;
        if (this.parenDepth < 0) return this.errorf('unexpected right paren');
        this.emit('rightParen');
        return inside;
      default:
        return null;
    }
  }

  private lexSpace(): State {
    let spaces = 0;
    while (isSpace(this.peekCharacter())) {
      this.next();
      spaces++;
    }
    // A space may be the start of a trim-marked right delimiter " -}}".
    const rest = this.input.slice(this.pos - 1);
    if (hasRightTrimMarker(rest) && rest.startsWith(RIGHT_DELIM, TRIM_MARKER_LENGTH)) {
      this.backup(this.input[this.pos - 1] ?? '');
      if (spaces === 1) return () => this.lexRightDelim();
    }
    this.emit('space');
    return () => this.lexInsideAction();
  }

  private atTerminator(): boolean {
    const character = this.peekCharacter();
    return (
      character === '' ||
      isSpace(character) ||
      '.,|:)('.includes(character) ||
      character === RIGHT_DELIM[0]
    );
  }

  private scanAlphaNumeric(): string {
    for (;;) {
      const character = this.next();
      if (!isAlphaNumeric(character)) {
        this.backup(character);
        return this.peekCharacter();
      }
    }
  }

  private lexIdentifier(): State {
    const stopper = this.scanAlphaNumeric();
    if (!this.atTerminator()) return this.errorf(`bad character ${describeCharacter(stopper)}`);
    const word = this.input.slice(this.start, this.pos);
    const keyword = (KEYWORDS as Readonly<Record<string, KeywordItemType>>)[word];
    if (keyword !== undefined && Object.hasOwn(KEYWORDS, word)) this.emit(keyword);
    else if (word === 'true' || word === 'false') this.emit('bool');
    else this.emit('identifier');
    return () => this.lexInsideAction();
  }

  private lexVariable(): State {
    if (this.atTerminator()) {
      this.emit('variable');
      return () => this.lexInsideAction();
    }
    return this.lexFieldOrVariable('variable');
  }

  /** Scans `.Name` or `$name`; the `.` or `$` has been consumed. */
  private lexFieldOrVariable(type: 'field' | 'variable'): State {
    if (this.atTerminator()) {
      this.emit(type === 'variable' ? 'variable' : 'dot');
      return () => this.lexInsideAction();
    }
    const stopper = this.scanAlphaNumeric();
    if (!this.atTerminator()) return this.errorf(`bad character ${describeCharacter(stopper)}`);
    this.emit(type);
    return () => this.lexInsideAction();
  }

  private lexQuote(quote: string, type: ItemType, unterminated: string): State {
    for (;;) {
      const character = this.next();
      if (character === '\\') {
        const escaped = this.next();
        if (escaped !== '' && escaped !== '\n') continue;
        return this.errorf(unterminated);
      }
      if (character === '' || character === '\n') return this.errorf(unterminated);
      if (character === quote) break;
    }
    this.emit(type);
    return () => this.lexInsideAction();
  }

  private lexRawQuote(): State {
    const end = this.input.indexOf('`', this.pos);
    if (end < 0) return this.errorf('unterminated raw quoted string');
    this.line += countNewlines(this.input.slice(this.pos, end));
    this.pos = end + 1;
    this.emit('rawString');
    return () => this.lexInsideAction();
  }

  private lexNumber(): State {
    if (!this.scanNumber())
      return this.errorf(`bad number syntax: ${goQuote(this.input.slice(this.start, this.pos))}`);
    const sign = this.peekCharacter();
    if (sign === '+' || sign === '-') {
      if (!this.scanNumber() || this.input[this.pos - 1] !== 'i') {
        return this.errorf(`bad number syntax: ${goQuote(this.input.slice(this.start, this.pos))}`);
      }
      this.emit('complex');
    } else {
      this.emit('number');
    }
    return () => this.lexInsideAction();
  }

  private scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.peekCharacter())) {
      this.next();
      return false;
    }
    return true;
  }
}
