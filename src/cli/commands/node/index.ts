import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command } from '../../command/command';
import { showHelpToStderr } from '../../command/group';
import { newDemoteCommand } from './demote';
import { newInspectCommand } from './inspect';
import { newLsCommand } from './ls';
import { newPromoteCommand } from './promote';
import { newPsCommand } from './ps';
import { newRmCommand } from './rm';
import { newUpdateCommand } from './update';

/** `docker node`: manage Swarm nodes. Run alone, it prints its help to stderr. */
export function newNodeCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'node',
    short: 'Manage Swarm nodes',
    args: noArgs,
    annotations: {
      version: '1.24',
      swarm: 'manager',
    },
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(
    newDemoteCommand(cli),
    newInspectCommand(cli),
    newLsCommand(cli),
    newPromoteCommand(cli),
    newPsCommand(cli),
    newRmCommand(cli),
    newUpdateCommand(cli),
  );
  return command;
}
