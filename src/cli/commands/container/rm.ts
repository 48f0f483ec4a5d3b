import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { CliError } from '../../command/errors';
import { engineErrorText } from '../../command/errors-text';
import { DaemonError } from '../../../api/errors';

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

/**
 * docker rm (cli/command/container/rm.go): each container in turn, its name printed once
 * removed; with `--force` a container that does not exist is only reported on stderr. The
 * other failures are printed together at the end, exit 1. `-v` has nothing to remove here (no
 * container has an anonymous volume); `--link` is not simulated.
 */
export async function runRm(
  cli: DockerCli,
  options: RmOptions,
  invocation: Invocation,
): Promise<void> {
  if (options.link) return notSimulated(invocation);
  const errors: string[] = [];
  for (const name of invocation.args) {
    try {
      const id = name.replace(/^\/+|\/+$/g, '');
      if (id === '') throw new CliError('Container name cannot be empty');
      await cli.engine.containerRemove({ id, force: options.force }, cli.cancel);
      cli.out.write(`${name}\n`);
    } catch (error) {
      if (options.force && error instanceof DaemonError && error.kind === 'not-found') {
        cli.err.write(`${engineErrorText(error)}\n`);
        continue;
      }
      errors.push(engineErrorText(error));
    }
  }
  if (errors.length > 0) throw new CliError(errors.join('\n'));
}
