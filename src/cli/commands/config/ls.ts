import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { addListFlags, newListOptions, type ListOptions } from '../list-flags';
import { DataObjectRow, writeDataObjectList } from '../secret-config';

export type LsOptions = ListOptions;

/** `docker config ls`: list configs. */
export function newLsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LsOptions = newListOptions();
  const command = new Command({
    use: 'ls [OPTIONS]',
    aliases: ['list'],
    short: 'List configs',
    args: noArgs,
    run: (invocation) => runLs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addListFlags(flags, options);
  return command;
}

/** docker's config list formats (cli/command/config/formatter.go): no DRIVER column. */
const DEFAULT_CONFIG_TABLE_FORMAT = 'table {{.ID}}\t{{.Name}}\t{{.CreatedAt}}\t{{.UpdatedAt}}';

const CONFIG_HEADER: Readonly<Record<string, string>> = {
  ID: 'ID',
  Name: 'NAME',
  CreatedAt: 'CREATED',
  UpdatedAt: 'UPDATED',
  Labels: 'LABELS',
};

/** docker config ls: the daemon filters (name, id, label); the CLI sorts and formats. */
export async function runLs(
  cli: DockerCli,
  options: LsOptions,
  _invocation: Invocation,
): Promise<void> {
  const filters = Object.fromEntries(options.filter.filters);
  const configs = await cli.engine.configList({ filters }, cli.cancel);
  writeDataObjectList(cli, options, {
    noun: 'config',
    defaultTableFormat: DEFAULT_CONFIG_TABLE_FORMAT,
    header: CONFIG_HEADER,
    objects: configs,
    row: (object, now) => new DataObjectRow(object, now),
  });
}
