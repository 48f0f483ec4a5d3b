import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { INSPECT_FORMAT_HELP } from '../format-help';
import { inspectEach } from '../inspect-run';
import { CONTAINER_JSON_TYPE } from './container-type';

export interface InspectOptions {
  format: string;
  size: boolean;
}

/** `docker container inspect`: display detailed information on one or more containers. */
export function newInspectCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InspectOptions = {
    format: '',
    size: false,
  };
  const command = new Command({
    use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Display detailed information on one or more containers',
    args: requiresMinArgs(1),
    run: (invocation) => runInspect(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'format', 'format', 'f', INSPECT_FORMAT_HELP);
  flags.boolVar(options, 'size', 'size', 's', 'Display total file sizes');
  return command;
}

/**
 * docker container inspect: the daemon resolves each reference on this node; indented JSON,
 * `json` or a template per container. docker returns the inspector's error unwrapped, so a
 * missing container prints `Error response from daemon: No such container: x` after what was
 * found (exit 1), and a template that does not parse exits 64. `--size` is not simulated.
 */
export async function runInspect(
  cli: DockerCli,
  options: InspectOptions,
  invocation: Invocation,
): Promise<void> {
  if (options.size) return notSimulated(invocation);
  await inspectEach(cli, {
    format: options.format,
    refs: invocation.args,
    type: CONTAINER_JSON_TYPE,
    fetch: (ref) => cli.engine.containerInspect({ id: ref }, cli.cancel),
    wrapped: false,
    rawFallback: true,
  });
}
