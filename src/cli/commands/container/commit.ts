import { ListValue } from '../../flags';
import { requiresRangeArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface CommitOptions {
  author: string;
  change: ListValue;
  message: string;
  pause: boolean;
}

/** `docker container commit`: create a new image from a container's changes. */
export function newCommitCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: CommitOptions = {
    author: '',
    change: new ListValue(),
    message: '',
    pause: true,
  };
  const command = new Command({
    use: 'commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
    short: `Create a new image from a container's changes`,
    args: requiresRangeArgs(1, 2),
    annotations: {
      aliases: 'docker container commit, docker commit',
    },
    interspersed: false,
    run: (invocation) => runCommit(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(
    options,
    'author',
    'author',
    'a',
    'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")',
  );
  flags.add(options.change, 'change', 'c', 'Apply Dockerfile instruction to the created image');
  flags.stringVar(options, 'message', 'message', 'm', 'Commit message');
  flags.boolVar(options, 'pause', 'pause', 'p', 'Pause container during commit');
  return command;
}

export function runCommit(
  _cli: DockerCli,
  _options: CommitOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
