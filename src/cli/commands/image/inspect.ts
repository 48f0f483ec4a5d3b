import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { INSPECT_FORMAT_HELP } from '../format-help';

export interface InspectOptions {
  format: string;
}

/** `docker image inspect`: display detailed information on one or more images. */
export function newInspectCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InspectOptions = {
    format: '',
  };
  const command = new Command({
    use: 'inspect [OPTIONS] IMAGE [IMAGE...]',
    short: 'Display detailed information on one or more images',
    args: requiresMinArgs(1),
    run: (invocation) => runInspect(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'format', 'format', 'f', INSPECT_FORMAT_HELP);
  return command;
}

export function runInspect(
  _cli: DockerCli,
  _options: InspectOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
