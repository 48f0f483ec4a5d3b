import { FilterValue } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { CliError } from '../../command/errors';
import { confirm } from '../../command/prompt';

export interface PruneOptions {
  all: boolean;
  filter: FilterValue;
  force: boolean;
}

/** `docker volume prune`: remove unused local volumes. */
export function newPruneCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: PruneOptions = {
    all: false,
    filter: new FilterValue(),
    force: false,
  };
  const command = new Command({
    use: 'prune [OPTIONS]',
    short: 'Remove unused local volumes',
    args: noArgs,
    annotations: {
      version: '1.25',
    },
    run: (invocation) => runPrune(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'all', 'all', 'a', 'Remove all unused volumes, not just anonymous ones');
  flags.add(options.filter, 'filter', '', 'Provide filter values (e.g. "label=<label>")');
  flags.boolVar(options, 'force', 'force', 'f', 'Do not prompt for confirmation');
  return command;
}

const UNUSED_VOLUMES_WARNING = `WARNING! This will remove anonymous local volumes not used by at least one container.
Are you sure you want to continue?`;
const ALL_VOLUMES_WARNING = `WARNING! This will remove all local volumes not used by at least one container.
Are you sure you want to continue?`;

/**
 * docker volume prune (API 1.42 and later): only anonymous volumes unless `--all` (the filter
 * `all=true`), after the prompt unless `--force`. A declined prompt ends the command quietly with
 * exit 0 (docker's Cancelled error). Nothing is stored in a simulated volume, so the space
 * reclaimed is always 0B.
 */
export async function runPrune(
  cli: DockerCli,
  options: PruneOptions,
  _invocation: Invocation,
): Promise<void> {
  const filters = new Map(options.filter.filters);
  let warning = UNUSED_VOLUMES_WARNING;
  if (options.all) {
    if (filters.has('all')) {
      throw new CliError('conflicting options: cannot specify both --all and --filter all=1');
    }
    filters.set('all', ['true']);
    warning = ALL_VOLUMES_WARNING;
  }
  if (!options.force && !(await confirm(cli, warning))) return;
  const report = await cli.engine.volumePrune({ filters: Object.fromEntries(filters) }, cli.cancel);
  if (report.VolumesDeleted.length > 0) {
    cli.out.write(
      `Deleted Volumes:\n${report.VolumesDeleted.map((name) => `${name}\n`).join('')}\n`,
    );
  }
  cli.out.write('Total reclaimed space: 0B\n');
}
