import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface PushOptions {
  allTags: boolean;
  disableContentTrust: boolean;
  platform: string;
  quiet: boolean;
}

/** `docker image push`: upload an image to a registry. */
export function newPushCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: PushOptions = {
    allTags: false,
    disableContentTrust: true,
    platform: '',
    quiet: false,
  };
  const command = new Command({
    use: 'push [OPTIONS] NAME[:TAG]',
    short: 'Upload an image to a registry',
    args: exactArgs(1),
    annotations: {
      'category-top': '6',
      aliases: 'docker image push, docker push',
    },
    run: (invocation) => runPush(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'allTags', 'all-tags', 'a', 'Push all tags of an image to the repository');
  flags.boolVar(options, 'disableContentTrust', 'disable-content-trust', '', 'Skip image signing');
  flags.stringVar(
    options,
    'platform',
    'platform',
    '',
    `Push a platform-specific manifest as a single-platform image to the registry.
Image index won't be pushed, meaning that other manifests, including attestations won't be preserved.
'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)`,
  );
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Suppress verbose output');
  return command;
}

export function runPush(
  _cli: DockerCli,
  _options: PushOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
