import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { DaemonError } from '../../../api/errors';
import type { LogCursors } from '../../../api/logs';
import { CliError } from '../../command/errors';
import { getTimestamp } from '../log-timestamp';
import { FOLLOW_POLL_MS, clientTimestamp, stdCopy } from '../log-stream';
import { TaskFormatter, logWriter } from './log-writer';

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

/** The digits of a number: docker pads the slots of a service to its replica count's. */
function maxLength(value: number): number {
  return String(value).length;
}

interface Target {
  readonly task: boolean;
  readonly tty: boolean;
  readonly padding: number;
}

/**
 * docker's lookup: the target as a service (ID, name or prefix), else as a task, else `no such
 * task or service`. Any other error of the service lookup is the command's.
 */
async function findTarget(cli: DockerCli, target: string): Promise<Target> {
  try {
    const service = await cli.engine.serviceInspect(
      { id: target, insertDefaults: false },
      cli.cancel,
    );
    const replicas = service.Spec.Mode.Replicated?.Replicas;
    return {
      task: false,
      tty: service.Spec.TaskTemplate.ContainerSpec?.TTY ?? false,
      padding: replicas === undefined ? 1 : maxLength(replicas),
    };
  } catch (error) {
    if (!(error instanceof DaemonError) || error.kind !== 'not-found') throw error;
  }
  try {
    const task = await cli.engine.taskInspect({ id: target }, cli.cancel);
    return {
      task: true,
      tty: task.Spec.ContainerSpec?.TTY ?? false,
      padding: maxLength(task.Slot ?? 0),
    };
  } catch (error) {
    if (error instanceof DaemonError && error.kind === 'not-found') {
      throw new CliError(`no such task or service: ${target}`);
    }
    throw error;
  }
}

/**
 * docker service logs: the leader's log broker gathers the lines of the service's (or task's)
 * containers from the nodes; unless `--raw`, each line gets its task's context in front
 * (`web.1.0qihejybwf1x@worker1    | `), read from the details the daemon sends with it. A follow
 * asks again as virtual time passes, until Ctrl+C.
 */
export async function runLogs(
  cli: DockerCli,
  options: LogsOptions,
  invocation: Invocation,
): Promise<void> {
  const [target = ''] = invocation.args;
  const found = await findTarget(cli, target);
  if (found.tty && !options.raw) throw new CliError('tty service logs only supported with --raw');
  const since = clientTimestamp('since', options.since, cli.host.clock.nowEpochMs(), getTimestamp);
  const formatter = new TaskFormatter(cli, options, found.padding);
  const stdout = options.raw ? cli.out : logWriter(options, formatter, cli.out);
  const stderr = options.raw ? cli.err : logWriter(options, formatter, cli.err);
  let cursors: LogCursors | null = null;
  for (;;) {
    const read = await cli.engine.serviceLogs(
      {
        target,
        task: found.task,
        follow: options.follow,
        since,
        timestamps: options.timestamps,
        // The context comes in the details: docker asks for them unless the output is raw.
        details: options.details || !options.raw,
        tail: options.tail,
        cursors,
      },
      cli.cancel,
    );
    await stdCopy(read.frames, stdout, stderr);
    if (!options.follow) return;
    cursors = read.cursors;
    await cli.host.clock.sleep(FOLLOW_POLL_MS, cli.cancel);
    if (cli.cancel.cancelled) return;
  }
}
