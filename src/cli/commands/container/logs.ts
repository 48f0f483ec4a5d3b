import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { getTimestamp } from '../log-timestamp';
import { FOLLOW_POLL_MS, clientTimestamp, stdCopy } from '../log-stream';

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

/**
 * docker logs: the daemon reads the container's log (by ID, name or prefix) and the CLI copies
 * stdout's lines to stdout and stderr's to stderr. `--since` and `--until` are turned into
 * timestamps by the client library first. A follow asks again as virtual time passes, for
 * what came after, until the container stopped and everything was printed (or Ctrl+C).
 */
export async function runLogs(
  cli: DockerCli,
  options: LogsOptions,
  invocation: Invocation,
): Promise<void> {
  const [container = ''] = invocation.args;
  const now = cli.host.clock.nowEpochMs();
  const since = clientTimestamp('since', options.since, now, getTimestamp);
  const until = clientTimestamp('until', options.until, now, getTimestamp);
  let after: number | null = null;
  for (;;) {
    const read = await cli.engine.containerLogs(
      {
        container,
        since,
        until,
        timestamps: options.timestamps,
        details: options.details,
        tail: options.tail,
        after,
      },
      cli.cancel,
    );
    await stdCopy(read.frames, cli.out, cli.err);
    // moby's follow also ends at the first line written after --until.
    if (!options.follow || !read.running || read.untilPassed) return;
    after = read.next;
    await cli.host.clock.sleep(FOLLOW_POLL_MS, cli.cancel);
    if (cli.cancel.cancelled) return;
  }
}
