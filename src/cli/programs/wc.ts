import type { ProgramEntry } from '../process';
import { readInputs, type InputText } from './input-files';
import { parseOptions, tryHelp } from './options';

/**
 * GNU `wc`: newline, word and byte counts (-l -w -c, -m for characters), in that order. A lone
 * count of stdin prints bare (`docker node ls -q | wc -l` → `3`); several counts of stdin are
 * right-aligned in 7 columns, as GNU does when it cannot know the input's size beforehand.
 */

const countOrder = ['l', 'w', 'm', 'c'] as const;
type CountOption = (typeof countOrder)[number];

export const wcProgram: ProgramEntry = {
  name: 'wc',
  summary: 'Count lines (-l), words (-w) and bytes (-c) of standard input',
  run: async (context) => {
    const parsed = parseOptions(context.args, {
      program: 'wc',
      flags: 'lwcm',
      long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm' },
    });
    if (parsed.kind === 'error') {
      context.stderr.write(`${parsed.message}\n${tryHelp('wc')}`);
      return 1;
    }
    const chosen = countOrder.filter((option) => parsed.options.flags.has(option));
    const selected: readonly CountOption[] = chosen.length > 0 ? chosen : ['l', 'w', 'c'];
    const { operands } = parsed.options;
    const { inputs, failed } = await readInputs('wc', operands, context);
    const rows = inputs.map((input) => ({
      counts: selected.map((option) => count(input, option)),
      name: operands.length === 0 ? '' : input.name,
    }));
    if (rows.length > 1) {
      const totals = selected.map((_, column) =>
        rows.reduce((sum, row) => sum + (row.counts[column] ?? 0), 0),
      );
      rows.push({ counts: totals, name: 'total' });
    }
    const bare = selected.length === 1 && rows.length === 1;
    const width = bare ? 1 : widthFor(rows, operands.length === 0);
    for (const row of rows) {
      const cells = row.counts.map((value) => String(value).padStart(width));
      context.stdout.write(`${[...cells, ...(row.name === '' ? [] : [row.name])].join(' ')}\n`);
    }
    return failed ? 1 : 0;
  },
};

function count(input: InputText, option: CountOption): number {
  switch (option) {
    case 'l':
      return input.text.split('\n').length - 1;
    case 'w':
      return input.text.split(/\s+/).filter((word) => word !== '').length;
    case 'm':
      return Array.from(input.text).length;
    case 'c':
      return utf8Length(input.text);
  }
}

/** Bytes in UTF-8, which is what `wc -c` counts. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code < 0x10000) bytes += 3;
    else bytes += 4;
  }
  return bytes;
}

function widthFor(rows: readonly { counts: readonly number[] }[], readsStdin: boolean): number {
  if (readsStdin) return 7;
  const largest = Math.max(...rows.flatMap((row) => row.counts));
  return String(largest).length;
}
