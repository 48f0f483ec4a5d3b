import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command } from '../../command/command';
import { showHelpToStderr } from '../../command/group';
import { newCreateCommand } from './create';
import { newExportCommand } from './export';
import { newImportCommand } from './import';
import { newInspectCommand } from './inspect';
import { newLsCommand } from './ls';
import { newRmCommand } from './rm';
import { newShowCommand } from './show';
import { newUpdateCommand } from './update';
import { newUseCommand } from './use';

/** `docker context`: manage contexts. Run alone, it prints its help to stderr. */
export function newContextCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'context',
    short: 'Manage contexts',
    args: noArgs,
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(
    newCreateCommand(cli),
    newExportCommand(cli),
    newImportCommand(cli),
    newInspectCommand(cli),
    newLsCommand(cli),
    newRmCommand(cli),
    newShowCommand(cli),
    newUpdateCommand(cli),
    newUseCommand(cli),
  );
  return command;
}
