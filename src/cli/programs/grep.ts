import type { ProgramEntry } from '../process';
import { compileGrepPattern } from './grep-pattern';
import { readInputs, type InputText } from './input-files';
import { splitLines } from './lines';
import { parseOptions, type ParsedOptions } from './options';

/**
 * GNU grep for lines read from stdin: basic (default), extended (-E) or fixed (-F) patterns;
 * -i -v -c -w -x -n -o -q -e. Exit status 0 when a line is selected, 1 when none is, 2 on error.
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
  color: 'C',
  colour: 'C',
};

export const grepProgram: ProgramEntry = {
  name: 'grep',
  summary: 'Print lines that match a pattern (-i -v -c -w -x -n -o -q -E -F -e)',
  run: async (context) => {
    const parsed = parseOptions(
      context.args.map((arg) => (/^--colou?r(=.*)?$/.test(arg) ? '--color' : arg)),
      { program: 'grep', flags: 'EFGivcwxnoqhHC', valued: 'e', long: longOptions },
    );
    if (parsed.kind === 'error') {
      context.stderr.write(`${parsed.message}\n${usage}`);
      return 2;
    }
    const options = parsed.options;
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
      const output = searchInput(input, compiled.regex, options, showNames);
      selected += output.count;
      if (!options.flags.has('q')) context.stdout.write(output.text);
    }
    if (failed && !(options.flags.has('q') && selected > 0)) return 2;
    return selected > 0 ? 0 : 1;
  },
};

function searchInput(
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
