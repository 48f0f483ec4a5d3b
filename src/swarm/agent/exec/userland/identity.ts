import { groupName } from './passwd';
import { envValue, result, type ProcessContext, type ProcessResult } from './process';

export function hostname(_args: readonly string[], context: ProcessContext): ProcessResult {
  return result(`${context.hostname}\n`);
}

export function pwd(_args: readonly string[], context: ProcessContext): ProcessResult {
  return result(`${context.cwd}\n`);
}

/** `env` with no arguments; running a command under it is not simulated. */
export function env(args: readonly string[], context: ProcessContext): ProcessResult {
  if (args.length > 0)
    return result('', 'env: arguments are not simulated in this playground yet\n', 1);
  return result(context.env.map((entry) => `${entry}\n`).join(''));
}

/** `printenv [NAME...]`: the values of the names set; exit 1 if one is not. */
export function printenv(args: readonly string[], context: ProcessContext): ProcessResult {
  if (args.length === 0) return env([], context);
  const values = args.map((name) => envValue(context.env, name));
  const stdout = values.flatMap((value) => (value === undefined ? [] : [`${value}\n`])).join('');
  return result(stdout, '', values.includes(undefined) ? 1 : 0);
}

function named(id: number, name: string | undefined): string {
  return name === undefined ? String(id) : `${String(id)}(${name})`;
}

/** `id [-u|-g|-n]`: the process's user and groups as /etc/passwd and /etc/group name them. */
export function id(args: readonly string[], context: ProcessContext): ProcessResult {
  const { uid, gid, entry } = context.user;
  const group = groupName(context.userland, gid);
  const flags = new Set<string>();
  for (const arg of args) {
    if (!arg.startsWith('-')) continue;
    for (const flag of arg.slice(1)) flags.add(flag);
  }
  const nameOnly = flags.has('n');
  if (flags.has('u')) return result(`${nameOnly ? (entry?.name ?? String(uid)) : String(uid)}\n`);
  if (flags.has('g')) return result(`${nameOnly ? (group ?? String(gid)) : String(gid)}\n`);
  const groups = [named(gid, group), ...(entry?.gid === gid ? entry.groups : [])].join(',');
  return result(`uid=${named(uid, entry?.name)} gid=${named(gid, group)} groups=${groups}\n`);
}

export function whoami(_args: readonly string[], context: ProcessContext): ProcessResult {
  const { uid, entry } = context.user;
  if (entry !== null) return result(`${entry.name}\n`);
  return context.userland === 'busybox'
    ? result('', `whoami: unknown uid ${String(uid)}\n`, 1)
    : result('', `whoami: cannot find name for user ID ${String(uid)}\n`, 1);
}
