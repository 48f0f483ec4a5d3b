import type { ProgramEntry } from '../process';
import { readInputs } from './input-files';
import { joinLines, splitLines } from './lines';
import { parseOptions, tryHelp } from './options';

/** `cat`: copies stdin (or `-`, or one of the few read-only files) to stdout; -n numbers lines. */
export const catProgram: ProgramEntry = {
  name: 'cat',
  summary: 'Print standard input (or /etc/hostname); -n numbers the lines',
  run: async (context) => {
    const parsed = parseOptions(context.args, {
      program: 'cat',
      flags: 'n',
      long: { number: 'n' },
    });
    if (parsed.kind === 'error') {
      context.stderr.write(`${parsed.message}\n${tryHelp('cat')}`);
      return 1;
    }
    const { inputs, failed } = await readInputs('cat', parsed.options.operands, context);
    const text = inputs.map((input) => input.text).join('');
    context.stdout.write(parsed.options.flags.has('n') ? numbered(text) : text);
    return failed ? 1 : 0;
  },
};

function numbered(text: string): string {
  const lines = splitLines(text).map((line, index) => `${String(index + 1).padStart(6)}\t${line}`);
  const output = joinLines(lines);
  // A last line without a newline stays without one.
  return text.endsWith('\n') || output === '' ? output : output.slice(0, -1);
}
