import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface LogsOptions {
  details: boolean;
  follow: boolean;
  noResolve: boolean;
  noTaskIds: boolean;
  noTrunc: boolean;
  raw: boolean;
  since: string;
  tail: string;
  timestamps: boolean;
}

/** `docker service logs`: fetch the logs of a service or task. */
export function newLogsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LogsOptions = {
    details: false,
    follow: false,
    noResolve: false,
    noTaskIds: false,
    noTrunc: false,
    raw: false,
    since: '',
    tail: 'all',
    timestamps: false,
  };
  const command = new Command({
    use: 'logs [OPTIONS] SERVICE|TASK',
    short: 'Fetch the logs of a service or task',
    args: exactArgs(1),
    annotations: {
      version: '1.29',
    },
    run: (invocation) => runLogs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'details', 'details', '', 'Show extra details provided to logs');
  flags.boolVar(options, 'follow', 'follow', 'f', 'Follow log output');
  flags.boolVar(options, 'noResolve', 'no-resolve', '', 'Do not map IDs to Names in output');
  flags.boolVar(options, 'noTaskIds', 'no-task-ids', '', 'Do not include task IDs in output');
  flags.boolVar(options, 'noTrunc', 'no-trunc', '', 'Do not truncate output');
  flags.boolVar(options, 'raw', 'raw', '', 'Do not neatly format logs');
  flags.stringVar(
    options,
    'since',
    'since',
    '',
    'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
  );
  flags.stringVar(options, 'tail', 'tail', 'n', 'Number of lines to show from the end of the logs');
  flags.boolVar(options, 'timestamps', 'timestamps', 't', 'Show timestamps');
  return command;
}

export function runLogs(
  _cli: DockerCli,
  _options: LogsOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
