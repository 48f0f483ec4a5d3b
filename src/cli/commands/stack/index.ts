import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command } from '../../command/command';
import { showHelpToStderr } from '../../command/group';
import { newConfigCommand } from './config';
import { newDeployCommand } from './deploy';
import { newLsCommand } from './ls';
import { newPsCommand } from './ps';
import { newRmCommand } from './rm';
import { newServicesCommand } from './services';

/** `docker stack`: manage Swarm stacks. Run alone, it prints its help to stderr. */
export function newStackCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'stack',
    short: 'Manage Swarm stacks',
    args: noArgs,
    annotations: {
      version: '1.25',
      swarm: 'manager',
    },
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(
    newConfigCommand(cli),
    newDeployCommand(cli),
    newLsCommand(cli),
    newPsCommand(cli),
    newRmCommand(cli),
    newServicesCommand(cli),
  );
  return command;
}
