import { FilterValue } from '../../flags';
import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface SearchOptions {
  filter: FilterValue;
  format: string;
  limit: number;
  noTrunc: boolean;
}

/** `docker search`: search Docker Hub for images. */
export function newSearchCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: SearchOptions = {
    filter: new FilterValue(),
    format: '',
    limit: 0,
    noTrunc: false,
  };
  const command = new Command({
    use: 'search [OPTIONS] TERM',
    short: 'Search Docker Hub for images',
    args: exactArgs(1),
    annotations: {
      'category-top': '10',
    },
    run: (invocation) => runSearch(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(options.filter, 'filter', 'f', 'Filter output based on conditions provided');
  flags.stringVar(options, 'format', 'format', '', 'Pretty-print search using a Go template');
  flags.intVar(options, 'limit', 'limit', '', 'Max number of search results');
  flags.boolVar(options, 'noTrunc', 'no-trunc', '', `Don't truncate output`);
  return command;
}

export function runSearch(
  _cli: DockerCli,
  _options: SearchOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
