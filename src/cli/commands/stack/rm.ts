import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface RmOptions {
  detach: boolean;
}

/** `docker stack rm`: remove one or more stacks. */
export function newRmCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RmOptions = {
    detach: true,
  };
  const command = new Command({
    use: 'rm [OPTIONS] STACK [STACK...]',
    aliases: ['remove', 'down'],
    short: 'Remove one or more stacks',
    args: requiresMinArgs(1),
    run: (invocation) => runRm(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'detach', 'detach', 'd', 'Do not wait for stack removal');
  return command;
}

export function runRm(_cli: DockerCli, _options: RmOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
