import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import type { SwarmInfo } from '../../../api/swarm';
import { CliError } from '../../command/errors';
import { naturalCompare } from '../../format/natural-order';
import { chooseListFormat, renderList } from '../../format/formatter';
import {
  DEFAULT_NODE_TABLE_FORMAT,
  NODE_HEADER,
  NODE_RAW_FORMAT,
  NODE_RAW_QUIET_FORMAT,
  NodeRow,
} from './list-context';
import { addListFlags, newListOptions, type ListOptions } from '../list-flags';

export type LsOptions = ListOptions;

/** `docker node ls`: list nodes in the swarm. */
export function newLsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LsOptions = newListOptions();
  const command = new Command({
    use: 'ls [OPTIONS]',
    aliases: ['list'],
    short: 'List nodes in the swarm',
    args: noArgs,
    run: (invocation) => runLs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addListFlags(flags, options);
  return command;
}

/**
 * docker node ls: the daemon filters; the CLI asks `/info` for the ` *` self marker (not with
 * -q, nor for an empty list), sorts by hostname naturally and formats.
 */
export async function runLs(
  cli: DockerCli,
  options: LsOptions,
  _invocation: Invocation,
): Promise<void> {
  const filters = Object.fromEntries(options.filter.filters);
  const nodes = await cli.engine.nodeList({ filters }, cli.cancel);
  let swarm: SwarmInfo | null = null;
  if (nodes.length > 0 && !options.quiet) swarm = (await cli.engine.info()).Swarm;
  const format = chooseListFormat({
    format: options.format,
    quiet: options.quiet,
    defaultTableFormat: DEFAULT_NODE_TABLE_FORMAT,
    raw: { format: NODE_RAW_FORMAT, quietFormat: NODE_RAW_QUIET_FORMAT },
  });
  const sorted = [...nodes].sort((a, b) =>
    naturalCompare(a.Description.Hostname ?? '', b.Description.Hostname ?? ''),
  );
  const result = renderList({
    format,
    rows: sorted.map((node) => new NodeRow(node, swarm)),
    header: NODE_HEADER,
    rowTypeName: '*node.nodeContext',
  });
  if (!result.ok) throw new CliError(result.error);
  cli.out.write(result.stdout);
}
