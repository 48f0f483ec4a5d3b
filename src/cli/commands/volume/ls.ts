import { FilterValue } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { CliError } from '../../command/errors';
import { chooseListFormat, renderList } from '../../format/formatter';
import { naturalCompare } from '../../format/natural-order';
import { FORMAT_HELP } from '../format-help';
import {
  DEFAULT_VOLUME_QUIET_FORMAT,
  DEFAULT_VOLUME_TABLE_FORMAT,
  VOLUME_HEADER,
  VOLUME_RAW_FORMAT,
  VOLUME_RAW_QUIET_FORMAT,
  VolumeRow,
} from './list-context';

export interface LsOptions {
  cluster: boolean;
  filter: FilterValue;
  format: string;
  quiet: boolean;
}

/** `docker volume ls`: list volumes. */
export function newLsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LsOptions = {
    cluster: false,
    filter: new FilterValue(),
    format: '',
    quiet: false,
  };
  const command = new Command({
    use: 'ls [OPTIONS]',
    aliases: ['list'],
    short: 'List volumes',
    args: noArgs,
    run: (invocation) => runLs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(
    options,
    'cluster',
    'cluster',
    '',
    'Display only cluster volumes, and use cluster volume list formatting',
  );
  flags.add(options.filter, 'filter', 'f', 'Provide filter values (e.g. "dangling=true")');
  flags.stringVar(options, 'format', 'format', '', FORMAT_HELP);
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Only display volume names');
  return command;
}

/**
 * docker volume ls: the daemon filters its own volumes; the CLI sorts them by name naturally and
 * formats. `--cluster` lists cluster volumes, which are not simulated.
 */
export async function runLs(
  cli: DockerCli,
  options: LsOptions,
  invocation: Invocation,
): Promise<void> {
  if (options.cluster) return notSimulated(invocation);
  const filters = Object.fromEntries(options.filter.filters);
  const volumes = await cli.engine.volumeList({ filters }, cli.cancel);
  const format = chooseListFormat({
    format: options.format,
    quiet: options.quiet,
    defaultTableFormat: DEFAULT_VOLUME_TABLE_FORMAT,
    quietFormat: DEFAULT_VOLUME_QUIET_FORMAT,
    raw: { format: VOLUME_RAW_FORMAT, quietFormat: VOLUME_RAW_QUIET_FORMAT },
  });
  const sorted = [...volumes].sort((a, b) => naturalCompare(a.Name, b.Name));
  const result = renderList({
    format,
    rows: sorted.map((volume) => new VolumeRow(volume)),
    header: VOLUME_HEADER,
    rowTypeName: '*formatter.volumeContext',
  });
  if (!result.ok) throw new CliError(result.error);
  cli.out.write(result.stdout);
}
