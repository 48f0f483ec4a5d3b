import type { LabControl, ProcessContext, ProgramEntry } from '../process';

const USAGE = `Usage: playground COMMAND

Controls the Swarm Playground itself (this is not a docker command).

Commands:
  ls                      List the lab's machines and their addresses
  add manager|worker      Add a machine, in no swarm yet, with its own terminal tab
  rm HOSTNAME             Remove a machine for good, as deleting its VM would
`;

async function add(context: ProcessContext, lab: LabControl, role: string): Promise<number> {
  if (role !== 'manager' && role !== 'worker') {
    context.stderr.write(`playground add: say manager or worker, not "${role}"\n`);
    return 1;
  }
  const result = await lab.addMachine(role);
  if ('error' in result) {
    context.stderr.write(`playground add: ${result.error}\n`);
    return 1;
  }
  const address = lab.machines().find((m) => m.hostname === result.hostname)?.address ?? '';
  context.stdout.write(
    `Added ${result.hostname} (${address}). It is in no swarm yet; its terminal has a tab of its own.\n`,
  );
  return 0;
}

async function remove(context: ProcessContext, lab: LabControl, hostname: string): Promise<number> {
  if (hostname === context.host.hostname) {
    context.stderr.write(`playground rm: ${hostname} is the machine you are typing on\n`);
    return 1;
  }
  const result = await lab.removeMachine(hostname);
  if ('error' in result) {
    context.stderr.write(`playground rm: ${result.error}\n`);
    return 1;
  }
  context.stdout.write(`Removed ${hostname}.\n`);
  return 0;
}

/**
 * `playground`: the lab's own controls, named so that no one takes it for docker. Adding and
 * removing machines are inputs to the simulation like any other, so they are saved and replayed.
 */
export const playgroundProgram: ProgramEntry = {
  name: 'playground',
  summary: "Add or remove the lab's machines (the playground's own command, not docker's)",
  run: async (context) => {
    const lab = context.host.lab;
    if (lab === undefined) {
      context.stderr.write('playground: only available in the playground page\n');
      return 1;
    }
    const [command, argument, ...rest] = context.args;
    if (command === 'ls' && argument === undefined) {
      for (const machine of lab.machines()) {
        context.stdout.write(`${machine.hostname.padEnd(10)} ${machine.address}\n`);
      }
      return 0;
    }
    if (command === 'add' && argument !== undefined && rest.length === 0) {
      return add(context, lab, argument);
    }
    if (command === 'rm' && argument !== undefined && rest.length === 0) {
      return remove(context, lab, argument);
    }
    const helpAsked = command === undefined || command === '--help' || command === '-h';
    (helpAsked ? context.stdout : context.stderr).write(USAGE);
    return helpAsked ? 0 : 1;
  },
  complete: ({ words, current }) => {
    const candidates =
      words.length <= 1 ? ['ls', 'add', 'rm'] : words[1] === 'add' ? ['manager', 'worker'] : [];
    return candidates.filter((candidate) => candidate.startsWith(current));
  },
};
