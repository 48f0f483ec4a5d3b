import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface RmOptions {
  force: boolean;
  noPrune: boolean;
}

/** `docker image rm`: remove one or more images. */
export function newRmCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RmOptions = {
    force: false,
    noPrune: false,
  };
  const command = new Command({
    use: 'rm [OPTIONS] IMAGE [IMAGE...]',
    aliases: ['rmi', 'remove'],
    short: 'Remove one or more images',
    args: requiresMinArgs(1),
    annotations: {
      aliases: 'docker image rm, docker image remove, docker rmi',
    },
    run: (invocation) => runRm(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'force', 'force', 'f', 'Force removal of the image');
  flags.boolVar(options, 'noPrune', 'no-prune', '', 'Do not delete untagged parents');
  return command;
}

export function runRm(_cli: DockerCli, _options: RmOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}

/** `docker rmi`: the same command under its top-level name (docker/cli NewRemoveCommand). */
export function newRmiCommand(cli: DockerCli): Command {
  return newRmCommand(cli, { use: 'rmi [OPTIONS] IMAGE [IMAGE...]', aliases: [] });
}
