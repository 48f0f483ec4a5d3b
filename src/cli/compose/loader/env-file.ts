/**
 * opts.ParseEnvFile (docker/cli pkg/kvfile, 27.5.1): `KEY=value` lines, `#` comments, and a bare
 * `KEY` taken from the environment (dropped when unset).
 */
import { ComposeError } from '../errors';
import type { Mapping } from '../template/template';

export function parseEnvFile(filename: string, text: string, lookup: Mapping): string[] {
  const lines: string[] = [];
  const rows = text.split('\n');
  if (rows.at(-1) === '') rows.pop();
  rows.forEach((row, index) => {
    let raw = row.endsWith('\r') ? row.slice(0, -1) : row;
    if (index === 0 && raw.startsWith('\uFEFF')) raw = raw.slice(1);
    const line = raw.replace(/^\s+/u, '');
    if (line === '' || line.startsWith('#')) return;
    const at = line.indexOf('=');
    const key = at < 0 ? line : line.slice(0, at);
    const fail = (reason: string): Error =>
      new ComposeError(`invalid env file (${filename}): ${reason}`);
    if (key === '') throw fail(`no variable name on line '${line}'`);
    if (/[ \t]/.test(key)) throw fail(`variable '${key}' contains whitespaces`);
    if (at >= 0) {
      lines.push(line);
      return;
    }
    const value = lookup(line);
    if (value !== undefined) lines.push(`${key}=${value}`);
  });
  return lines;
}
