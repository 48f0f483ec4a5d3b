import { StringSliceValue } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface ConfigOptions {
  composeFile: StringSliceValue;
  skipInterpolation: boolean;
}

/** `docker stack config`: outputs the final config file, after doing merges and interpolations. */
export function newConfigCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: ConfigOptions = {
    composeFile: new StringSliceValue(),
    skipInterpolation: false,
  };
  const command = new Command({
    use: 'config [OPTIONS]',
    short: 'Outputs the final config file, after doing merges and interpolations',
    args: noArgs,
    run: (invocation) => runConfig(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(
    options.composeFile,
    'compose-file',
    'c',
    'Path to a Compose file, or "-" to read from stdin',
  );
  flags.boolVar(
    options,
    'skipInterpolation',
    'skip-interpolation',
    '',
    'Skip interpolation and output only merged config',
  );
  return command;
}

export function runConfig(
  _cli: DockerCli,
  _options: ConfigOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
