import { tokenize } from './lexer';
import type {
  AndOrList,
  Assignment,
  ParseResult,
  Pipeline,
  PipelineStage,
  Redirection,
  SimpleCommand,
  Token,
  Word,
} from './syntax';

/**
 * The parser: tokens into lists, and-or lists, pipelines and simple commands, with bash's error
 * texts. A line that ends after `|`, `&&` or `||` is incomplete, as in bash, which then reads
 * the next line on its `> ` prompt.
 */

export function parse(source: string): ParseResult {
  const lexed = tokenize(source);
  if (lexed.kind !== 'tokens') return lexed;
  try {
    return { kind: 'complete', list: new Parser(lexed.tokens).parseList() };
  } catch (error) {
    if (error instanceof NeedMoreInput) return { kind: 'incomplete', reason: 'operator' };
    if (error instanceof ParseFailure) return { kind: 'error', message: error.message };
    throw error;
  }
}

/** Thrown inside the parser and turned into a `ParseResult`; never escapes this module. */
class NeedMoreInput extends Error {}

class ParseFailure extends Error {}

function unexpected(token: Token | undefined): ParseFailure {
  return new ParseFailure(`bash: syntax error near unexpected token \`${tokenText(token)}'`);
}

/** How bash names a token in its error messages. */
function tokenText(token: Token | undefined): string {
  if (token === undefined) return 'newline';
  switch (token.kind) {
    case 'newline':
      return 'newline';
    case 'word':
      return token.word.text;
    case 'operator':
      return token.operator;
    case 'redirection':
      return `${token.fd ?? ''}${token.operator}${token.duplicate ? '&' : ''}`;
  }
}

// Compound commands and groups are bash syntax the playground does not run. Saying so is clearer
// than running them wrongly.
const unsupportedKeywords = new Set(['if', 'for', 'while', 'until', 'case', 'select', 'function']);
const unsupportedGroups = new Set(['{', '[[']);
// These only make sense inside a compound command: bash rejects them at the start of one.
const misplacedKeywords = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}', ']]']);

const assignmentPattern = /^([A-Za-z_][A-Za-z0-9_]*)=/;

class Parser {
  readonly #tokens: readonly Token[];
  #index = 0;

  constructor(tokens: readonly Token[]) {
    this.#tokens = tokens;
  }

  parseList(): AndOrList[] {
    const list: AndOrList[] = [];
    for (;;) {
      this.#skipNewlines();
      if (this.#atEnd()) return list;
      list.push(this.#parseAndOr());
      const separator = this.#peek();
      if (separator === undefined) return list;
      if (separator.kind === 'newline' || isOperator(separator, ';')) {
        this.#index++;
        continue;
      }
      if (isOperator(separator, '&')) {
        throw new ParseFailure('bash: background jobs (&) are not simulated in this playground');
      }
      throw unexpected(separator);
    }
  }

  #peek(): Token | undefined {
    return this.#tokens[this.#index];
  }

  #atEnd(): boolean {
    return this.#index >= this.#tokens.length;
  }

  #skipNewlines(): void {
    while (this.#peek()?.kind === 'newline') this.#index++;
  }

  /** After `|`, `&&` or `||` bash allows newlines, and wants more input at the end. */
  #continueAfterOperator(): void {
    this.#skipNewlines();
    if (this.#atEnd()) throw new NeedMoreInput();
  }

  #parseAndOr(): AndOrList {
    const first = this.#parsePipeline();
    const rest: { operator: '&&' | '||'; pipeline: Pipeline }[] = [];
    for (;;) {
      const token = this.#peek();
      if (token?.kind !== 'operator' || (token.operator !== '&&' && token.operator !== '||')) {
        return { first, rest };
      }
      this.#index++;
      this.#continueAfterOperator();
      rest.push({ operator: token.operator, pipeline: this.#parsePipeline() });
    }
  }

  #parsePipeline(): Pipeline {
    const bang = this.#peek();
    const negated = bang?.kind === 'word' && bang.word.text === '!';
    if (negated) this.#index++;
    const stages: PipelineStage[] = [];
    for (;;) {
      const command = this.#parseCommand();
      const pipe = this.#peek();
      const piped = isOperator(pipe, '|') || isOperator(pipe, '|&');
      stages.push({ command, pipeStderr: isOperator(pipe, '|&') });
      if (!piped) return { negated, stages };
      this.#index++;
      this.#continueAfterOperator();
    }
  }

  #parseCommand(): SimpleCommand {
    this.#rejectUnsupportedStart();
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirections: Redirection[] = [];
    for (let token = this.#peek(); token !== undefined; token = this.#peek()) {
      if (token.kind === 'redirection') {
        this.#index++;
        redirections.push({ ...token, target: this.#redirectionTarget() });
      } else if (token.kind === 'word') {
        this.#index++;
        const assignment = words.length === 0 ? asAssignment(token.word) : null;
        if (assignment === null) words.push(token.word);
        else assignments.push(assignment);
      } else {
        break;
      }
    }
    if (assignments.length + words.length + redirections.length === 0) {
      throw unexpected(this.#peek());
    }
    return { assignments, words, redirections };
  }

  #rejectUnsupportedStart(): void {
    const token = this.#peek();
    if (isOperator(token, '(')) {
      throw new ParseFailure('bash: subshells ( ... ) are not simulated in this playground');
    }
    if (token?.kind !== 'word' || !isPlainWord(token.word)) return;
    const text = token.word.text;
    if (misplacedKeywords.has(text)) throw unexpected(token);
    if (unsupportedKeywords.has(text) || unsupportedGroups.has(text)) {
      throw new ParseFailure(
        `bash: ${text}: compound commands are not simulated in this playground; run each command on its own line`,
      );
    }
  }

  #redirectionTarget(): Word {
    const target = this.#peek();
    if (target?.kind !== 'word') throw unexpected(target);
    this.#index++;
    return target.word;
  }
}

function isOperator(token: Token | undefined, operator: string): boolean {
  return token?.kind === 'operator' && token.operator === operator;
}

/** A word typed without quotes or expansions: only such a word can be a keyword. */
function isPlainWord(word: Word): boolean {
  return word.parts.length === 1 && word.parts[0]?.kind === 'literal' && !word.parts[0].quoted;
}

/** `NAME=value` before the command name: the `NAME=` must be typed plainly, as bash requires. */
function asAssignment(word: Word): Assignment | null {
  const [first, ...rest] = word.parts;
  if (first?.kind !== 'literal' || first.quoted) return null;
  const match = assignmentPattern.exec(first.text);
  if (match?.[1] === undefined) return null;
  const remainder = first.text.slice(match[0].length);
  const valueParts = remainder === '' ? rest : [{ ...first, text: remainder }, ...rest];
  return {
    name: match[1],
    value: { parts: valueParts, text: word.text.slice(match[0].length) },
  };
}
