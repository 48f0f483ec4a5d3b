import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command } from '../../command/command';
import { showHelpToStderr } from '../../command/group';
import { newConnectCommand } from './connect';
import { newCreateCommand } from './create';
import { newDisconnectCommand } from './disconnect';
import { newInspectCommand } from './inspect';
import { newLsCommand } from './ls';
import { newPruneCommand } from './prune';
import { newRmCommand } from './rm';

/** `docker network`: manage networks. Run alone, it prints its help to stderr. */
export function newNetworkCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'network',
    short: 'Manage networks',
    args: noArgs,
    annotations: {
      version: '1.21',
    },
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(
    newConnectCommand(cli),
    newCreateCommand(cli),
    newDisconnectCommand(cli),
    newInspectCommand(cli),
    newLsCommand(cli),
    newPruneCommand(cli),
    newRmCommand(cli),
  );
  return command;
}
