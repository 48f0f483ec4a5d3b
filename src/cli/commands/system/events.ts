import { FilterValue } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { INSPECT_FORMAT_HELP } from '../format-help';

export interface EventsOptions {
  filter: FilterValue;
  format: string;
  since: string;
  until: string;
}

/** `docker system events`: get real time events from the server. */
export function newEventsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: EventsOptions = {
    filter: new FilterValue(),
    format: '',
    since: '',
    until: '',
  };
  const command = new Command({
    use: 'events [OPTIONS]',
    short: 'Get real time events from the server',
    args: noArgs,
    annotations: {
      aliases: 'docker system events, docker events',
    },
    run: (invocation) => runEvents(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(options.filter, 'filter', 'f', 'Filter output based on conditions provided');
  flags.stringVar(options, 'format', 'format', '', INSPECT_FORMAT_HELP);
  flags.stringVar(options, 'since', 'since', '', 'Show all events created since timestamp');
  flags.stringVar(options, 'until', 'until', '', 'Stream events until this timestamp');
  return command;
}

export function runEvents(
  _cli: DockerCli,
  _options: EventsOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
