import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface RmOptions {
  force: boolean;
  link: boolean;
  volumes: boolean;
}

/** `docker container rm`: remove one or more containers. */
export function newRmCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RmOptions = {
    force: false,
    link: false,
    volumes: false,
  };
  const command = new Command({
    use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
    aliases: ['remove'],
    short: 'Remove one or more containers',
    args: requiresMinArgs(1),
    annotations: {
      aliases: 'docker container rm, docker container remove, docker rm',
    },
    run: (invocation) => runRm(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(
    options,
    'force',
    'force',
    'f',
    'Force the removal of a running container (uses SIGKILL)',
  );
  flags.boolVar(options, 'link', 'link', 'l', 'Remove the specified link');
  flags.boolVar(
    options,
    'volumes',
    'volumes',
    'v',
    'Remove anonymous volumes associated with the container',
  );
  return command;
}

export function runRm(_cli: DockerCli, _options: RmOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
