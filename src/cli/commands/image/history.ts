import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { FORMAT_HELP } from '../format-help';

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
  flags.stringVar(options, 'format', 'format', '', FORMAT_HELP);
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
