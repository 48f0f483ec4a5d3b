import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface LogsOptions {
  details: boolean;
  follow: boolean;
  since: string;
  tail: string;
  timestamps: boolean;
  until: string;
}

/** `docker container logs`: fetch the logs of a container. */
export function newLogsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LogsOptions = {
    details: false,
    follow: false,
    since: '',
    tail: 'all',
    timestamps: false,
    until: '',
  };
  const command = new Command({
    use: 'logs [OPTIONS] CONTAINER',
    short: 'Fetch the logs of a container',
    args: exactArgs(1),
    annotations: {
      aliases: 'docker container logs, docker logs',
    },
    run: (invocation) => runLogs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'details', 'details', '', 'Show extra details provided to logs');
  flags.boolVar(options, 'follow', 'follow', 'f', 'Follow log output');
  flags.stringVar(
    options,
    'since',
    'since',
    '',
    'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
  );
  flags.stringVar(options, 'tail', 'tail', 'n', 'Number of lines to show from the end of the logs');
  flags.boolVar(options, 'timestamps', 'timestamps', 't', 'Show timestamps');
  flags.stringVar(
    options,
    'until',
    'until',
    '',
    'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
  );
  return command;
}

export function runLogs(
  _cli: DockerCli,
  _options: LogsOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
