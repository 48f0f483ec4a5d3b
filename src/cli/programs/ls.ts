import { errorText, type FileInfo } from '../../lib/filesystem';
import type { ProcessContext, ProgramEntry } from '../process';
import { startFileProgram } from './file-operands';

/**
 * `ls [-l] [-a] [PATH...]` as GNU coreutils prints it: names sorted, a terminal gets them on
 * one line (two spaces apart) when they fit, a pipe one a line; `-l` the long format with its
 * `total` of 1K blocks. Times are the machine's wall clock, in UTC.
 */
export const lsProgram: ProgramEntry = {
  name: 'ls',
  summary: 'List directory contents; -l long format, -a hidden files',
  run: async (context) => {
    const start = startFileProgram(context, {
      program: 'ls',
      flags: 'lad1',
      long: { all: 'a' },
    });
    if (typeof start === 'number') return start;
    const { options, files, resolve } = start;
    const operands = options.operands.length === 0 ? ['.'] : options.operands;
    const long = options.flags.has('l');
    const all = options.flags.has('a');
    let status = 0;
    const lone: FileInfo[] = [];
    const directories: { operand: string; entries: FileInfo[] }[] = [];
    for (const operand of operands) {
      const path = resolve(operand);
      const listed = await files.list(path);
      if (!listed.ok) {
        context.stderr.write(`ls: cannot access '${operand}': ${errorText(listed.error)}\n`);
        status = 2;
        continue;
      }
      if (!listed.value.directory || options.flags.has('d')) {
        const stat = await files.stat(path);
        if (stat.ok) lone.push({ ...stat.value, name: operand });
        continue;
      }
      let entries = listed.value.entries.filter((entry) => all || !entry.name.startsWith('.'));
      if (all) {
        const self = await files.stat(path);
        const parent = await files.stat(resolve(`${operand}/..`));
        if (self.ok && parent.ok) {
          entries = [{ ...self.value, name: '.' }, { ...parent.value, name: '..' }, ...entries];
        }
      }
      directories.push({ operand, entries });
    }
    const blocks: string[] = [];
    if (lone.length > 0) blocks.push(render(lone, long, false, context));
    const titled = lone.length > 0 || directories.length > 1;
    for (const { operand, entries } of directories) {
      const body = render(entries, long, true, context);
      blocks.push(titled ? `${operand}:\n${body}` : body);
    }
    context.stdout.write(blocks.join('\n'));
    return status;
  },
};

function render(
  entries: readonly FileInfo[],
  long: boolean,
  total: boolean,
  context: ProcessContext,
): string {
  if (long) {
    const linkWidth = Math.max(...entries.map((entry) => String(entry.links).length), 1);
    const sizeWidth = Math.max(...entries.map((entry) => String(entry.size).length), 1);
    const nowMs = context.host.clock.nowEpochMs();
    const lines = entries.map(
      (entry) =>
        `${modeText(entry)} ${String(entry.links).padStart(linkWidth)} root root ${String(entry.size).padStart(sizeWidth)} ${timeText(entry.mtimeMs, nowMs)} ${entry.name}\n`,
    );
    const blocks = entries.reduce((sum, entry) => sum + blocksOf(entry), 0);
    return `${total ? `total ${blocks}\n` : ''}${lines.join('')}`;
  }
  if (entries.length === 0) return '';
  const names = entries.map((entry) => entry.name);
  const line = names.join('  ');
  if (context.terminal !== null && line.length < context.terminal.columns) return `${line}\n`;
  return names.map((name) => `${name}\n`).join('');
}

function blocksOf(entry: FileInfo): number {
  return entry.kind === 'directory' ? 4 : Math.ceil(entry.size / 4096) * 4;
}

function modeText(entry: FileInfo): string {
  const bits = 'rwxrwxrwx'
    .split('')
    .map((letter, index) => ((entry.mode >> (8 - index)) & 1 ? letter : '-'))
    .join('');
  return `${entry.kind === 'directory' ? 'd' : '-'}${bits}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS_MS = 182.5 * 24 * 3600 * 1000;

/** `Dec  7 16:57`, or `Dec  7  2025` for a time over six months away (coreutils' rule). */
function timeText(mtimeMs: number, nowMs: number): string {
  const date = new Date(mtimeMs);
  const day = `${MONTHS[date.getUTCMonth()] ?? ''} ${String(date.getUTCDate()).padStart(2)}`;
  if (Math.abs(nowMs - mtimeMs) > SIX_MONTHS_MS) return `${day}  ${date.getUTCFullYear()}`;
  const hh = String(date.getUTCHours()).padStart(2, '0');
  const mm = String(date.getUTCMinutes()).padStart(2, '0');
  return `${day} ${hh}:${mm}`;
}
