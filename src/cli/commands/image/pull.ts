import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { addPlatformFlag, addTrustVerificationFlag } from '../common-flags';

export interface PullOptions {
  allTags: boolean;
  disableContentTrust: boolean;
  platform: string;
  quiet: boolean;
}

/** `docker image pull`: download an image from a registry. */
export function newPullCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: PullOptions = {
    allTags: false,
    disableContentTrust: true,
    platform: '',
    quiet: false,
  };
  const command = new Command({
    use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
    short: 'Download an image from a registry',
    args: exactArgs(1),
    annotations: {
      'category-top': '5',
      aliases: 'docker image pull, docker pull',
    },
    run: (invocation) => runPull(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(
    options,
    'allTags',
    'all-tags',
    'a',
    'Download all tagged images in the repository',
  );
  addTrustVerificationFlag(flags, options);
  addPlatformFlag(flags, options);
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Suppress verbose output');
  return command;
}

export function runPull(
  _cli: DockerCli,
  _options: PullOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
