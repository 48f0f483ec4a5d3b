import { ConnectionError, DaemonError, NotSimulatedCall } from '../../api/errors';
import type { PingResult } from '../../api/system';
import { FlagError, FlagSet, HelpRequested } from '../flags';
import type { OutputStream } from '../process';
import type { DockerCli } from './cli';
import type { Command } from './command';
import { ArgsError, CliError, NotSimulatedError, StatusError } from './errors';
import { engineErrorText } from './errors-text';
import { hideUnsupportedFeatures } from './hide';

/**
 * docker's main() and cobra's ExecuteC for Docker 27.5.1: global flags first (stopping at the
 * command), then a walk down the tree that parses each group's flags, then the command's own
 * parse, help, argument check and run. Every failure is printed the way docker prints it.
 */

/** The exit code flag errors get (cli.FlagErrorFunc). */
const FLAG_ERROR_CODE = 125;

export const DOCKER_VERSION_LINE = 'Docker version 27.5.1, build 9f9e405';

/** cli.FlagErrorFunc: the pflag message, a pointer to help, and for groups their usage. */
function flagErrorStatus(command: Command, error: FlagError): StatusError {
  const usage = command.hasSubCommands() ? `\n\n${command.usageString()}` : '';
  return new StatusError(
    `${error.message}\nSee '${command.commandPath()} --help'.${usage}`,
    FLAG_ERROR_CODE,
  );
}

async function pingOrNull(cli: DockerCli): Promise<PingResult | null> {
  try {
    return await cli.engine.ping();
  } catch {
    return null;
  }
}

/**
 * docker's isSupported: commands under an `experimental` annotation need an experimental daemon,
 * which a docker-ce install is not, so they fail before anything else runs.
 */
function unsupportedError(command: Command): CliError | null {
  for (let node: Command | null = command; node !== null; node = node.parent) {
    if (node.annotations.has('experimental')) {
      return new CliError(
        `${command.commandPath()} is only supported on a Docker daemon with experimental features enabled`,
      );
    }
  }
  return null;
}

/** docker's help function: hide what the daemon cannot serve, then print the help template. */
export async function showHelp(cli: DockerCli, command: Command, out: OutputStream): Promise<void> {
  const unsupported = unsupportedError(command);
  if (unsupported !== null) {
    // cobra's Println goes to the command's output stream; the exit status stays 0.
    out.write(`${unsupported.message}\n`);
    return;
  }
  hideUnsupportedFeatures(command, await pingOrNull(cli));
  out.write(command.helpString());
}

function isFlagArg(arg: string): boolean {
  return (
    (arg.length >= 3 && arg.startsWith('--')) ||
    (arg.length >= 2 && arg[0] === '-' && arg[1] !== '-')
  );
}

function takesValue(flags: FlagSet, arg: string): boolean {
  if (arg.startsWith('--'))
    return (
      flags.lookup(arg.slice(2))?.noOptDefVal === '' || flags.lookup(arg.slice(2)) === undefined
    );
  return (
    flags.shorthandLookup(arg.slice(1, 2))?.noOptDefVal === '' ||
    flags.shorthandLookup(arg.slice(1, 2)) === undefined
  );
}

interface Found {
  readonly command: Command;
  readonly args: readonly string[];
}

/**
 * cobra's Traverse (docker's root sets TraverseChildren): flags seen before a subcommand name are
 * parsed by the command they follow. A parse error here is returned raw, without the help hint.
 */
function traverse(command: Command, args: readonly string[], notices: string[]): Found {
  const flags: string[] = [];
  let inFlag = false;
  for (const [index, arg] of args.entries()) {
    const merged = command.mergedFlags();
    if (arg.startsWith('--') && !arg.includes('=')) {
      inFlag = takesValue(merged, arg);
      flags.push(arg);
      continue;
    }
    if (arg.startsWith('-') && !arg.includes('=') && arg.length === 2 && takesValue(merged, arg)) {
      inFlag = true;
      flags.push(arg);
      continue;
    }
    if (inFlag || isFlagArg(arg)) {
      inFlag = false;
      flags.push(arg);
      continue;
    }
    const next = command.findChild(arg);
    if (next === undefined) return { command, args };
    notices.push(...merged.parse(flags).notices);
    return traverse(next, args.slice(index + 1), notices);
  }
  return { command, args };
}

function flagIsTrue(command: Command, name: string): boolean {
  return command.mergedFlags().lookup(name)?.value.toString() === 'true';
}

async function executeCommand(
  cli: DockerCli,
  command: Command,
  args: readonly string[],
): Promise<void> {
  let parsed;
  try {
    parsed = command.mergedFlags().parse(args, { interspersed: command.interspersed });
  } catch (error) {
    if (error instanceof FlagError)
      throw unsupportedError(command) ?? flagErrorStatus(command, error);
    throw error;
  }
  // cobra prints deprecation notices with cmd.Print, which docker points at stdout.
  for (const notice of parsed.notices) cli.out.write(`${notice}\n`);
  if (flagIsTrue(command, 'help') || !command.runnable()) {
    await showHelp(cli, command, cli.out);
    return;
  }
  if (!command.hasParent() && flagIsTrue(command, 'version')) {
    cli.out.write(`${DOCKER_VERSION_LINE}\n`);
    return;
  }
  const unsupported = unsupportedError(command);
  if (unsupported !== null) throw unsupported;
  command.argsValidator(command, parsed.args);
  await command.run?.({ command, args: parsed.args });
}

async function runDocker(cli: DockerCli, root: Command, args: readonly string[]): Promise<void> {
  const globals = new FlagSet();
  globals.addFlagSet(root.localFlags);
  globals.addFlagSet(root.persistentFlags);
  let remaining: readonly string[];
  try {
    const parsed = globals.parse(args, { interspersed: false });
    // This flag set is docker's own, whose pflag output is stderr.
    for (const notice of parsed.notices) cli.err.write(`${notice}\n`);
    remaining = parsed.args;
  } catch (error) {
    if (error instanceof FlagError) throw flagErrorStatus(root, error);
    throw error;
  }
  const notices: string[] = [];
  const found = traverse(root, remaining, notices);
  for (const notice of notices) cli.out.write(`${notice}\n`);
  // A CLI plugin gets its arguments unparsed; docker hands it everything, --help included.
  if (found.command.plugin) throw new NotSimulatedError(found.command.commandPath());
  try {
    await executeCommand(cli, found.command, found.args);
  } catch (error) {
    // The daemon does not simulate this call yet: say so for the command the user typed.
    if (error instanceof NotSimulatedCall) throw new NotSimulatedError(found.command.commandPath());
    throw error;
  }
}

/** What docker's main() prints for an error, and the exit code it returns. */
export function reportError(cli: DockerCli, error: unknown): number {
  if (error instanceof StatusError) {
    if (error.status !== '') cli.err.write(`${error.status}\n`);
    return error.code === 0 ? 1 : error.code;
  }
  const known =
    error instanceof ArgsError ||
    error instanceof CliError ||
    error instanceof NotSimulatedError ||
    error instanceof FlagError ||
    error instanceof HelpRequested ||
    error instanceof DaemonError ||
    error instanceof ConnectionError;
  if (known) {
    cli.err.write(`${engineErrorText(error)}\n`);
    return 1;
  }
  throw error;
}

/** Runs `docker <args>` against a command tree; resolves to the exit status. */
export async function executeDocker(
  cli: DockerCli,
  root: Command,
  args: readonly string[],
): Promise<number> {
  try {
    await runDocker(cli, root, args);
    return 0;
  } catch (error) {
    return reportError(cli, error);
  }
}
