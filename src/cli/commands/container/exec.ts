import { ListValue } from '../../flags';
import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { CliError, StatusError } from '../../command/errors';

export interface ExecOptions {
  detach: boolean;
  detachKeys: string;
  env: ListValue;
  envFile: ListValue;
  interactive: boolean;
  privileged: boolean;
  tty: boolean;
  user: string;
  workdir: string;
}

/** `docker container exec`: execute a command in a running container. */
export function newExecCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: ExecOptions = {
    detach: false,
    detachKeys: '',
    env: new ListValue(),
    envFile: new ListValue(),
    interactive: false,
    privileged: false,
    tty: false,
    user: '',
    workdir: '',
  };
  const command = new Command({
    use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
    short: 'Execute a command in a running container',
    args: requiresMinArgs(2),
    annotations: {
      'category-top': '2',
      aliases: 'docker container exec, docker exec',
    },
    interspersed: false,
    run: (invocation) => runExec(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'detach', 'detach', 'd', 'Detached mode: run command in the background');
  flags.stringVar(
    options,
    'detachKeys',
    'detach-keys',
    '',
    'Override the key sequence for detaching a container',
  );
  flags.add(options.env, 'env', 'e', 'Set environment variables');
  flags.add(options.envFile, 'env-file', '', 'Read in a file of environment variables');
  flags.boolVar(options, 'interactive', 'interactive', 'i', 'Keep STDIN open even if not attached');
  flags.boolVar(options, 'privileged', 'privileged', '', 'Give extended privileges to the command');
  flags.boolVar(options, 'tty', 'tty', 't', 'Allocate a pseudo-TTY');
  flags.stringVar(
    options,
    'user',
    'user',
    'u',
    'Username or UID (format: "<name|uid>[:<group|gid>]")',
  );
  flags.stringVar(options, 'workdir', 'workdir', 'w', 'Working directory inside the container');
  return command;
}

/** The shells a lab starts with `docker exec -it CONTAINER sh`. */
const SHELLS: ReadonlySet<string> = new Set(['sh', 'ash', 'dash', 'bash']);

/**
 * docker exec (cli/command/container/exec.go): the container is inspected first (so a missing
 * one is that error), the TTY is checked, then the command runs in the container on the daemon
 * and its streams and exit code come back: stdout and stderr as they were written (one stream
 * with `-t`, which also sets TERM), and a non-zero exit code is docker's own. The terminal here
 * streams nothing while a command runs, so `-i` sends a pipe's text and a terminal sends end of
 * file; an interactive shell (`-it … sh`) cannot run and says so. `-d` and `--env-file` are not
 * simulated; `--privileged` changes nothing the lab can see.
 */
export async function runExec(
  cli: DockerCli,
  options: ExecOptions,
  invocation: Invocation,
): Promise<void> {
  if (options.detach || options.envFile.values.length > 0) return notSimulated(invocation);
  const [container = '', ...cmd] = invocation.args;
  await cli.engine.containerInspect({ id: container }, cli.cancel);
  if (options.interactive && options.tty && !cli.in.isTerminal) {
    throw new CliError('the input device is not a TTY');
  }
  const program = (cmd[0] ?? '').slice((cmd[0] ?? '').lastIndexOf('/') + 1);
  if (options.interactive && cli.in.isTerminal && SHELLS.has(program) && cmd.length === 1) {
    throw new CliError(
      `docker exec: an interactive shell is not simulated in this playground yet; run one command at a time: docker exec ${container} ${program} -c '…'`,
    );
  }
  const stdin = options.interactive && !cli.in.isTerminal ? await cli.in.readAll() : '';
  const result = await cli.engine.containerExec(
    {
      id: container,
      cmd,
      // A bare NAME takes the client's own value, and this shell exports none to docker.
      env: options.env.values.filter((entry) => entry.includes('=')),
      workdir: options.workdir,
      user: options.user,
      tty: options.tty,
      stdin,
    },
    cli.cancel,
  );
  cli.out.write(result.stdout);
  cli.err.write(result.stderr);
  if (result.exitCode !== 0) throw new StatusError('', result.exitCode);
}
