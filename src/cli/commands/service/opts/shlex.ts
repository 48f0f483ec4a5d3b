import { InvalidValueError } from '../../../flags';

/**
 * google/shlex's Split, which docker uses for `--entrypoint` and `--args`: words split on
 * blanks, single quotes literal, double quotes with backslash escapes, a backslash escaping the
 * next character, `#` starting a comment at the start of a word.
 */
type State = 'start' | 'word' | 'escape' | 'escapeQuoted' | 'double' | 'single' | 'comment';

const SPACE = new Set([' ', '\t', '\r', '\n']);

interface Lexer {
  state: State;
  word: string;
  readonly words: string[];
}

function startOrWord(lexer: Lexer, char: string): void {
  if (SPACE.has(char)) {
    if (lexer.state === 'word') {
      lexer.words.push(lexer.word);
      lexer.word = '';
      lexer.state = 'start';
    }
    return;
  }
  if (char === '#' && lexer.state === 'start') {
    lexer.state = 'comment';
    return;
  }
  if (char === '\\') lexer.state = 'escape';
  else if (char === '"') lexer.state = 'double';
  else if (char === "'") lexer.state = 'single';
  else {
    lexer.word += char;
    lexer.state = 'word';
  }
}

function step(lexer: Lexer, char: string): void {
  switch (lexer.state) {
    case 'start':
    case 'word':
      startOrWord(lexer, char);
      return;
    case 'escape':
      lexer.word += char;
      lexer.state = 'word';
      return;
    case 'escapeQuoted':
      lexer.word += char;
      lexer.state = 'double';
      return;
    case 'double':
      if (char === '"') lexer.state = 'word';
      else if (char === '\\') lexer.state = 'escapeQuoted';
      else lexer.word += char;
      return;
    case 'single':
      if (char === "'") lexer.state = 'word';
      else lexer.word += char;
      return;
    case 'comment':
      if (char === '\n') lexer.state = 'start';
      return;
  }
}

export function shlexSplit(text: string): string[] {
  const lexer: Lexer = { state: 'start', word: '', words: [] };
  for (const char of text) step(lexer, char);
  switch (lexer.state) {
    case 'escape':
    case 'escapeQuoted':
      throw new InvalidValueError('EOF found after escape character');
    case 'double':
    case 'single':
      throw new InvalidValueError('EOF found when expecting closing quote');
    case 'word':
      lexer.words.push(lexer.word);
      return lexer.words;
    case 'start':
    case 'comment':
      return lexer.words;
  }
}
