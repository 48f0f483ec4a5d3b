import { StringSliceValue } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { marshalConfig } from '../../compose/loader/marshal';
import { emitYaml } from '../../compose/loader/yaml-emit';
import type { Config } from '../../compose/types/types';
import { asCliError, getConfigDetails, loadDetails } from './loader';

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

/**
 * docker stack config (27.5.1): the files loaded and merged (and interpolated, unless
 * `--skip-interpolation`), printed as yaml.v2 marshals the config. It needs no daemon. Unlike
 * `stack deploy` it prints no warnings for unsupported keys, and a forbidden key fails with the
 * loader's own one-line error.
 */
export async function runConfig(
  cli: DockerCli,
  options: ConfigOptions,
  _invocation: Invocation,
): Promise<void> {
  const details = await getConfigDetails(cli, options.composeFile.values);
  let config: Config;
  try {
    config = await loadDetails(cli, details, { skipInterpolation: options.skipInterpolation });
  } catch (error) {
    throw asCliError(error);
  }
  cli.out.write(emitYaml(marshalConfig(config)));
}
