import type { ProgramEntry } from '../process';
import { isValidName, type ShellVariables } from './variables';

/**
 * Builtins that change the shell itself, so they cannot be ordinary programs: a program only
 * sees a copy of the environment. They act on the session's variables (also from inside
 * `$(...)`, where bash would act on a copy; nothing in lab work depends on the difference).
 */
export function createShellBuiltins(variables: ShellVariables): ProgramEntry[] {
  return [exportBuiltin(variables), unsetBuiltin(variables)];
}

function exportBuiltin(variables: ShellVariables): ProgramEntry {
  return {
    name: 'export',
    summary: 'Mark shell variables as exported to the programs this shell runs',
    run: ({ args, stdout, stderr }) => {
      const names = args.filter((arg) => arg !== '-p');
      if (names.length === 0) {
        const environment = [...variables.environment()].sort(([a], [b]) => a.localeCompare(b));
        for (const [name, value] of environment) stdout.write(`declare -x ${name}="${value}"\n`);
        return Promise.resolve(0);
      }
      let status = 0;
      for (const arg of names) {
        const separator = arg.indexOf('=');
        const name = separator === -1 ? arg : arg.slice(0, separator);
        if (!isValidName(name)) {
          stderr.write(`bash: export: \`${arg}': not a valid identifier\n`);
          status = 1;
          continue;
        }
        variables.export(name, separator === -1 ? undefined : arg.slice(separator + 1));
      }
      return Promise.resolve(status);
    },
  };
}

function unsetBuiltin(variables: ShellVariables): ProgramEntry {
  return {
    name: 'unset',
    summary: 'Remove shell variables',
    run: ({ args, stderr }) => {
      let status = 0;
      for (const name of args.filter((arg) => arg !== '-v')) {
        if (isValidName(name)) {
          variables.unset(name);
        } else {
          stderr.write(`bash: unset: \`${name}': not a valid identifier\n`);
          status = 1;
        }
      }
      return Promise.resolve(status);
    },
  };
}
