import { FilterValue } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { FORMAT_HELP } from '../format-help';
import { CliError } from '../../command/errors';
import { chooseListFormat, renderList } from '../../format/formatter';
import { CONTAINER_HEADER, ContainerRow, DEFAULT_CONTAINER_TABLE_FORMAT } from './list-context';

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

/**
 * docker ps: the daemon filters (and lists only running containers unless `-a`); `-n` and
 * `-l` keep the newest, of every state; the CLI formats, with the IDs, images and commands
 * cut unless `--no-trunc`.
 */
export async function runLs(
  cli: DockerCli,
  options: LsOptions,
  invocation: Invocation,
): Promise<void> {
  if (options.size) return notSimulated(invocation);
  const last = options.latest ? 1 : options.last;
  const filters = Object.fromEntries(options.filter.filters);
  const listed = await cli.engine.containerList(
    { all: options.all || last > 0, filters },
    cli.cancel,
  );
  const containers = last > 0 ? listed.slice(0, last) : listed;
  const format = chooseListFormat({
    format: options.format,
    quiet: options.quiet,
    defaultTableFormat: DEFAULT_CONTAINER_TABLE_FORMAT,
  });
  const now = cli.host.clock.nowEpochMs();
  const result = renderList({
    format,
    rows: containers.map((container) => new ContainerRow(container, !options.noTrunc, now)),
    header: CONTAINER_HEADER,
    rowTypeName: '*formatter.ContainerContext',
  });
  if (!result.ok) throw new CliError(result.error);
  cli.out.write(result.stdout);
}

/** `docker ps`: the same command under its old top-level name (docker/cli NewPsCommand). */
export function newPsCommand(cli: DockerCli): Command {
  return newLsCommand(cli, { use: 'ps [OPTIONS]', aliases: [] });
}
