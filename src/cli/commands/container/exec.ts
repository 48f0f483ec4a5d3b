import { ListValue } from '../../flags';
import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

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

export function runExec(
  _cli: DockerCli,
  _options: ExecOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
