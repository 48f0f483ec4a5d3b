import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command } from '../../command/command';
import { showHelpToStderr } from '../../command/group';
import { newCreateCommand } from './create';
import { newInspectCommand } from './inspect';
import { newLsCommand } from './ls';
import { newPruneCommand } from './prune';
import { newRmCommand } from './rm';
import { newUpdateCommand } from './update';

/** `docker volume`: manage volumes. Run alone, it prints its help to stderr. */
export function newVolumeCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'volume',
    short: 'Manage volumes',
    args: noArgs,
    annotations: {
      version: '1.21',
    },
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(
    newCreateCommand(cli),
    newInspectCommand(cli),
    newLsCommand(cli),
    newPruneCommand(cli),
    newRmCommand(cli),
    newUpdateCommand(cli),
  );
  return command;
}
