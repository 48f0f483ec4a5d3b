import type { ProgramEntry } from '../process';

/**
 * Tab completion as bash does it: the first word of a command completes program names, later
 * words ask the program's own completer. One candidate is inserted with a trailing space; several
 * insert their common prefix, and a second Tab lists them (the session decides when).
 */

export type CompletionResult =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'candidates';
      /** Text to insert at the cursor (possibly empty when nothing is common). */
      readonly insertion: string;
      readonly candidates: readonly string[];
    };

/** The words of the command under the cursor, quotes removed. */
export interface CursorWords {
  /** Words before the one being completed, from the command's name on. */
  readonly words: readonly string[];
  /** The word under the cursor, up to the cursor. */
  readonly current: string;
  /** The quote the current word is still inside, if any. */
  readonly openQuote: '"' | "'" | null;
  /** The word is a redirection target (a file name), which has no candidates here. */
  readonly isRedirectionTarget: boolean;
}

const commandSeparators = new Set(['|', '&', ';', '(', ')', '\n']);
const assignmentPattern = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Splits the text before the cursor into words, following bash's quoting. */
export function wordsBeforeCursor(textBeforeCursor: string): CursorWords {
  const scanner = new WordScanner();
  const characters = Array.from(textBeforeCursor);
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index] ?? '';
    if (character === '\\' && scanner.quote !== "'") {
      const next = characters[++index];
      if (next === undefined) break;
      scanner.escaped(next);
    } else {
      scanner.take(character);
    }
  }
  return scanner.result();
}

class WordScanner {
  quote: '"' | "'" | null = null;
  #words: string[] = [];
  #current = '';
  #redirectNext = false;
  #currentIsTarget = false;

  take(character: string): void {
    if (this.quote !== null) {
      if (character === this.quote) this.quote = null;
      else this.#current += character;
      return;
    }
    if (character === '"' || character === "'") this.quote = character;
    // `>&1` and `2>&1`: the `&` belongs to the redirection, not a command separator.
    else if (character === '&' && this.#redirectNext && this.#current === '') return;
    else if (character === ' ' || character === '\t') this.#endWord();
    else if (commandSeparators.has(character)) this.#endCommand();
    else if (character === '<' || character === '>') this.#startRedirection();
    else {
      if (this.#current === '') this.#currentIsTarget = this.#redirectNext;
      this.#current += character;
    }
  }

  escaped(character: string): void {
    // Inside double quotes a backslash only escapes a few characters; elsewhere it keeps the
    // next character literally. For completion both read as that character.
    this.#current += character;
  }

  #endWord(): void {
    if (this.#current === '') return;
    const isAssignment = this.#words.length === 0 && assignmentPattern.test(this.#current);
    if (!this.#currentIsTarget && !isAssignment) this.#words.push(this.#current);
    this.#redirectNext = this.#currentIsTarget ? false : this.#redirectNext;
    this.#current = '';
    this.#currentIsTarget = false;
  }

  #endCommand(): void {
    this.#current = '';
    this.#words = [];
    this.#redirectNext = false;
    this.#currentIsTarget = false;
  }

  #startRedirection(): void {
    // The `2` of `2>` names a descriptor, not an argument.
    if (/^[0-9]+$/.test(this.#current)) this.#current = '';
    this.#endWord();
    this.#redirectNext = true;
  }

  result(): CursorWords {
    return {
      words: this.#words,
      current: this.#current,
      openQuote: this.quote,
      isRedirectionTarget: this.#currentIsTarget || (this.#current === '' && this.#redirectNext),
    };
  }
}

export function completeLine(options: {
  textBeforeCursor: string;
  programs: ReadonlyMap<string, ProgramEntry>;
}): CompletionResult {
  const cursorWords = wordsBeforeCursor(options.textBeforeCursor);
  if (cursorWords.isRedirectionTarget) return { kind: 'none' };
  const candidates = candidatesFor(cursorWords, options.programs);
  if (candidates.length === 0) return { kind: 'none' };
  const { current, openQuote } = cursorWords;
  const [only] = candidates;
  if (candidates.length === 1 && only !== undefined) {
    // A value after `=` (`--format=`) is still being typed: no space, as bash's nospace option.
    const ending = only.endsWith('=') ? '' : `${openQuote ?? ''} `;
    return {
      kind: 'candidates',
      insertion: quoteForInsertion(only.slice(current.length), openQuote) + ending,
      candidates,
    };
  }
  const common = commonPrefix(candidates);
  return {
    kind: 'candidates',
    insertion: quoteForInsertion(common.slice(current.length), openQuote),
    candidates,
  };
}

function candidatesFor(
  cursorWords: CursorWords,
  programs: ReadonlyMap<string, ProgramEntry>,
): string[] {
  const { words, current } = cursorWords;
  const [name] = words;
  const all =
    name === undefined
      ? [...programs.keys()]
      : (programs.get(name)?.complete?.({ words, current }) ?? []);
  const matching = all.filter((candidate) => candidate.startsWith(current));
  return [...new Set(matching)].sort();
}

export function commonPrefix(candidates: readonly string[]): string {
  const [first, ...rest] = candidates;
  if (first === undefined) return '';
  let length = first.length;
  for (const candidate of rest) {
    let shared = 0;
    while (shared < length && candidate[shared] === first[shared]) shared++;
    length = shared;
  }
  return first.slice(0, length);
}

/** Escapes inserted text so the shell reads it back as typed, inside the open quote if any. */
export function quoteForInsertion(text: string, openQuote: '"' | "'" | null): string {
  if (openQuote === "'") return text;
  if (openQuote === '"') return text.replace(/(["\\$`])/g, '\\$1');
  return text.replace(/([\s'"\\$`|&;()<>!*?[\]#~{}])/g, '\\$1');
}

/**
 * Lists candidates in columns, top to bottom then left to right, as readline does: each column
 * is as wide as the longest candidate plus two spaces.
 */
export function formatCandidates(candidates: readonly string[], columns: number): string {
  const widest = Math.max(...candidates.map((candidate) => candidate.length));
  const columnWidth = widest + 2;
  const perRow = Math.max(1, Math.floor(columns / columnWidth));
  const rows = Math.ceil(candidates.length / perRow);
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) {
    const cells: string[] = [];
    for (let column = 0; column < perRow; column++) {
      const candidate = candidates[column * rows + row];
      if (candidate !== undefined) cells.push(candidate);
    }
    lines.push(
      cells
        .map((cell, index) => (index === cells.length - 1 ? cell : cell.padEnd(columnWidth)))
        .join(''),
    );
  }
  return lines.join('\r\n');
}
