import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type DiffOptions = Record<string, never>;

/** `docker container diff`: inspect changes to files or directories on a container's filesystem. */
export function newDiffCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: DiffOptions = {};
  const command = new Command({
    use: 'diff CONTAINER',
    short: `Inspect changes to files or directories on a container's filesystem`,
    args: exactArgs(1),
    annotations: {
      aliases: 'docker container diff, docker diff',
    },
    run: (invocation) => runDiff(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runDiff(
  _cli: DockerCli,
  _options: DiffOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
