import { noArgs } from '../../../command/args';
import type { DockerCli } from '../../../command/cli';
import { Command } from '../../../command/command';
import { showHelpToStderr } from '../../../command/group';
import { newGenerateCommand } from './generate';
import { newLoadCommand } from './load';

/** `docker trust key`: manage keys for signing Docker images. Run alone, it prints its help to stderr. */
export function newKeyCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'key',
    short: 'Manage keys for signing Docker images',
    args: noArgs,
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(newGenerateCommand(cli), newLoadCommand(cli));
  return command;
}
