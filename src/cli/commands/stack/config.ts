import { StringSliceValue } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';

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
 * docker stack config (27.5.1). The compose loader (the YAML library, the schemas) is a chunk of
 * its own, fetched by the first stack command: the docker CLI's chunk loads with every page,
 * and carrying it there cost the prompt a third of a second.
 */
export async function runConfig(
  cli: DockerCli,
  options: ConfigOptions,
  _invocation: Invocation,
): Promise<void> {
  const { printConfig } = await import('./config-print');
  await printConfig(cli, options.composeFile.values, options.skipInterpolation);
}
