/**
 * docker/cli's cli/command/stack/loader (27.5.1): the compose files named with `-c` read from
 * the machine's files (or stdin for `-`), parsed, and loaded; for `stack deploy`, the warnings
 * for unsupported and deprecated keys on stderr and the forbidden ones as its error.
 */
import { errorText, parentPath, resolvePath } from '../../../lib/filesystem';
import type { DockerCli } from '../../command/cli';
import { CliError } from '../../command/errors';
import { ComposeError } from '../../compose/errors';
import { InvalidValueError } from '../../flags';
import { ForbiddenPropertiesError, load, type LoadOptions } from '../../compose/loader/loader';
import { parseYAML } from '../../compose/loader/parse-yaml';
import {
  deprecatedProperties,
  propertyWarnings,
  unsupportedProperties,
} from '../../compose/loader/properties';
import { isDict, isList, type Dict } from '../../compose/types/dict';
import type { Config, ConfigDetails, ConfigFile } from '../../compose/types/types';

async function readFile(cli: DockerCli, path: string): Promise<string> {
  const files = cli.host.files;
  if (files === undefined) throw new CliError(`open ${path}: no such file or directory`);
  const read = await files.read(resolvePath(path, cli.host.cwd ?? '/root'));
  if (read.ok) return read.value;
  const text = errorText(read.error).toLowerCase();
  if (read.error === 'EISDIR') throw new CliError(`read ${path}: ${text}`);
  throw new CliError(`open ${path}: ${text}`);
}

/** loadConfigFile: one file's text, parsed. */
async function loadConfigFile(cli: DockerCli, filename: string): Promise<ConfigFile> {
  const text = filename === '-' ? await cli.in.readAll() : await readFile(cli, filename);
  try {
    return { filename, config: parseYAML(text) };
  } catch (error) {
    throw asCliError(error);
  }
}

/** GetConfigDetails: the files, the directory of the first, and the shell's environment. */
export async function getConfigDetails(
  cli: DockerCli,
  composefiles: readonly string[],
): Promise<ConfigDetails> {
  const [first] = composefiles;
  if (first === undefined) throw new CliError('Specify a Compose file (with --compose-file)');
  const cwd = cli.host.cwd ?? '/root';
  const workingDir =
    first === '-' && composefiles.length === 1 ? cwd : parentPath(resolvePath(first, cwd));
  const configFiles: ConfigFile[] = [];
  for (const filename of composefiles) configFiles.push(await loadConfigFile(cli, filename));
  return { workingDir, configFiles, environment: cli.host.env };
}

/**
 * The `env_file`s the services name, read before loading (the machine's files answer
 * asynchronously, docker's loader reads as it goes). A path written with a variable is not
 * found: the files are looked up as written.
 */
async function envFiles(cli: DockerCli, details: ConfigDetails): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of details.configFiles) {
    const services = file.config['services'];
    if (!isDict(services)) continue;
    for (const service of Object.values(services)) {
      if (!isDict(service)) continue;
      const value = service['env_file'];
      const names = typeof value === 'string' ? [value] : isList(value) ? value : [];
      for (const name of names) {
        if (typeof name !== 'string') continue;
        const path = resolvePath(name, details.workingDir);
        if (texts.has(path)) continue;
        try {
          texts.set(path, await readFile(cli, path));
        } catch {
          // Left out: the loader then fails with docker's own open error.
        }
      }
    }
  }
  return texts;
}

/** Runs loader.Load, printing what docker's logrus warns about as it loads. */
export async function loadDetails(
  cli: DockerCli,
  details: ConfigDetails,
  options: Omit<LoadOptions, 'readFile'> = {},
): Promise<Config> {
  const texts = await envFiles(cli, details);
  const loaded = load(details, {
    ...options,
    readFile: (path) => {
      const text = texts.get(path);
      if (text === undefined) throw new CliError(`open ${path}: no such file or directory`);
      return text;
    },
  });
  for (const warning of loaded.warnings) cli.err.write(`WARN[0000] ${warning} \n`);
  return loaded.config;
}

/** LoadComposefile, as `docker stack deploy` runs it. */
export async function loadComposefile(
  cli: DockerCli,
  composefiles: readonly string[],
): Promise<Config> {
  const details = await getConfigDetails(cli, composefiles);
  const dicts: Dict[] = details.configFiles.map((file) => file.config);
  let config: Config;
  try {
    config = await loadDetails(cli, details);
  } catch (error) {
    if (error instanceof ForbiddenPropertiesError) {
      throw new CliError(
        `Compose file contains unsupported options:\n\n${propertyWarnings(error.properties)}\n`,
      );
    }
    throw asCliError(error);
  }
  const unsupported = unsupportedProperties(dicts);
  if (unsupported.length > 0) {
    cli.err.write(`Ignoring unsupported options: ${unsupported.join(', ')}\n\n`);
  }
  const deprecated = deprecatedProperties(dicts);
  if (deprecated.size > 0) {
    cli.err.write(`Ignoring deprecated options:\n\n${propertyWarnings(deprecated)}\n\n`);
  }
  return config;
}

/** A loader error is printed as docker prints any error: its text, exit status 1. */
export function asCliError(error: unknown): unknown {
  if (error instanceof ComposeError || error instanceof InvalidValueError) {
    return new CliError(error.message);
  }
  return error;
}
