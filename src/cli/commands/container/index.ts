import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command } from '../../command/command';
import { showHelpToStderr } from '../../command/group';
import { newAttachCommand } from './attach';
import { newCommitCommand } from './commit';
import { newCpCommand } from './cp';
import { newCreateCommand } from './create';
import { newDiffCommand } from './diff';
import { newExecCommand } from './exec';
import { newExportCommand } from './export';
import { newInspectCommand } from './inspect';
import { newKillCommand } from './kill';
import { newLogsCommand } from './logs';
import { newLsCommand } from './ls';
import { newPauseCommand } from './pause';
import { newPortCommand } from './port';
import { newPruneCommand } from './prune';
import { newRenameCommand } from './rename';
import { newRestartCommand } from './restart';
import { newRmCommand } from './rm';
import { newRunCommand } from './run';
import { newStartCommand } from './start';
import { newStatsCommand } from './stats';
import { newStopCommand } from './stop';
import { newTopCommand } from './top';
import { newUnpauseCommand } from './unpause';
import { newUpdateCommand } from './update';
import { newWaitCommand } from './wait';

/** `docker container`: manage containers. Run alone, it prints its help to stderr. */
export function newContainerCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'container',
    short: 'Manage containers',
    args: noArgs,
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(
    newAttachCommand(cli),
    newCommitCommand(cli),
    newCpCommand(cli),
    newCreateCommand(cli),
    newDiffCommand(cli),
    newExecCommand(cli),
    newExportCommand(cli),
    newInspectCommand(cli),
    newKillCommand(cli),
    newLogsCommand(cli),
    newLsCommand(cli),
    newPauseCommand(cli),
    newPortCommand(cli),
    newPruneCommand(cli),
    newRenameCommand(cli),
    newRestartCommand(cli),
    newRmCommand(cli),
    newRunCommand(cli),
    newStartCommand(cli),
    newStatsCommand(cli),
    newStopCommand(cli),
    newTopCommand(cli),
    newUnpauseCommand(cli),
    newUpdateCommand(cli),
    newWaitCommand(cli),
  );
  return command;
}
