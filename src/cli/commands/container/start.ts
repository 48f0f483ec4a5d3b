import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface StartOptions {
  attach: boolean;
  checkpoint: string;
  checkpointDir: string;
  detachKeys: string;
  interactive: boolean;
}

/** `docker container start`: start one or more stopped containers. */
export function newStartCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: StartOptions = {
    attach: false,
    checkpoint: '',
    checkpointDir: '',
    detachKeys: '',
    interactive: false,
  };
  const command = new Command({
    use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Start one or more stopped containers',
    args: requiresMinArgs(1),
    annotations: {
      aliases: 'docker container start, docker start',
    },
    run: (invocation) => runStart(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'attach', 'attach', 'a', 'Attach STDOUT/STDERR and forward signals');
  flags.stringVar(options, 'checkpoint', 'checkpoint', '', 'Restore from this checkpoint');
  flags.stringVar(
    options,
    'checkpointDir',
    'checkpoint-dir',
    '',
    'Use a custom checkpoint storage directory',
  );
  flags.stringVar(
    options,
    'detachKeys',
    'detach-keys',
    '',
    'Override the key sequence for detaching a container',
  );
  flags.boolVar(options, 'interactive', 'interactive', 'i', `Attach container's STDIN`);
  return command;
}

export function runStart(
  _cli: DockerCli,
  _options: StartOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
