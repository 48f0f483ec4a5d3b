import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type TagOptions = Record<string, never>;

/** `docker image tag`: create a tag TARGET_IMAGE that refers to SOURCE_IMAGE. */
export function newTagCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: TagOptions = {};
  const command = new Command({
    use: 'tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
    short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
    args: exactArgs(2),
    annotations: {
      aliases: 'docker image tag, docker tag',
    },
    interspersed: false,
    run: (invocation) => runTag(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runTag(
  _cli: DockerCli,
  _options: TagOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
