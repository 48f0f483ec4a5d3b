import type { ProgramEntry } from '../process';

const header = `Swarm Playground shell: a small bash simulated in your browser, one per machine.
These commands are available. Type \`help NAME' to read about one of them.

`;

const footer = `
The shell understands quoting, $VAR and $?, VAR=value, $(command), pipes (|), lists (; && ||),
the redirections >/dev/null 2>/dev/null 2>&1 &>/dev/null, history (Up, Down) and Tab completion.
There is no file system: files cannot be written or read.
`;

/** Lists what this machine's shell can run, honest that it is the playground's shell. */
export const helpProgram: ProgramEntry = {
  name: 'help',
  summary: 'Show the commands this shell can run (help NAME: one of them)',
  run: ({ args, stdout, stderr, host }) => {
    const programs = [...(host.programs ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    if (args.length === 0) {
      const width = Math.max(...programs.map((program) => program.name.length)) + 2;
      const rows = programs.map((program) => ` ${program.name.padEnd(width)}${program.summary}\n`);
      stdout.write(header + rows.join('') + footer);
      return Promise.resolve(0);
    }
    let status = 0;
    for (const topic of args) {
      const program = programs.find((candidate) => candidate.name === topic);
      if (program === undefined) {
        stderr.write(
          `bash: help: no help topics match \`${topic}'.  Try \`help' to list the commands.\n`,
        );
        status = 1;
      } else {
        stdout.write(`${program.name}: ${program.summary}\n`);
      }
    }
    return Promise.resolve(status);
  },
};
