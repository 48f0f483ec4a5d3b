import { FilterValue } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { confirm } from '../../command/prompt';

export interface PruneOptions {
  filter: FilterValue;
  force: boolean;
}

/** `docker network prune`: remove all unused networks. */
export function newPruneCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: PruneOptions = {
    filter: new FilterValue(),
    force: false,
  };
  const command = new Command({
    use: 'prune [OPTIONS]',
    short: 'Remove all unused networks',
    args: noArgs,
    annotations: {
      version: '1.25',
    },
    run: (invocation) => runPrune(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(options.filter, 'filter', '', 'Provide filter values (e.g. "until=<timestamp>")');
  flags.boolVar(options, 'force', 'force', 'f', 'Do not prompt for confirmation');
  return command;
}

const WARNING = `WARNING! This will remove all custom networks not used by at least one container.
Are you sure you want to continue?`;

/**
 * docker network prune: after the prompt unless `-f` (a declined one ends quietly, exit 0, as
 * docker's Cancelled error does), the daemon removes what nothing uses; `Deleted Networks:` and
 * one name a line, then the empty line of docker's Println, and nothing when none went.
 */
export async function runPrune(
  cli: DockerCli,
  options: PruneOptions,
  _invocation: Invocation,
): Promise<void> {
  if (!options.force && !(await confirm(cli, WARNING))) return;
  const filters = Object.fromEntries(options.filter.filters);
  const report = await cli.engine.networkPrune({ filters }, cli.cancel);
  if (report.NetworksDeleted.length === 0) return;
  cli.out.write(
    `Deleted Networks:\n${report.NetworksDeleted.map((name) => `${name}\n`).join('')}\n`,
  );
}
