import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { INSPECT_FORMAT_HELP } from '../format-help';
import { inspectEach } from '../inspect-run';

export interface InspectOptions {
  format: string;
}

/** `docker volume inspect`: display detailed information on one or more volumes. */
export function newInspectCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InspectOptions = {
    format: '',
  };
  const command = new Command({
    use: 'inspect [OPTIONS] VOLUME [VOLUME...]',
    short: 'Display detailed information on one or more volumes',
    args: requiresMinArgs(1),
    run: (invocation) => runInspect(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'format', 'format', 'f', INSPECT_FORMAT_HELP);
  return command;
}

/**
 * docker volume inspect: each name is looked up on this node's daemon; docker returns the
 * inspector's error as it is (`Error response from daemon: get x: no such volume`, after what
 * was found; a template that does not parse exits 64).
 */
export async function runInspect(
  cli: DockerCli,
  options: InspectOptions,
  invocation: Invocation,
): Promise<void> {
  await inspectEach(cli, {
    format: options.format,
    refs: invocation.args,
    fetch: (name) => cli.engine.volumeInspect({ name }, cli.cancel),
    wrapped: false,
  });
}
