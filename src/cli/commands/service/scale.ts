import { argsError, requiresMinArgs, type ArgsValidator } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { CliError } from '../../command/errors';
import { engineErrorText } from '../../command/errors-text';
import type { ServiceMode } from '../../../api/service';
import { pinImage } from './image-pin';
import { waitOnService } from './progress/index';
import { writeWarnings } from './warnings';

export interface ScaleOptions {
  detach: boolean;
}

/** `docker service scale`: scale one or multiple replicated services. */
export function newScaleCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: ScaleOptions = {
    detach: false,
  };
  const command = new Command({
    use: 'scale SERVICE=REPLICAS [SERVICE=REPLICAS...]',
    short: 'Scale one or multiple replicated services',
    args: scaleArgs,
    run: (invocation) => runScale(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(
    options,
    'detach',
    'detach',
    'd',
    'Exit immediately instead of waiting for the service to converge',
  );
  return command;
}

/**
 * docker/cli's `scaleArgs`: at least one argument, each `SERVICE=REPLICAS` with both sides
 * given, or the usage error (checked before the command runs, so before any daemon call).
 */
const scaleArgs: ArgsValidator = (command, args) => {
  requiresMinArgs(1)(command, args);
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq > 0 && eq < arg.length - 1) continue;
    throw argsError(command, `Invalid scale specifier '${arg}'.`);
  }
};

/** The mode with its replica count (or a job's completions) set, or docker's error. */
function scaledMode(mode: ServiceMode, scale: number): ServiceMode {
  if (mode.Replicated !== undefined) return { ...mode, Replicated: { Replicas: scale } };
  if (mode.ReplicatedJob !== undefined) {
    return { ...mode, ReplicatedJob: { ...mode.ReplicatedJob, TotalCompletions: scale } };
  }
  throw new CliError('scale can only be used with replicated or replicated-job mode');
}

/** runServiceScale: read the service, set the count, send the update, say so. */
async function scaleService(cli: DockerCli, ref: string, scale: number): Promise<void> {
  if (ref === '') throw new CliError('Error: No such service: ');
  const service = await cli.engine.serviceInspect({ id: ref, insertDefaults: false }, cli.cancel);
  const spec = { ...service.Spec, Mode: scaledMode(service.Spec.Mode, scale) };
  // The client library tags the image on every update; the registry is not asked.
  const pinned = await pinImage(cli, spec, false);
  const response = await cli.engine.serviceUpdate(
    { id: service.ID, version: service.Version.Index, spec: pinned.spec, rollback: 'none' },
    cli.cancel,
  );
  writeWarnings(cli, response.Warnings, null);
  cli.out.write(`${ref} scaled to ${scale}\n`);
}

/** strconv.ParseUint(text, 10, 64), with Go's error text. */
function parseScale(text: string): number {
  if (!/^\d+$/.test(text)) {
    throw new CliError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`);
  }
  if (BigInt(text) >= 1n << 64n) {
    throw new CliError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`);
  }
  return Number(text);
}

/**
 * docker service scale: every SERVICE=REPLICAS is tried; each failure becomes a line prefixed
 * with the service as typed. Then, unless -d, the progress of each scaled service in turn
 * (never quiet). The errors are printed together at the end (exit 1).
 */
export async function runScale(
  cli: DockerCli,
  options: ScaleOptions,
  invocation: Invocation,
): Promise<void> {
  const errors: string[] = [];
  const scaled: string[] = [];
  for (const arg of invocation.args) {
    const eq = arg.indexOf('=');
    const ref = arg.slice(0, eq);
    const text = arg.slice(eq + 1);
    let scale: number;
    try {
      scale = parseScale(text);
    } catch (error) {
      errors.push(`${ref}: invalid replicas value ${text}: ${engineErrorText(error)}`);
      continue;
    }
    try {
      await scaleService(cli, ref, scale);
      scaled.push(ref);
    } catch (error) {
      errors.push(`${ref}: ${engineErrorText(error)}`);
    }
  }
  if (!options.detach) {
    for (const ref of scaled) {
      try {
        await waitOnService(cli, ref, false);
      } catch (error) {
        errors.push(`${ref}: ${engineErrorText(error)}`);
      }
    }
  }
  if (errors.length > 0) throw new CliError(errors.join('\n'));
}
