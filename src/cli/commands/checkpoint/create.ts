import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface CreateOptions {
  checkpointDir: string;
  leaveRunning: boolean;
}

/** `docker checkpoint create`: create a checkpoint from a running container. */
export function newCreateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: CreateOptions = {
    checkpointDir: '',
    leaveRunning: false,
  };
  const command = new Command({
    use: 'create [OPTIONS] CONTAINER CHECKPOINT',
    short: 'Create a checkpoint from a running container',
    args: exactArgs(2),
    run: (invocation) => runCreate(cli, options, invocation),
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
  flags.boolVar(
    options,
    'leaveRunning',
    'leave-running',
    '',
    'Leave the container running after checkpoint',
  );
  return command;
}

export function runCreate(
  _cli: DockerCli,
  _options: CreateOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
