import type { Userland } from '../image-process';
import { absolutePath, resolvePath } from '../rootfs/tree';
import { envValue, result, type ProcessContext, type ProcessResult } from './process';

/**
 * `sh -c SCRIPT` (dash on Debian images, bash when asked for, BusyBox ash on Alpine): the small
 * command lines a lab types. Words with single and double quotes and `$NAME`, `${NAME}`, `$?`
 * expansions; commands joined by `;`, `&&`, `||`, newlines and pipes; `2>&1` and redirections
 * to /dev/null; the builtins `cd`, `exit`, `export`, `echo`, `pwd`, `true`, `false`, `:`. Other
 * redirections, arithmetic, globs, loops and functions print that they are not simulated.
 */

/** Runs one simple command (a program found through PATH); null when no such program exists. */
export type RunCommand = (argv: readonly string[], context: ProcessContext) => ProcessResult | null;

type Part = { readonly text: string; readonly expand: boolean };
type Token =
  | { readonly kind: 'word'; readonly parts: readonly Part[] }
  | { readonly kind: 'op'; readonly op: ';' | '&&' | '||' | '|' }
  | { readonly kind: 'redirect'; readonly fd: 1 | 2; readonly target: string };

class Unsupported extends Error {}

/** What each character that is not part of a plain word starts. */
const SPECIAL = /[ \t\n;&|<>'"\\`*?[\](){}]/;

class Lexer {
  readonly tokens: Token[] = [];
  #parts: Part[] = [];
  #current = '';
  #inWord = false;
  #i = 0;

  constructor(private readonly script: string) {}

  run(): Token[] {
    while (this.#i < this.script.length) this.#step();
    this.#flush();
    return this.tokens;
  }

  #char(offset = 0): string {
    return this.script[this.#i + offset] ?? '';
  }

  #flush(): void {
    this.#literal();
    if (this.#inWord) this.tokens.push({ kind: 'word', parts: this.#parts });
    this.#parts = [];
    this.#inWord = false;
  }

  /** Ends the unquoted text so far as one part of the word. */
  #literal(): void {
    if (this.#current !== '') this.#parts.push({ text: this.#current, expand: true });
    this.#current = '';
  }

  #step(): void {
    const char = this.#char();
    const afterDollar = this.#char(-1) === '$' && (char === '{' || char === '?');
    if (!SPECIAL.test(char) || afterDollar) {
      this.#word(char);
    } else if (char === '}' && this.#current.includes('${')) {
      this.#word(char);
    } else if (char === ' ' || char === '\t') {
      this.#flush();
    } else if (char === "'" || char === '"' || char === '\\') {
      this.#quoted(char);
    } else if (char === '>') {
      this.#redirect();
    } else {
      this.#operator(char);
    }
    this.#i++;
  }

  #word(char: string): void {
    this.#current += char;
    this.#inWord = true;
  }

  #operator(char: string): void {
    const pair = char + this.#char(1);
    this.#flush();
    if (char === '\n' || char === ';') this.tokens.push({ kind: 'op', op: ';' });
    else if (pair === '&&' || pair === '||') {
      this.tokens.push({ kind: 'op', op: pair });
      this.#i++;
    } else if (char === '|') this.tokens.push({ kind: 'op', op: '|' });
    else if (char === '&') throw new Unsupported('background jobs');
    else if (char === '<') throw new Unsupported('redirections');
    else if (char === '`' || (char === '(' && this.#char(-1) === '$')) {
      throw new Unsupported('command substitution');
    } else if ('*?['.includes(char)) throw new Unsupported('globs');
    else throw new Unsupported(`the ${char} syntax`);
  }

  /** `>/dev/null`, `2>/dev/null` and `2>&1`; other redirections are not simulated. */
  #redirect(): void {
    const fd = this.#current === '2' ? 2 : 1;
    if (fd === 2) this.#current = '';
    this.#flush();
    const rest = this.script.slice(this.#i + 1);
    const match = /^(&1|\s*\/dev\/null)(?=\s|$|;|\||&)/.exec(rest);
    if (match === null || (fd === 1 && match[1] === '&1')) throw new Unsupported('redirections');
    this.tokens.push({ kind: 'redirect', fd, target: (match[1] ?? '').trim() });
    this.#i += match[0].length;
  }

  #quoted(quote: string): void {
    this.#literal();
    this.#inWord = true;
    if (quote === '\\') {
      this.#parts.push({ text: this.#char(1), expand: false });
      this.#i++;
      return;
    }
    let text = '';
    let end = this.#i + 1;
    while (end < this.script.length && this.script[end] !== quote) {
      if (
        quote === '"' &&
        this.script[end] === '\\' &&
        '"\\$`'.includes(this.script[end + 1] ?? '')
      ) {
        end++;
      }
      text += this.script[end] ?? '';
      end++;
    }
    if (end >= this.script.length) throw new SyntaxError('Unterminated quoted string');
    this.#parts.push({ text, expand: quote === '"' });
    this.#i = end;
  }
}

