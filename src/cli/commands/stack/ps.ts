import { FilterValue } from '../../flags';
import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface PsOptions {
  filter: FilterValue;
  format: string;
  noResolve: boolean;
  noTrunc: boolean;
  quiet: boolean;
}

/** `docker stack ps`: list the tasks in the stack. */
export function newPsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: PsOptions = {
    filter: new FilterValue(),
    format: '',
    noResolve: false,
    noTrunc: false,
    quiet: false,
  };
  const command = new Command({
    use: 'ps [OPTIONS] STACK',
    short: 'List the tasks in the stack',
    args: exactArgs(1),
    run: (invocation) => runPs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(options.filter, 'filter', 'f', 'Filter output based on conditions provided');
  flags.stringVar(
    options,
    'format',
    'format',
    '',
    `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`,
  );
  flags.boolVar(options, 'noResolve', 'no-resolve', '', 'Do not map IDs to Names');
  flags.boolVar(options, 'noTrunc', 'no-trunc', '', 'Do not truncate output');
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Only display task IDs');
  return command;
}

export function runPs(_cli: DockerCli, _options: PsOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
