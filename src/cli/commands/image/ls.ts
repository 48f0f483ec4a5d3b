import { FilterValue } from '../../flags';
import { requiresMaxArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { FORMAT_HELP } from '../format-help';

export interface LsOptions {
  all: boolean;
  digests: boolean;
  filter: FilterValue;
  format: string;
  noTrunc: boolean;
  quiet: boolean;
  tree: boolean;
}

/** `docker image ls`: list images. */
export function newLsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LsOptions = {
    all: false,
    digests: false,
    filter: new FilterValue(),
    format: '',
    noTrunc: false,
    quiet: false,
    tree: false,
  };
  const command = new Command({
    use: 'ls [OPTIONS] [REPOSITORY[:TAG]]',
    aliases: ['list'],
    short: 'List images',
    args: requiresMaxArgs(1),
    annotations: {
      'category-top': '7',
      aliases: 'docker image ls, docker image list, docker images',
    },
    run: (invocation) => runLs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'all', 'all', 'a', 'Show all images (default hides intermediate images)');
  flags.boolVar(options, 'digests', 'digests', '', 'Show digests');
  flags.add(options.filter, 'filter', 'f', 'Filter output based on conditions provided');
  flags.stringVar(options, 'format', 'format', '', FORMAT_HELP);
  flags.boolVar(options, 'noTrunc', 'no-trunc', '', `Don't truncate output`);
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Only show image IDs');
  flags.boolVar(options, 'tree', 'tree', '', 'List multi-platform images as a tree (EXPERIMENTAL)');
  return command;
}

export function runLs(_cli: DockerCli, _options: LsOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}

/** `docker images`: the same command under its top-level name (docker/cli NewImagesCommand). */
export function newImagesCommand(cli: DockerCli): Command {
  return newLsCommand(cli, { use: 'images [OPTIONS] [REPOSITORY[:TAG]]', aliases: [] });
}
