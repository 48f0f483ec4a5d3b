import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { FORMAT_HELP } from '../format-help';

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
  flags.stringVar(options, 'format', 'format', '', FORMAT_HELP);
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
