import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { CliError } from '../../command/errors';
import { chooseListFormat, htmlEscapingRowContextType, renderList } from '../../format/formatter';
import { naturalCompare } from '../../format/natural-order';
import { addListFlags, newListOptions, type ListOptions } from '../list-flags';
import {
  DEFAULT_SERVICE_TABLE_FORMAT,
  SERVICE_HEADER,
  SERVICE_RAW_FORMAT,
  SERVICE_RAW_QUIET_FORMAT,
  ServiceRow,
} from './list-context';
import { appendServiceStatus } from './service-status';

export type LsOptions = ListOptions;

/** `docker service ls`: list services. */
export function newLsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LsOptions = newListOptions();
  const command = new Command({
    use: 'ls [OPTIONS]',
    aliases: ['list'],
    short: 'List services',
    args: noArgs,
    run: (invocation) => runLs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addListFlags(flags, options);
  return command;
}

/**
 * docker service ls: the daemon filters (and rejects unknown keys) and, unless -q, counts each
 * service's tasks (`status=true`); the CLI sorts by name naturally and formats.
 */
export async function runLs(
  cli: DockerCli,
  options: LsOptions,
  _invocation: Invocation,
): Promise<void> {
  const filters = Object.fromEntries(options.filter.filters);
  const status = !options.quiet;
  let services = await cli.engine.serviceList({ filters, status }, cli.cancel);
  if (status) services = await appendServiceStatus(cli, services);
  const format = chooseListFormat({
    format: options.format,
    quiet: options.quiet,
    defaultTableFormat: DEFAULT_SERVICE_TABLE_FORMAT,
    raw: { format: SERVICE_RAW_FORMAT, quietFormat: SERVICE_RAW_QUIET_FORMAT },
  });
  const sorted = [...services].sort((a, b) => naturalCompare(a.Spec.Name, b.Spec.Name));
  const result = renderList({
    format,
    rows: sorted.map((service) => new ServiceRow(service)),
    header: SERVICE_HEADER,
    rowTypeName: '*service.serviceContext',
    rowType: htmlEscapingRowContextType('*service.serviceContext'),
  });
  if (!result.ok) throw new CliError(result.error);
  cli.out.write(result.stdout);
}
