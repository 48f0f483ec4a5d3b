import type {
  ControlOperator,
  IncompleteReason,
  RedirectionOperator,
  Token,
  Word,
  WordPart,
} from './syntax';

/**
 * The tokeniser: bash's quoting rules turned into words and operators. Single quotes keep every
 * character; double quotes keep all but `$`, `` ` `` and `\`; an unquoted backslash quotes the
 * next character; backslash-newline joins lines. Expansions are recorded, not performed: `$?`
 * must be read when its command runs, not when the line is typed.
 */

export type LexResult =
  | { readonly kind: 'tokens'; readonly tokens: readonly Token[] }
  | { readonly kind: 'incomplete'; readonly reason: IncompleteReason }
  | { readonly kind: 'error'; readonly message: string };

/** Thrown inside the lexer and turned into a `LexResult`; never escapes this module. */
class IncompleteInput extends Error {
  constructor(readonly reason: IncompleteReason) {
    super(`incomplete input (${reason})`);
  }
}

class SyntaxFailure extends Error {}

const metacharacters = new Set([' ', '\t', '\n', '|', '&', ';', '(', ')', '<', '>']);
const specialParameters = new Set(['?', '$', '#', '@', '*', '!', '-']);
const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;
const specialNamePattern = /^(?:[?$#@*!-]|[0-9]+)$/;
const operatorFormPattern = /^(?:[#!][A-Za-z_]\w*|[A-Za-z_]\w*[:\-=+?%#/^,[].*)$/s;

export function tokenize(source: string): LexResult {
  try {
    return { kind: 'tokens', tokens: new Lexer(source).run() };
  } catch (error) {
    if (error instanceof IncompleteInput) return { kind: 'incomplete', reason: error.reason };
    if (error instanceof SyntaxFailure) return { kind: 'error', message: error.message };
    throw error;
  }
}

/**
 * A here-document whose body comes after the next newline: the index of its delimiter word
 * among the tokens (replaced by the body once read), the delimiter with quotes removed, whether
 * it was quoted (no expansion in the body) and whether `<<-` strips leading tabs.
 */
interface PendingHereDocument {
  readonly tokenIndex: number;
  readonly delimiter: string;
  readonly quoted: boolean;
  readonly stripTabs: boolean;
}

class Lexer {
  readonly #source: string;
  #index = 0;
  readonly #tokens: Token[] = [];
  readonly #hereDocuments: PendingHereDocument[] = [];
  /** Set by `<<`: the next word is a here-document's delimiter. */
  #delimiterNext: { readonly stripTabs: boolean } | null = null;

  constructor(source: string) {
    this.#source = source;
  }

  run(): Token[] {
    while (this.#index < this.#source.length) {
      const character = this.#peek();
      if (character === ' ' || character === '\t') this.#index++;
      else if (character === '\n') this.#pushNewline();
      else if (character === '#') this.#skipComment();
      else if (character === '\\' && this.#peek(1) === '\n') this.#index += 2;
      else if (metacharacters.has(character)) this.#tokens.push(this.#readOperator());
      else this.#readWordOrFdRedirection();
    }
    // A here-document whose body has not ended yet: bash reads more lines at `> `.
    if (this.#hereDocuments.length > 0) throw new IncompleteInput('heredoc');
    return this.#tokens;
  }

  #peek(offset = 0): string {
    return this.#source.charAt(this.#index + offset);
  }

  #startsWith(text: string): boolean {
    return this.#source.startsWith(text, this.#index);
  }

  #pushNewline(): void {
    this.#index++;
    this.#tokens.push({ kind: 'newline' });
    for (const document of this.#hereDocuments.splice(0)) this.#readHereDocument(document);
  }

  /**
   * Reads a here-document's body, the lines up to the one that is exactly its delimiter, and
   * puts it in place of the delimiter word. An unquoted delimiter's body expands as inside
   * double quotes (`$X`, `$(...)`), a quoted one's is taken as it is.
   */
  #readHereDocument(document: PendingHereDocument): void {
    const lines: string[] = [];
    for (;;) {
      if (this.#index >= this.#source.length) throw new IncompleteInput('heredoc');
      const end = this.#source.indexOf('\n', this.#index);
      const raw = this.#source.slice(this.#index, end === -1 ? this.#source.length : end);
      this.#index = end === -1 ? this.#source.length : end + 1;
      const line = document.stripTabs ? raw.replace(/^\t+/, '') : raw;
      if (line === document.delimiter) break;
      // The last line typed so far may still be the delimiter: wait for its newline.
      if (end === -1) throw new IncompleteInput('heredoc');
      lines.push(line);
    }
    const body = lines.map((line) => `${line}\n`).join('');
    const word: Word = document.quoted
      ? { parts: [{ kind: 'literal', text: body, quoted: true }], text: body }
      : hereDocumentWord(body);
    this.#tokens[document.tokenIndex] = { kind: 'word', word };
  }

  #skipComment(): void {
    const end = this.#source.indexOf('\n', this.#index);
    this.#index = end === -1 ? this.#source.length : end;
  }

  #readOperator(fd: number | null = null): Token {
    const control = this.#matchControlOperator();
    if (control !== null && fd === null) {
      this.#index += control.length;
      return { kind: 'operator', operator: control };
    }
    for (const [text, operator, duplicate] of redirectionSpellings) {
      if (!this.#startsWith(text)) continue;
      this.#index += text.length;
      if (operator === '<<') this.#expectHereDocument();
      return { kind: 'redirection', operator, fd, duplicate };
    }
    throw new Error(`lexer: no operator at ${this.#index}`);
  }

  /** After `<<` or `<<-`: the next word is the delimiter, the body comes after the line's end. */
  #expectHereDocument(): void {
    const stripTabs = this.#peek() === '-';
    if (stripTabs) this.#index++;
    this.#delimiterNext = { stripTabs };
  }

  /** The word read right after `<<`: it names where the body ends. */
  #noteDelimiter(word: Word, stripTabs: boolean): void {
    const quoted =
      word.parts.some((part) => part.kind !== 'literal' || part.quoted) || /['"\\]/.test(word.text);
    // The delimiter is the word with its quotes removed, never expanded.
    const delimiter = word.text.replace(/['"\\]/g, '');
    this.#hereDocuments.push({ tokenIndex: this.#tokens.length, delimiter, quoted, stripTabs });
  }

  #matchControlOperator(): ControlOperator | null {
    // `&>` and `&>>` begin with `&` but redirect; `&&` and `&` do not.
    if (this.#startsWith('&>')) return null;
    return controlSpellings.find((operator) => this.#startsWith(operator)) ?? null;
  }

  #readWordOrFdRedirection(): void {
    const word = this.#readWord();
    const delimiter = this.#delimiterNext;
    if (delimiter !== null) {
      this.#delimiterNext = null;
      this.#noteDelimiter(word, delimiter.stripTabs);
      this.#tokens.push({ kind: 'word', word });
      return;
    }
    const next = this.#peek();
    const isFd = /^[0-9]+$/.test(word.text) && word.parts.length === 1;
    if (isFd && (next === '<' || next === '>')) {
      this.#tokens.push(this.#readOperator(Number(word.text)));
      return;
    }
    this.#tokens.push({ kind: 'word', word });
  }

  #readWord(): Word {
    const start = this.#index;
    const parts = new WordBuilder();
    if (this.#peek() === '~' && this.#isTildeEnd(this.#peek(1))) {
      parts.push({ kind: 'tilde' });
      this.#index++;
    }
    while (this.#index < this.#source.length && !metacharacters.has(this.#peek())) {
      this.#readWordPiece(parts);
    }
    return { parts: parts.parts, text: this.#source.slice(start, this.#index) };
  }

  #isTildeEnd(character: string): boolean {
    return character === '' || character === '/' || metacharacters.has(character);
  }

  #readWordPiece(parts: WordBuilder): void {
    const character = this.#peek();
    switch (character) {
      case "'":
        parts.literal(this.#readSingleQuoted(), true);
        return;
      case '"':
        this.#readDoubleQuoted(parts);
        return;
      case '\\':
        this.#readBackslash(parts);
        return;
      case '$':
        this.#readDollar(parts, false);
        return;
      case '`':
        parts.push({ kind: 'command', source: this.#readBackquoted(), quoted: false });
        return;
      default:
        parts.literal(character, false);
        this.#index++;
    }
  }

  #readSingleQuoted(): string {
    const end = this.#source.indexOf("'", this.#index + 1);
    if (end === -1) throw new IncompleteInput('quote');
    const text = this.#source.slice(this.#index + 1, end);
    this.#index = end + 1;
    return text;
  }

  #readDoubleQuoted(parts: WordBuilder): void {
    this.#index++;
    // An empty pair of quotes still makes a word: `echo ""` passes one empty argument.
    parts.literal('', true);
    for (;;) {
      const character = this.#peek();
      if (character === '') throw new IncompleteInput('quote');
      if (character === '"') break;
      if (character === '\\') this.#readBackslashInDoubleQuotes(parts);
      else if (character === '$') this.#readDollar(parts, true);
      else if (character === '`') {
        parts.push({ kind: 'command', source: this.#readBackquoted(), quoted: true });
      } else {
        parts.literal(character, true);
        this.#index++;
      }
    }
    this.#index++;
  }

  #readBackslashInDoubleQuotes(parts: WordBuilder): void {
    const next = this.#peek(1);
    if (next === '') throw new IncompleteInput('quote');
    this.#index += 2;
    if (next === '\n') return;
    parts.literal('$`"\\'.includes(next) ? next : `\\${next}`, true);
  }

  #readBackslash(parts: WordBuilder): void {
    const next = this.#peek(1);
    if (next === '') throw new IncompleteInput('backslash');
    this.#index += 2;
    if (next !== '\n') parts.literal(next, true);
  }

  #readDollar(parts: WordBuilder, quoted: boolean): void {
    const next = this.#peek(1);
    if (next === "'" && !quoted) {
      this.#index++;
      parts.literal(decodeAnsiCString(this.#readSingleQuotedWithEscapes()), true);
    } else if (next === '"' && !quoted) {
      // `$"..."` is a translatable string; without a message catalogue it is a plain "...".
      this.#index++;
    } else if (next === '{') {
      parts.push({ kind: 'parameter', name: this.#readBracedName(), quoted });
    } else if (next === '(') {
      parts.push({ kind: 'command', source: this.#readCommandSubstitution(), quoted });
    } else if (/[A-Za-z_]/.test(next)) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.#source.slice(this.#index + 1))?.[0] ?? '';
      this.#index += 1 + name.length;
      parts.push({ kind: 'parameter', name, quoted });
    } else if (/[0-9]/.test(next) || specialParameters.has(next)) {
      this.#index += 2;
      parts.push({ kind: 'parameter', name: next, quoted });
    } else {
      this.#index++;
      parts.literal('$', quoted);
    }
  }

  #readSingleQuotedWithEscapes(): string {
    let end = this.#index + 1;
    while (end < this.#source.length && this.#source.charAt(end) !== "'") {
      end += this.#source.charAt(end) === '\\' ? 2 : 1;
    }
    if (end >= this.#source.length) throw new IncompleteInput('quote');
    const text = this.#source.slice(this.#index + 1, end);
    this.#index = end + 1;
    return text;
  }

  #readBracedName(): string {
    const end = this.#source.indexOf('}', this.#index + 2);
    if (end === -1) throw new IncompleteInput('quote');
    const name = this.#source.slice(this.#index + 2, end);
    const typed = this.#source.slice(this.#index, end + 1);
    this.#index = end + 1;
    if (namePattern.test(name) || specialNamePattern.test(name)) return name;
    if (!operatorFormPattern.test(name))
      throw new SyntaxFailure(`bash: ${typed}: bad substitution`);
    // Valid bash (`${A:-x}`, `${#A}`), but not simulated: say so rather than fake a result.
    throw new SyntaxFailure(
      `bash: ${typed}: parameter operators are not simulated in this playground; use $NAME or \${NAME}`,
    );
  }

  #readCommandSubstitution(): string {
    if (this.#peek(2) === '(') {
      throw new SyntaxFailure(
        'bash: $((...)): arithmetic expansion is not simulated in this playground',
      );
    }
    const start = this.#index + 2;
    const end = findClosingParenthesis(this.#source, start);
    if (end === -1) throw new IncompleteInput('quote');
    this.#index = end + 1;
    return this.#source.slice(start, end);
  }

  #readBackquoted(): string {
    let text = '';
    let index = this.#index + 1;
    for (;;) {
      const character = this.#source.charAt(index);
      if (character === '') throw new IncompleteInput('quote');
      if (character === '`') break;
      const next = this.#source.charAt(index + 1);
      if (character === '\\' && '`\\$'.includes(next) && next !== '') {
        text += next;
        index += 2;
      } else {
        text += character;
        index++;
      }
    }
    this.#index = index + 1;
    return text;
  }
}

/** Collects word parts, merging neighbouring literals that are quoted alike. */
class WordBuilder {
  readonly parts: WordPart[] = [];

  push(part: WordPart): void {
    this.parts.push(part);
  }

  literal(text: string, quoted: boolean): void {
    const last = this.parts.at(-1);
    if (last?.kind === 'literal' && last.quoted === quoted) {
      this.parts[this.parts.length - 1] = { kind: 'literal', text: last.text + text, quoted };
    } else {
      this.parts.push({ kind: 'literal', text, quoted });
    }
  }
}

// Longest spelling first, so `||` wins over `|` and `>>` over `>`.
const controlSpellings: readonly ControlOperator[] = [
  '||',
  '|&',
  '|',
  '&&',
  '&',
  ';;',
  ';',
  '(',
  ')',
];

const redirectionSpellings: readonly (readonly [string, RedirectionOperator, boolean])[] = [
  ['&>>', '&>>', false],
  ['&>', '&>', false],
  ['>>', '>>', false],
  ['>&', '>', true],
  ['>|', '>|', false],
  ['>', '>', false],
  ['<<<', '<<<', false],
  ['<<', '<<', false],
  ['<&', '<', true],
  ['<>', '<>', false],
  ['<', '<', false],
];

/**
 * A here-document body with an unquoted delimiter, as a word: it expands as inside double
 * quotes, except that a double quote is an ordinary character there.
 */
function hereDocumentWord(body: string): Word {
  const escaped = body.replace(/(\\*)"/g, (match, slashes: string) =>
    slashes.length % 2 === 0 ? `${slashes}\\"` : match,
  );
  const lexed = tokenize(`"${escaped}"`);
  const token = lexed.kind === 'tokens' ? lexed.tokens[0] : undefined;
  if (token?.kind !== 'word')
    return { parts: [{ kind: 'literal', text: body, quoted: true }], text: body };
  return { parts: token.word.parts, text: body };
}

/** Finds the `)` that closes a `$(`, skipping quoted text and nested parentheses. */
function findClosingParenthesis(source: string, start: number): number {
  let depth = 1;
  let index = start;
  while (index < source.length) {
    const character = source.charAt(index);
    if (character === '\\') index += 2;
    else if (character === "'") index = skipPast(source, index, "'");
    else if (character === '"') index = skipDoubleQuoted(source, index);
    else {
      if (character === '(') depth++;
      if (character === ')' && --depth === 0) return index;
      index++;
    }
    if (index === -1) return -1;
  }
  return -1;
}

function skipPast(source: string, start: number, quote: string): number {
  const end = source.indexOf(quote, start + 1);
  return end === -1 ? -1 : end + 1;
}

function skipDoubleQuoted(source: string, start: number): number {
  let index = start + 1;
  while (index < source.length) {
    const character = source.charAt(index);
    if (character === '\\') index += 2;
    else if (character === '"') return index + 1;
    else index++;
  }
  return -1;
}

const ansiCEscapes: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** `$'...'` strings: C escapes such as `\n`, `\t` and `\x41`. */
export function decodeAnsiCString(text: string): string {
  return text.replace(/\\(x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|.)/gs, (whole, escape: string) => {
    if (escape.startsWith('x')) return String.fromCharCode(parseInt(escape.slice(1), 16));
    if (/^[0-7]/.test(escape)) return String.fromCharCode(parseInt(escape, 8));
    return ansiCEscapes[escape] ?? whole;
  });
}