function tokenize(script: string): Token[] {
  return new Lexer(script).run();
}

function expandText(text: string, vars: ReadonlyMap<string, string>): string {
  if (text.includes('$(')) throw new Unsupported('command substitution and arithmetic');
  return text.replace(
    /\$(\?|\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/g,
    (_m, name: string) => {
      const key = name.startsWith('{') ? name.slice(1, -1) : name;
      return vars.get(key) ?? '';
    },
  );
}

interface Command {
  readonly words: readonly (readonly Part[])[];
  readonly redirects: readonly { readonly fd: 1 | 2; readonly target: string }[];
}

interface Pipeline {
  readonly commands: readonly Command[];
  /** How it joins the one before it. */
  readonly join: ';' | '&&' | '||';
}

function parse(tokens: readonly Token[]): Pipeline[] {
  const pipelines: Pipeline[] = [];
  let join: Pipeline['join'] = ';';
  let commands: Command[] = [];
  let words: (readonly Part[])[] = [];
  let redirects: { fd: 1 | 2; target: string }[] = [];
  const endCommand = (): void => {
    if (words.length > 0 || redirects.length > 0) commands.push({ words, redirects });
    words = [];
    redirects = [];
  };
  for (const token of tokens) {
    if (token.kind === 'word') words.push(token.parts);
    else if (token.kind === 'redirect') redirects.push({ fd: token.fd, target: token.target });
    else if (token.op === '|') endCommand();
    else {
      endCommand();
      if (commands.length > 0) pipelines.push({ commands, join });
      commands = [];
      join = token.op;
    }
  }
  endCommand();
  if (commands.length > 0) pipelines.push({ commands, join });
  return pipelines;
}

export function runShell(
  shell: string,
  args: readonly string[],
  context: ProcessContext,
  run: RunCommand,
): ProcessResult {
  const script = args[0] === '-c' ? args[1] : undefined;
  if (script === undefined) {
    if (args.length > 0) return notSimulated(shell, 'running a script file');
    // No TTY and no input: a shell reads end of file and exits.
    return result('');
  }
  let tokens: Token[];
  try {
    tokens = tokenize(script);
  } catch (error) {
    if (error instanceof Unsupported) return notSimulated(shell, error.message);
    const message = error instanceof Error ? error.message : String(error);
    return result('', `${prefix(shell, context.userland)}Syntax error: ${message}\n`, 2);
  }
  return execute(shell, parse(tokens), context, run);
}

function notSimulated(shell: string, what: string): ProcessResult {
  return result('', `${shell}: ${what}: not simulated in this playground yet\n`, 1);
}

/** How each shell starts an error line: `sh: 1: `, `bash: line 1: `, BusyBox's `sh: `. */
function prefix(shell: string, userland: Userland): string {
  if (shell.endsWith('bash')) return `${shell}: line 1: `;
  return userland === 'busybox' ? `${shell}: ` : `${shell}: 1: `;
}

function execute(
  shell: string,
  pipelines: readonly Pipeline[],
  start: ProcessContext,
  run: RunCommand,
): ProcessResult {
  let context = start;
  let status = 0;
  let stdout = '';
  let stderr = '';
  for (const pipeline of pipelines) {
    if ((pipeline.join === '&&' && status !== 0) || (pipeline.join === '||' && status === 0)) {
      continue;
    }
    let input = '';
    for (const [index, command] of pipeline.commands.entries()) {
      const vars = new Map(
        context.env.map((entry) => [
          entry.slice(0, entry.indexOf('=')),
          entry.slice(entry.indexOf('=') + 1),
        ]),
      );
      vars.set('?', String(status));
      let argv: string[];
      try {
        argv = command.words.map((word) =>
          word.map((part) => (part.expand ? expandText(part.text, vars) : part.text)).join(''),
        );
      } catch (error) {
        if (error instanceof Unsupported) return notSimulated(shell, error.message);
        throw error;
      }
      const last = index === pipeline.commands.length - 1;
      const step = builtin(shell, argv, { ...context, stdin: input });
      let outcome: ProcessResult;
      if (step !== null) {
        if (step.kind === 'exit') return result(stdout, stderr, step.code);
        if (step.kind === 'context') context = step.context;
        outcome = step.result;
      } else {
        outcome =
          run(argv, { ...context, stdin: input }) ??
          result(
            '',
            `${prefix(shell, context.userland)}${argv[0] ?? ''}: ${shell.endsWith('bash') ? 'command not found' : 'not found'}\n`,
            127,
          );
      }
      let out = outcome.stdout;
      let err = outcome.stderr;
      for (const redirect of command.redirects) {
        if (redirect.fd === 2 && redirect.target === '&1') {
          out += err;
          err = '';
        } else if (redirect.fd === 2) err = '';
        else out = '';
      }
      stderr += err;
      if (last) stdout += out;
      else input = out;
      status = outcome.exitCode;
    }
  }
  return result(stdout, stderr, status);
}

type BuiltinStep =
  | { readonly kind: 'exit'; readonly code: number }
  | { readonly kind: 'context'; readonly context: ProcessContext; readonly result: ProcessResult }
  | { readonly kind: 'done'; readonly result: ProcessResult };

function builtin(
  shell: string,
  argv: readonly string[],
  context: ProcessContext,
): BuiltinStep | null {
  const [name = '', ...args] = argv;
  switch (name) {
    case '':
    case ':':
    case 'true':
      return { kind: 'done', result: result('') };
    case 'false':
      return { kind: 'done', result: result('', '', 1) };
    case 'exit':
      return { kind: 'exit', code: Number(args[0] ?? '0') & 0xff };
    case 'echo': {
      const newline = args[0] !== '-n';
      const words = newline ? args : args.slice(1);
      return { kind: 'done', result: result(words.join(' ') + (newline ? '\n' : '')) };
    }
    case 'pwd':
      return { kind: 'done', result: result(`${context.cwd}\n`) };
    case 'cd':
      return cd(shell, args, context);
    case 'export':
      return exportVars(args, context);
    default:
      return null;
  }
}

function cd(shell: string, args: readonly string[], context: ProcessContext): BuiltinStep {
  const target = absolutePath(context.cwd, args[0] ?? envValue(context.env, 'HOME') ?? '/');
  const found = resolvePath(context.fs, target);
  if (!found.ok || found.entry.kind !== 'dir') {
    const error = `${prefix(shell, context.userland)}cd: can't cd to ${args[0] ?? ''}\n`;
    return { kind: 'done', result: result('', error, 2) };
  }
  return { kind: 'context', context: { ...context, cwd: target }, result: result('') };
}

function exportVars(args: readonly string[], context: ProcessContext): BuiltinStep {
  let env = [...context.env];
  for (const assignment of args) {
    const equals = assignment.indexOf('=');
    if (equals === -1) continue;
    const key = assignment.slice(0, equals);
    env = [...env.filter((entry) => !entry.startsWith(`${key}=`)), assignment];
  }
  return { kind: 'context', context: { ...context, env }, result: result('') };
}
