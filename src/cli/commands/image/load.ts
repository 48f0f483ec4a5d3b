import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface LoadOptions {
  input: string;
  quiet: boolean;
}

/** `docker image load`: load an image from a tar archive or STDIN. */
export function newLoadCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LoadOptions = {
    input: '',
    quiet: false,
  };
  const command = new Command({
    use: 'load [OPTIONS]',
    short: 'Load an image from a tar archive or STDIN',
    args: noArgs,
    annotations: {
      aliases: 'docker image load, docker load',
    },
    run: (invocation) => runLoad(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'input', 'input', 'i', 'Read from tar archive file, instead of STDIN');
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Suppress the load output');
  return command;
}

export function runLoad(
  _cli: DockerCli,
  _options: LoadOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
