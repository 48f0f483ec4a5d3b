import { utcParts } from '../../../../lib/go-time';
import { absolutePath, childNames, resolvePath, type FsEntry } from '../rootfs/tree';
import { result, type ProcessContext, type ProcessResult } from './process';

/** `cat [FILE...]`: the files' text in turn, stdin for none or `-`; GNU's or BusyBox's errors. */
export function cat(args: readonly string[], context: ProcessContext): ProcessResult {
  const busybox = context.userland === 'busybox';
  const names = args.length === 0 ? ['-'] : args;
  let stdout = '';
  let stderr = '';
  for (const name of names) {
    if (name === '-') {
      stdout += context.stdin;
      continue;
    }
    const found = resolvePath(context.fs, absolutePath(context.cwd, name));
    if (!found.ok) {
      stderr += busybox
        ? `cat: can't open '${name}': No such file or directory\n`
        : `cat: ${name}: No such file or directory\n`;
    } else if (found.entry.kind !== 'file') {
      stderr += busybox ? 'cat: read error: Is a directory\n' : `cat: ${name}: Is a directory\n`;
    } else {
      stdout += found.entry.text;
    }
  }
  return result(stdout, stderr, stderr === '' ? 0 : 1);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** ls shows the year instead of the time for a file older than about six months. */
const SIX_MONTHS_MS = 182.5 * 24 * 3600 * 1000;

function modeString(entry: FsEntry): string {
  if (entry.kind === 'link') return 'lrwxrwxrwx';
  const bits = entry.mode;
  const triple = (shift: number, special: string, set: boolean): string => {
    const r = bits & (4 << shift) ? 'r' : '-';
    const w = bits & (2 << shift) ? 'w' : '-';
    const x = bits & (1 << shift);
    const last = set ? (x ? special : special.toUpperCase()) : x ? 'x' : '-';
    return r + w + last;
  };
  const type = entry.kind === 'dir' ? 'd' : '-';
  return (
    type + triple(6, 's', false) + triple(3, 's', false) + triple(0, 't', (bits & 0o1000) !== 0)
  );
}

function dateText(mtimeMs: number, nowMs: number): string {
  const parts = utcParts(mtimeMs);
  const day = String(parts.day).padStart(2, ' ');
  const month = MONTHS[parts.month - 1] ?? '';
  if (nowMs - mtimeMs > SIX_MONTHS_MS || mtimeMs > nowMs) {
    return `${month} ${day}  ${String(parts.year)}`;
  }
  const hh = String(parts.hour).padStart(2, '0');
  const mm = String(parts.minute).padStart(2, '0');
  return `${month} ${day} ${hh}:${mm}`;
}

interface Row {
  readonly name: string;
  readonly path: string;
  readonly entry: FsEntry;
}

function sizeOf(entry: FsEntry): number {
  if (entry.kind === 'dir') return 4096;
  if (entry.kind === 'link') return entry.target.length;
  return utf8Length(entry.text);
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function linkCount(row: Row, context: ProcessContext): number {
  if (row.entry.kind !== 'dir') return 1;
  const dirs = childNames(context.fs, row.path).filter((name) => {
    const child = context.fs.entries.get(row.path === '/' ? `/${name}` : `${row.path}/${name}`);
    return child?.kind === 'dir';
  });
  return 2 + dirs.length;
}

/** `ls -l` lines: GNU pads each column to its widest; BusyBox prints fixed widths. */
function longLines(rows: readonly Row[], context: ProcessContext): string[] {
  const cells = rows.map((row) => ({
    mode: modeString(row.entry),
    links: String(linkCount(row, context)),
    size: String(sizeOf(row.entry)),
    date: dateText(row.entry.mtimeMs, context.nowEpochMs),
    name: row.entry.kind === 'link' ? `${row.name} -> ${row.entry.target}` : row.name,
  }));
  if (context.userland === 'busybox') {
    return cells.map(
      (c) =>
        `${c.mode} ${c.links.padStart(4)} ${'root'.padEnd(8)} ${'root'.padEnd(8)} ${c.size.padStart(9)} ${c.date} ${c.name}`,
    );
  }
  const linksWidth = Math.max(...cells.map((c) => c.links.length));
  const sizeWidth = Math.max(...cells.map((c) => c.size.length));
  return cells.map(
    (c) =>
      `${c.mode} ${c.links.padStart(linksWidth)} root root ${c.size.padStart(sizeWidth)} ${c.date} ${c.name}`,
  );
}

function blocks(rows: readonly Row[]): number {
  return rows.reduce((sum, row) => sum + (row.entry.kind === 'link' ? 0 : 4), 0);
}

type LsArgs =
  | { readonly ok: true; readonly flags: ReadonlySet<string>; readonly operands: readonly string[] }
  | { readonly ok: false; readonly error: ProcessResult };

function parseLsArgs(args: readonly string[], busybox: boolean): LsArgs {
  const flags = new Set<string>();
  const operands: string[] = [];
  for (const arg of args) {
    if (!arg.startsWith('-') || arg === '-') {
      operands.push(arg);
      continue;
    }
    for (const flag of arg.slice(1)) {
      if (!'1aAdl'.includes(flag)) {
        const error = busybox
          ? `ls: unrecognized option: ${flag}\n`
          : `ls: invalid option -- '${flag}'\nTry 'ls --help' for more information.\n`;
        return { ok: false, error: result('', error, busybox ? 1 : 2) };
      }
      flags.add(flag);
    }
  }
  return { ok: true, flags, operands };
}

/** A directory's entries as `ls` lists them: dot files only with -a or -A, `.` and `..` with -a. */
function dirRows(dir: Row, flags: ReadonlySet<string>, context: ProcessContext): Row[] {
  const all = flags.has('a') || flags.has('A');
  const rows: Row[] = childNames(context.fs, dir.path)
    .filter((name) => all || !name.startsWith('.'))
    .flatMap((name) => {
      const path = dir.path === '/' ? `/${name}` : `${dir.path}/${name}`;
      const entry = context.fs.entries.get(path);
      return entry === undefined ? [] : [{ name, path, entry }];
    });
  if (!flags.has('a')) return rows;
  const parentPath = absolutePath(dir.path, '..');
  const parent = context.fs.entries.get(parentPath);
  const dots: Row[] = [{ name: '.', path: dir.path, entry: dir.entry }];
  if (parent !== undefined) dots.push({ name: '..', path: parentPath, entry: parent });
  return [...dots, ...rows];
}

/**
 * `ls [-1aAdl] [PATH...]`: one name a line (stdout is no terminal); the files given first, then
 * each directory's entries under its name when there are several operands, each group sorted.
 */
export function ls(args: readonly string[], context: ProcessContext): ProcessResult {
  const busybox = context.userland === 'busybox';
  const parsed = parseLsArgs(args, busybox);
  if (!parsed.ok) return parsed.error;
  const { flags } = parsed;
  const long = flags.has('l');
  // Both ls implementations sort their operands (byte order, in a container's C locale).
  const names =
    parsed.operands.length === 0
      ? ['.']
      : [...parsed.operands].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let stderr = '';
  const files: Row[] = [];
  const dirs: Row[] = [];
  for (const name of names) {
    const found = resolvePath(
      context.fs,
      absolutePath(context.cwd, name),
      long && !name.endsWith('/'),
    );
    if (!found.ok) {
      stderr += busybox
        ? `ls: ${name}: No such file or directory\n`
        : `ls: cannot access '${name}': No such file or directory\n`;
      continue;
    }
    const row = { name, path: found.path, entry: found.entry };
    (found.entry.kind === 'dir' && !flags.has('d') ? dirs : files).push(row);
  }
  const lines = (rows: readonly Row[]): string[] =>
    long ? longLines(rows, context) : rows.map((row) => row.name);
  const sections: string[] = [];
  if (files.length > 0) sections.push(`${lines(files).join('\n')}\n`);
  for (const dir of dirs) {
    const rows = dirRows(dir, flags, context);
    const header = names.length > 1 ? `${dir.name}:\n` : '';
    const body = long ? [`total ${String(blocks(rows))}`, ...lines(rows)] : lines(rows);
    sections.push(header + (body.length === 0 ? '' : `${body.join('\n')}\n`));
  }
  const exitCode = stderr === '' ? 0 : busybox ? 1 : 2;
  return result(sections.join('\n'), stderr, exitCode);
}
