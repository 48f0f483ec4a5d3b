import { noArgs } from '../../../command/args';
import type { DockerCli } from '../../../command/cli';
import { Command } from '../../../command/command';
import { showHelpToStderr } from '../../../command/group';
import { newAddCommand } from './add';
import { newRemoveCommand } from './remove';

/** `docker trust signer`: manage entities who can sign Docker images. Run alone, it prints its help to stderr. */
export function newSignerCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'signer',
    short: 'Manage entities who can sign Docker images',
    args: noArgs,
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(newAddCommand(cli), newRemoveCommand(cli));
  return command;
}
