import type { DockerCli } from '../../command/cli';
import { marshalConfig } from '../../compose/loader/marshal';
import { emitYaml } from '../../compose/loader/yaml-emit';
import type { Config } from '../../compose/types/types';
import { asCliError, getConfigDetails, loadDetails } from './loader';

/**
 * What `docker stack config` does: the files loaded and merged (and interpolated, unless
 * `--skip-interpolation`), printed as yaml.v2 marshals the config. It needs no daemon. Unlike
 * `stack deploy` it prints no warnings for unsupported keys, and a forbidden key fails with the
 * loader's own one-line error.
 */
export async function printConfig(
  cli: DockerCli,
  files: readonly string[],
  skipInterpolation: boolean,
): Promise<void> {
  const details = await getConfigDetails(cli, files);
  let config: Config;
  try {
    config = await loadDetails(cli, details, { skipInterpolation });
  } catch (error) {
    throw asCliError(error);
  }
  cli.out.write(emitYaml(marshalConfig(config)));
}
