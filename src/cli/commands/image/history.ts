import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface HistoryOptions {
  format: string;
  human: boolean;
  noTrunc: boolean;
  quiet: boolean;
}

/** `docker image history`: show the history of an image. */
export function newHistoryCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: HistoryOptions = {
    format: '',
    human: true,
    noTrunc: false,
    quiet: false,
  };
  const command = new Command({
    use: 'history [OPTIONS] IMAGE',
    short: 'Show the history of an image',
    args: exactArgs(1),
    annotations: {
      aliases: 'docker image history, docker history',
    },
    run: (invocation) => runHistory(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
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
  flags.boolVar(options, 'human', 'human', 'H', 'Print sizes and dates in human readable format');
  flags.boolVar(options, 'noTrunc', 'no-trunc', '', `Don't truncate output`);
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Only show image IDs');
  return command;
}

export function runHistory(
  _cli: DockerCli,
  _options: HistoryOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
