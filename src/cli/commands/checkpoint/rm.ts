import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface RmOptions {
  checkpointDir: string;
}

/** `docker checkpoint rm`: remove a checkpoint. */
export function newRmCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RmOptions = {
    checkpointDir: '',
  };
  const command = new Command({
    use: 'rm [OPTIONS] CONTAINER CHECKPOINT',
    aliases: ['remove'],
    short: 'Remove a checkpoint',
    args: exactArgs(2),
    run: (invocation) => runRm(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(
    options,
    'checkpointDir',
    'checkpoint-dir',
    '',
    'Use a custom checkpoint storage directory',
  );
  return command;
}

export function runRm(_cli: DockerCli, _options: RmOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
