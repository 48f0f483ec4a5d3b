import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command } from '../../command/command';
import { showHelpToStderr } from '../../command/group';
import { newCreateCommand } from './create';
import { newInspectCommand } from './inspect';
import { newLsCommand } from './ls';
import { newRmCommand } from './rm';

/** `docker secret`: manage Swarm secrets. Run alone, it prints its help to stderr. */
export function newSecretCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'secret',
    short: 'Manage Swarm secrets',
    args: noArgs,
    annotations: {
      version: '1.25',
      swarm: 'manager',
    },
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(
    newCreateCommand(cli),
    newInspectCommand(cli),
    newLsCommand(cli),
    newRmCommand(cli),
  );
  return command;
}
