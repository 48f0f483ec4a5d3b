import type { DockerCli } from '../command/cli';
import { Command, type Invocation } from '../command/command';
import { CliError } from '../command/errors';
import { showHelp } from '../command/execute';

/** `docker help [command]`: the help of any command, on stdout. Not listed in help itself. */
export function newHelpCommand(cli: DockerCli): Command {
  return new Command({
    use: 'help [command]',
    short: 'Help about the command',
    hidden: true,
    run: (invocation) => runHelp(cli, invocation),
  });
}

/** cobra's Find: walk down by subcommand names; what is left over is an unknown topic. */
export async function runHelp(cli: DockerCli, invocation: Invocation): Promise<void> {
  let target = invocation.command.root();
  let rest = [...invocation.args];
  for (let next = target.findChild(rest[0] ?? ''); next !== undefined;) {
    target = next;
    rest = rest.slice(1);
    next = rest.length > 0 ? target.findChild(rest[0] ?? '') : undefined;
  }
  if (rest.length > 0) throw new CliError(`unknown help topic: ${rest.join(' ')}`);
  await showHelp(cli, target, cli.out);
}
