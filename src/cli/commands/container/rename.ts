import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type RenameOptions = Record<string, never>;

/** `docker container rename`: rename a container. */
export function newRenameCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RenameOptions = {};
  const command = new Command({
    use: 'rename CONTAINER NEW_NAME',
    short: 'Rename a container',
    args: exactArgs(2),
    annotations: {
      aliases: 'docker container rename, docker rename',
    },
    run: (invocation) => runRename(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runRename(
  _cli: DockerCli,
  _options: RenameOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
