import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command } from '../../command/command';
import { showHelpToStderr } from '../../command/group';
import { newBuildCommand } from './build';
import { newHistoryCommand } from './history';
import { newImportCommand } from './import';
import { newInspectCommand } from './inspect';
import { newLoadCommand } from './load';
import { newLsCommand } from './ls';
import { newPruneCommand } from './prune';
import { newPullCommand } from './pull';
import { newPushCommand } from './push';
import { newRmCommand } from './rm';
import { newSaveCommand } from './save';
import { newTagCommand } from './tag';

/** `docker image`: manage images. Run alone, it prints its help to stderr. */
export function newImageCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'image',
    short: 'Manage images',
    args: noArgs,
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(
    newBuildCommand(cli),
    newHistoryCommand(cli),
    newImportCommand(cli),
    newInspectCommand(cli),
    newLoadCommand(cli),
    newLsCommand(cli),
    newPruneCommand(cli),
    newPullCommand(cli),
    newPushCommand(cli),
    newRmCommand(cli),
    newSaveCommand(cli),
    newTagCommand(cli),
  );
  return command;
}
