import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface StatsOptions {
  all: boolean;
  format: string;
  noStream: boolean;
  noTrunc: boolean;
}

/** `docker container stats`: display a live stream of container(s) resource usage statistics. */
export function newStatsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: StatsOptions = {
    all: false,
    format: '',
    noStream: false,
    noTrunc: false,
  };
  const command = new Command({
    use: 'stats [OPTIONS] [CONTAINER...]',
    short: 'Display a live stream of container(s) resource usage statistics',
    args: requiresMinArgs(0),
    annotations: {
      aliases: 'docker container stats, docker stats',
    },
    run: (invocation) => runStats(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'all', 'all', 'a', 'Show all containers (default shows just running)');
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
  flags.boolVar(
    options,
    'noStream',
    'no-stream',
    '',
    'Disable streaming stats and only pull the first result',
  );
  flags.boolVar(options, 'noTrunc', 'no-trunc', '', 'Do not truncate output');
  return command;
}

export function runStats(
  _cli: DockerCli,
  _options: StatsOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
