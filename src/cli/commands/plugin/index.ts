import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command } from '../../command/command';
import { showHelpToStderr } from '../../command/group';
import { newCreateCommand } from './create';
import { newDisableCommand } from './disable';
import { newEnableCommand } from './enable';
import { newInspectCommand } from './inspect';
import { newInstallCommand } from './install';
import { newLsCommand } from './ls';
import { newPushCommand } from './push';
import { newRmCommand } from './rm';
import { newSetCommand } from './set';
import { newUpgradeCommand } from './upgrade';

/** `docker plugin`: manage plugins. Run alone, it prints its help to stderr. */
export function newPluginCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'plugin',
    short: 'Manage plugins',
    args: noArgs,
    annotations: {
      version: '1.25',
    },
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(
    newCreateCommand(cli),
    newDisableCommand(cli),
    newEnableCommand(cli),
    newInspectCommand(cli),
    newInstallCommand(cli),
    newLsCommand(cli),
    newPushCommand(cli),
    newRmCommand(cli),
    newSetCommand(cli),
    newUpgradeCommand(cli),
  );
  return command;
}
