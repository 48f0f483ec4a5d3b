import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type RmOptions = Record<string, never>;

/** `docker secret rm`: remove one or more secrets. */
export function newRmCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RmOptions = {};
  const command = new Command({
    use: 'rm SECRET [SECRET...]',
    aliases: ['remove'],
    short: 'Remove one or more secrets',
    args: requiresMinArgs(1),
    run: (invocation) => runRm(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runRm(_cli: DockerCli, _options: RmOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
