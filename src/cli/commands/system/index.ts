import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command } from '../../command/command';
import { showHelpToStderr } from '../../command/group';
import { newDfCommand } from './df';
import { newEventsCommand } from './events';
import { newInfoCommand } from './info';
import { newPruneCommand } from './prune';

/** `docker system`: manage Docker. Run alone, it prints its help to stderr. */
export function newSystemCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'system',
    short: 'Manage Docker',
    args: noArgs,
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(
    newDfCommand(cli),
    newEventsCommand(cli),
    newInfoCommand(cli),
    newPruneCommand(cli),
  );
  return command;
}
