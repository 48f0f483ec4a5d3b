import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command } from '../../command/command';
import { showHelpToStderr } from '../../command/group';
import { newCreateCommand } from './create';
import { newLsCommand } from './ls';
import { newRmCommand } from './rm';

/** `docker checkpoint`: manage checkpoints. Run alone, it prints its help to stderr. */
export function newCheckpointCommand(cli: DockerCli): Command {
  const command = new Command({
    use: 'checkpoint',
    short: 'Manage checkpoints',
    args: noArgs,
    annotations: {
      experimental: '',
      ostype: 'linux',
      version: '1.25',
    },
    run: (invocation) => showHelpToStderr(cli, invocation),
  });
  command.addCommand(newCreateCommand(cli), newLsCommand(cli), newRmCommand(cli));
  return command;
}
