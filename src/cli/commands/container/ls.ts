import { FilterValue } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { FORMAT_HELP } from '../format-help';

export interface LsOptions {
  all: boolean;
  filter: FilterValue;
  format: string;
  last: number;
  latest: boolean;
  noTrunc: boolean;
  quiet: boolean;
  size: boolean;
}

/** `docker container ls`: list containers. */
export function newLsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LsOptions = {
    all: false,
    filter: new FilterValue(),
    format: '',
    last: -1,
    latest: false,
    noTrunc: false,
    quiet: false,
    size: false,
  };
  const command = new Command({
    use: 'ls [OPTIONS]',
    aliases: ['ps', 'list'],
    short: 'List containers',
    args: noArgs,
    annotations: {
      'category-top': '3',
      aliases: 'docker container ls, docker container list, docker container ps, docker ps',
    },
    run: (invocation) => runLs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'all', 'all', 'a', 'Show all containers (default shows just running)');
  flags.add(options.filter, 'filter', 'f', 'Filter output based on conditions provided');
  flags.stringVar(options, 'format', 'format', '', FORMAT_HELP);
  flags.intVar(
    options,
    'last',
    'last',
    'n',
    'Show n last created containers (includes all states)',
  );
  flags.boolVar(
    options,
    'latest',
    'latest',
    'l',
    'Show the latest created container (includes all states)',
  );
  flags.boolVar(options, 'noTrunc', 'no-trunc', '', `Don't truncate output`);
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Only display container IDs');
  flags.boolVar(options, 'size', 'size', 's', 'Display total file sizes');
  return command;
}

export function runLs(_cli: DockerCli, _options: LsOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}

/** `docker ps`: the same command under its old top-level name (docker/cli NewPsCommand). */
export function newPsCommand(cli: DockerCli): Command {
  return newLsCommand(cli, { use: 'ps [OPTIONS]', aliases: [] });
}
