import type { ProgramEntry } from '../process';
import { compileGrepPattern } from './grep-pattern';
import { readInputs, type InputText } from './input-files';
import { splitLines } from './lines';
import { parseOptions, type ParsedOptions } from './options';

/**
 * GNU grep for lines read from stdin: basic (default), extended (-E) or fixed (-F) patterns;
 * -i -v -c -w -x -n -o -q -e, and context with -A, -B and -C. Exit status 0 when a line is
 * selected, 1 when none is, 2 on error.
 */

const usage =
  "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

const longOptions: Readonly<Record<string, string>> = {
  'extended-regexp': 'E',
  'fixed-strings': 'F',
  'basic-regexp': 'G',
  'ignore-case': 'i',
  'invert-match': 'v',
  count: 'c',
  'word-regexp': 'w',
  'line-regexp': 'x',
  'line-number': 'n',
  'only-matching': 'o',
  quiet: 'q',
  silent: 'q',
  regexp: 'e',
  'no-filename': 'h',
  'with-filename': 'H',
  // grep's own -C is context; colour (which the playground never adds) gets a private letter.
  color: 'K',
  colour: 'K',
  'after-context': 'A',
  'before-context': 'B',
  context: 'C',
};

export const grepProgram: ProgramEntry = {
  name: 'grep',
  summary: 'Print lines that match a pattern (-i -v -c -w -x -n -o -q -E -F -e -A -B -C)',
  run: async (context) => {
    const parsed = parseOptions(
      context.args.map((arg) => (/^--colou?r(=.*)?$/.test(arg) ? '--color' : arg)),
      { program: 'grep', flags: 'EFGivcwxnoqhHK', valued: 'eABC', long: longOptions },
    );
    if (parsed.kind === 'error') {
      context.stderr.write(`${parsed.message}\n${usage}`);
      return 2;
    }
    const options = parsed.options;
    const contextLength = contextLines(options);
    if (typeof contextLength === 'string') {
      context.stderr.write(`grep: ${contextLength}: invalid context length argument\n`);
      return 2;
    }
    const patterns = options.values.get('e') ?? options.operands.slice(0, 1);
    const files = options.values.has('e') ? options.operands : options.operands.slice(1);
    if (patterns.length === 0) {
      context.stderr.write(usage);
      return 2;
    }
    const compiled = compileGrepPattern(patterns, {
      extended: options.flags.has('E'),
      fixed: options.flags.has('F'),
      ignoreCase: options.flags.has('i'),
      wholeWord: options.flags.has('w'),
      wholeLine: options.flags.has('x'),
    });
    if (compiled.kind === 'error') {
      context.stderr.write(`${compiled.message}\n`);
      return 2;
    }
    const { inputs, failed } = await readInputs('grep', files, context);
    const showNames = (files.length > 1 || options.flags.has('H')) && !options.flags.has('h');
    let selected = 0;
    for (const input of inputs) {
      const output = searchInput(input, compiled.regex, options, { showNames, ...contextLength });
      selected += output.count;
      if (!options.flags.has('q')) context.stdout.write(output.text);
    }
    if (failed && !(options.flags.has('q') && selected > 0)) return 2;
    return selected > 0 ? 0 : 1;
  },
};

interface Context {
  readonly before: number;
  readonly after: number;
}

/** -A, -B and -C (the last one given wins per side, as in GNU grep); a bad number is returned. */
function contextLines(options: ParsedOptions): Context | string {
  const read = (letter: string): number | string | undefined => {
    const value = options.values.get(letter)?.at(-1);
    if (value === undefined) return undefined;
    return /^\d+$/.test(value) ? Number(value) : value;
  };
  const both = read('C');
  const after = read('A') ?? both ?? 0;
  const before = read('B') ?? both ?? 0;
  if (typeof after === 'string') return after;
  if (typeof before === 'string') return before;
  return { before, after };
}

interface SearchOptions extends Context {
  readonly showNames: boolean;
}

function searchInput(
  input: InputText,
  regex: RegExp,
  options: ParsedOptions,
  search: SearchOptions,
): { count: number; text: string } {
  const withContext =
    (search.before > 0 || search.after > 0) && !options.flags.has('c') && !options.flags.has('o');
  if (!withContext) return searchLines(input, regex, options, search.showNames);
  return searchWithContext(input, regex, options, search);
}

/**
 * Selected lines with their context, `--` between groups that do not touch, and with -n the
 * separator `:` on selected lines and `-` on context lines, as GNU grep prints them.
 */
function searchWithContext(
  input: InputText,
  regex: RegExp,
  options: ParsedOptions,
  search: SearchOptions,
): { count: number; text: string } {
  const lines = splitLines(input.text);
  const invert = options.flags.has('v');
  const selected = lines.map((line) => (line.match(regex) !== null) !== invert);
  let text = '';
  let lastPrinted = -1;
  let count = 0;
  selected.forEach((isSelected, index) => {
    if (!isSelected) return;
    count++;
    const from = Math.max(index - search.before, lastPrinted + 1);
    if (lastPrinted >= 0 && from > lastPrinted + 1) text += '--\n';
    const to = Math.min(index + search.after, lines.length - 1);
    for (let line = from; line <= to; line++) {
      if (line <= lastPrinted) continue;
      // A later selected line inside this one's after-context is printed as selected.
      const mark = selected[line] === true ? ':' : '-';
      const name = search.showNames ? `${input.name}${mark}` : '';
      const number = options.flags.has('n') ? `${line + 1}${mark}` : '';
      text += `${name}${number}${lines[line] ?? ''}\n`;
      lastPrinted = line;
    }
  });
  return { count, text };
}

function searchLines(
  input: InputText,
  regex: RegExp,
  options: ParsedOptions,
  showNames: boolean,
): { count: number; text: string } {
  const invert = options.flags.has('v');
  const prefix = showNames ? `${input.name}:` : '';
  let count = 0;
  let text = '';
  splitLines(input.text).forEach((line, index) => {
    const matches = [...line.matchAll(regex)].filter(
      (match) => match[0] !== '' || !options.flags.has('o'),
    );
    const isSelected = (line.match(regex) !== null) !== invert;
    if (!isSelected) return;
    count++;
    const number = options.flags.has('n') ? `${index + 1}:` : '';
    if (options.flags.has('o') && !invert) {
      for (const match of matches) text += `${prefix}${number}${match[0]}\n`;
    } else {
      text += `${prefix}${number}${line}\n`;
    }
  });
  if (options.flags.has('c')) text = `${prefix}${count}\n`;
  return { count, text };
}
