import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface LsOptions {
  checkpointDir: string;
}

/** `docker checkpoint ls`: list checkpoints for a container. */
export function newLsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LsOptions = {
    checkpointDir: '',
  };
  const command = new Command({
    use: 'ls [OPTIONS] CONTAINER',
    aliases: ['list'],
    short: 'List checkpoints for a container',
    args: exactArgs(1),
    run: (invocation) => runLs(cli, options, invocation),
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

export function runLs(_cli: DockerCli, _options: LsOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
