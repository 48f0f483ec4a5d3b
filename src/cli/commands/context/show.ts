import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type ShowOptions = Record<string, never>;

/** `docker context show`: print the name of the current context. */
export function newShowCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: ShowOptions = {};
  const command = new Command({
    use: 'show',
    short: 'Print the name of the current context',
    args: noArgs,
    run: (invocation) => runShow(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runShow(
  _cli: DockerCli,
  _options: ShowOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
