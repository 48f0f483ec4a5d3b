import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export type RmOptions = Record<string, never>;

/** `docker manifest rm`: delete one or more manifest lists from local storage. */
export function newRmCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RmOptions = {};
  const command = new Command({
    use: 'rm MANIFEST_LIST [MANIFEST_LIST...]',
    short: 'Delete one or more manifest lists from local storage',
    args: requiresMinArgs(1),
    run: (invocation) => runRm(cli, options, invocation),
    ...variant,
  });
  return command;
}

export function runRm(_cli: DockerCli, _options: RmOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
