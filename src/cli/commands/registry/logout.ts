import { requiresMaxArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type LogoutOptions = Record<string, never>;

/** `docker logout`: log out from a registry. */
export function newLogoutCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LogoutOptions = {};
  const command = new Command({
    use: 'logout [SERVER]',
    short: 'Log out from a registry',
    long: `Log out from a registry.
If no server is specified, the default is defined by the daemon.`,
    args: requiresMaxArgs(1),
    annotations: {
      'category-top': '9',
    },
    run: (invocation) => runLogout(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runLogout(
  _cli: DockerCli,
  _options: LogoutOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
