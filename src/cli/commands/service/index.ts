import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command } from '../../command/command';
import { showHelpToStderr } from '../../command/group';
import { newCreateCommand } from './create';
import { newInspectCommand } from './inspect';
import { newLogsCommand } from './logs';
import { newLsCommand } from './ls';
import { newPsCommand } from './ps';
import { newRmCommand } from './rm';
import { newRollbackCommand } from './rollback';
import { newScaleCommand } from './scale';
import { newUpdateCommand } from './update';

/** `docker service`: manage Swarm services. Run alone, it prints its help to stderr. */
export function newServiceCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'service',
    short: 'Manage Swarm services',
    args: noArgs,
    annotations: {
      version: '1.24',
      swarm: 'manager',
    },
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(
    newCreateCommand(cli),
    newInspectCommand(cli),
    newLogsCommand(cli),
    newLsCommand(cli),
    newPsCommand(cli),
    newRmCommand(cli),
    newRollbackCommand(cli),
    newScaleCommand(cli),
    newUpdateCommand(cli),
  );
  return command;
}
