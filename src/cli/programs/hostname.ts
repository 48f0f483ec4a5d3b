import type { ProgramEntry } from '../process';

const printingOptions = new Set(['-s', '--short', '-f', '--fqdn', '--long', '-A', '--all-fqdns']);

/** Prints the machine's name. Machines are named by the playground, so renaming is refused. */
export const hostnameProgram: ProgramEntry = {
  name: 'hostname',
  summary: "Show the machine's host name",
  run: ({ args, stdout, stderr, host }) => {
    const unsupported = args.find((arg) => !printingOptions.has(arg));
    if (unsupported !== undefined) {
      const what = unsupported.startsWith('-') ? `option ${unsupported}` : 'changing the host name';
      stderr.write(`hostname: ${what} is not simulated in this playground\n`);
      return Promise.resolve(1);
    }
    stdout.write(`${host.hostname}\n`);
    return Promise.resolve(0);
  },
};
