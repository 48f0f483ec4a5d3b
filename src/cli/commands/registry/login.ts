import { requiresMaxArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface LoginOptions {
  password: string;
  passwordStdin: boolean;
  username: string;
}

/** `docker login`: authenticate to a registry. */
export function newLoginCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LoginOptions = {
    password: '',
    passwordStdin: false,
    username: '',
  };
  const command = new Command({
    use: 'login [OPTIONS] [SERVER]',
    short: 'Authenticate to a registry',
    long: `Authenticate to a registry.
Defaults to Docker Hub if no server is specified.`,
    args: requiresMaxArgs(1),
    annotations: {
      'category-top': '8',
    },
    run: (invocation) => runLogin(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'password', 'password', 'p', 'Password');
  flags.boolVar(options, 'passwordStdin', 'password-stdin', '', 'Take the password from stdin');
  flags.stringVar(options, 'username', 'username', 'u', 'Username');
  return command;
}

export function runLogin(
  _cli: DockerCli,
  _options: LoginOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
