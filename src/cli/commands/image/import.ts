import { ListValue } from '../../flags';
import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { addPlatformFlag } from '../common-flags';

export interface ImportOptions {
  change: ListValue;
  message: string;
  platform: string;
}

/** `docker image import`: import the contents from a tarball to create a filesystem image. */
export function newImportCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: ImportOptions = {
    change: new ListValue(),
    message: '',
    platform: '',
  };
  const command = new Command({
    use: 'import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
    short: 'Import the contents from a tarball to create a filesystem image',
    args: requiresMinArgs(1),
    annotations: {
      aliases: 'docker image import, docker import',
    },
    run: (invocation) => runImport(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(options.change, 'change', 'c', 'Apply Dockerfile instruction to the created image');
  flags.stringVar(options, 'message', 'message', 'm', 'Set commit message for imported image');
  addPlatformFlag(flags, options);
  return command;
}

export function runImport(
  _cli: DockerCli,
  _options: ImportOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
