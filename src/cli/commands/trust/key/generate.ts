import { exactArgs } from '../../../command/args';
import type { DockerCli } from '../../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../../command/command';
import { notSimulated } from '../../../command/not-simulated';

export interface GenerateOptions {
  dir: string;
}

/** `docker trust key generate`: generate and load a signing key-pair. */
export function newGenerateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: GenerateOptions = {
    dir: '',
  };
  const command = new Command({
    use: 'generate NAME',
    short: 'Generate and load a signing key-pair',
    args: exactArgs(1),
    run: (invocation) => runGenerate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(
    options,
    'dir',
    'dir',
    '',
    'Directory to generate key in, defaults to current directory',
  );
  return command;
}

export function runGenerate(
  _cli: DockerCli,
  _options: GenerateOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
