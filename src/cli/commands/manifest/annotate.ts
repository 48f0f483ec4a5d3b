import { StringSliceValue } from '../../flags';
import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface AnnotateOptions {
  arch: string;
  os: string;
  osFeatures: StringSliceValue;
  osVersion: string;
  variant: string;
}

/** `docker manifest annotate`: add additional information to a local image manifest. */
export function newAnnotateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: AnnotateOptions = {
    arch: '',
    os: '',
    osFeatures: new StringSliceValue(),
    osVersion: '',
    variant: '',
  };
  const command = new Command({
    use: 'annotate [OPTIONS] MANIFEST_LIST MANIFEST',
    short: 'Add additional information to a local image manifest',
    args: exactArgs(2),
    run: (invocation) => runAnnotate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'arch', 'arch', '', 'Set architecture');
  flags.stringVar(options, 'os', 'os', '', 'Set operating system');
  flags.add(options.osFeatures, 'os-features', '', 'Set operating system feature');
  flags.stringVar(options, 'osVersion', 'os-version', '', 'Set operating system version');
  flags.stringVar(options, 'variant', 'variant', '', 'Set architecture variant');
  return command;
}

export function runAnnotate(
  _cli: DockerCli,
  _options: AnnotateOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
