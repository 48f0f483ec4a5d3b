/**
 * Translates grep's POSIX patterns into JavaScript regular expressions. In a basic regular
 * expression (the default) `( ) { } | + ?` are literal and `\( \) \{ \} \| \+ \?` are operators;
 * in an extended one (-E) it is the other way round. Bracket expressions keep POSIX classes
 * such as `[[:digit:]]`, and a backslash inside brackets is an ordinary character.
 */

export interface GrepPatternOptions {
  readonly extended: boolean;
  readonly fixed: boolean;
  readonly ignoreCase: boolean;
  readonly wholeWord: boolean;
  readonly wholeLine: boolean;
}

export type CompiledPattern =
  | { readonly kind: 'ok'; readonly regex: RegExp }
  | { readonly kind: 'error'; readonly message: string };

const posixClasses: Readonly<Record<string, string>> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
};

class PatternError extends Error {}

/** Compiles grep's patterns (one per line of each -e) into one regular expression. */
export function compileGrepPattern(
  patterns: readonly string[],
  options: GrepPatternOptions,
): CompiledPattern {
  try {
    const alternatives = patterns
      .flatMap((pattern) => pattern.split('\n'))
      .map((pattern) => translate(pattern, options));
    let source = alternatives.map((alternative) => `(?:${alternative})`).join('|');
    if (options.wholeLine) source = `^(?:${source})$`;
    else if (options.wholeWord) source = `(?<!\\w)(?:${source})(?!\\w)`;
    return { kind: 'ok', regex: new RegExp(source, options.ignoreCase ? 'gi' : 'g') };
  } catch (error) {
    if (error instanceof PatternError) return { kind: 'error', message: error.message };
    if (error instanceof SyntaxError) return { kind: 'error', message: grepMessageFor(error) };
    throw error;
  }
}

function translate(pattern: string, options: GrepPatternOptions): string {
  if (options.fixed) return escapeLiteral(pattern);
  let output = '';
  let index = 0;
  while (index < pattern.length) {
    const character = pattern.charAt(index);
    if (character === '[') {
      const bracket = translateBracket(pattern, index);
      output += bracket.source;
      index = bracket.end;
    } else if (character === '\\') {
      output += translateEscape(pattern.charAt(index + 1), options.extended);
      index += 2;
    } else {
      output += options.extended
        ? translateExtended(character, pattern, index)
        : translateBasic(character, pattern, index);
      index++;
    }
  }
  return output;
}

function translateEscape(next: string, extended: boolean): string {
  if (next === '') throw new PatternError('grep: Trailing backslash');
  if (next === '<') return '\\b(?=\\w)';
  if (next === '>') return '\\b(?<=\\w)';
  if ('bBwWsS'.includes(next) || /[1-9]/.test(next)) return `\\${next}`;
  // In a basic expression these escapes are the operators; in an extended one, literals.
  if (!extended && '(){}|+?'.includes(next)) return next;
  return escapeLiteral(next);
}

function translateBasic(character: string, pattern: string, index: number): string {
  const previous = pattern.slice(0, index);
  const atStart = previous === '' || previous.endsWith('\\(') || previous.endsWith('\\|');
  if (character === '*') return atStart ? '\\*' : '*';
  if (character === '^') return atStart ? '^' : '\\^';
  if (character === '$') {
    const rest = pattern.slice(index + 1);
    return rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|') ? '$' : '\\$';
  }
  if (character === '.') return '.';
  return escapeLiteral(character);
}

function translateExtended(character: string, pattern: string, index: number): string {
  if (character === '{') {
    return /^\{[0-9]+(,[0-9]*)?\}/.test(pattern.slice(index)) ? '{' : '\\{';
  }
  if ('()|+?*.^$}'.includes(character)) return character;
  return escapeLiteral(character);
}

/** `[...]`: a `]` first is literal, `[:class:]` is a class, a backslash is itself. */
function translateBracket(pattern: string, start: number): { source: string; end: number } {
  let index = start + 1;
  let source = '[';
  if (pattern.charAt(index) === '^') {
    source += '^';
    index++;
  }
  let first = true;
  while (index < pattern.length) {
    const character = pattern.charAt(index);
    if (character === ']' && !first) return { source: `${source}]`, end: index + 1 };
    first = false;
    const posixClass = /^\[:([a-z]+):\]/.exec(pattern.slice(index));
    if (posixClass !== null) {
      const members = posixClasses[posixClass[1] ?? ''];
      if (members === undefined) throw new PatternError('grep: Invalid character class name');
      source += members;
      index += posixClass[0].length;
      continue;
    }
    source += '\\[]^'.includes(character) ? `\\${character}` : character;
    index++;
  }
  throw new PatternError('grep: Unmatched [, [^, [:, [., or [=');
}

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

function grepMessageFor(error: SyntaxError): string {
  const message = error.message;
  if (/unterminated group/i.test(message)) return 'grep: Unmatched ( or \\(';
  if (/unmatched '\)'/i.test(message)) return 'grep: Unmatched ) or \\)';
  if (/nothing to repeat/i.test(message)) return 'grep: Invalid preceding regular expression';
  if (/incomplete quantifier|numbers out of order/i.test(message)) {
    return 'grep: Invalid content of \\{\\}';
  }
  return 'grep: Invalid regular expression';
}
