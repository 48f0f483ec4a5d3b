import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { addListFlags, newListOptions, type ListOptions } from '../list-flags';
import { SecretRow, writeDataObjectList } from '../secret-config';

export type LsOptions = ListOptions;

/** `docker secret ls`: list secrets. */
export function newLsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LsOptions = newListOptions();
  const command = new Command({
    use: 'ls [OPTIONS]',
    aliases: ['list'],
    short: 'List secrets',
    args: noArgs,
    run: (invocation) => runLs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addListFlags(flags, options);
  return command;
}

/** docker's secret list formats (cli/command/secret/formatter.go). */
const DEFAULT_SECRET_TABLE_FORMAT =
  'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.CreatedAt}}\t{{.UpdatedAt}}';

const SECRET_HEADER: Readonly<Record<string, string>> = {
  ID: 'ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  CreatedAt: 'CREATED',
  UpdatedAt: 'UPDATED',
  Labels: 'LABELS',
};

/** docker secret ls: the daemon filters (names, name, id, label); the CLI sorts and formats. */
export async function runLs(
  cli: DockerCli,
  options: LsOptions,
  _invocation: Invocation,
): Promise<void> {
  const filters = Object.fromEntries(options.filter.filters);
  const secrets = await cli.engine.secretList({ filters }, cli.cancel);
  writeDataObjectList(cli, options, {
    noun: 'secret',
    defaultTableFormat: DEFAULT_SECRET_TABLE_FORMAT,
    header: SECRET_HEADER,
    objects: secrets,
    row: (object, now) => new SecretRow(object, now),
  });
}
