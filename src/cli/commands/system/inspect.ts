import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { INSPECT_FORMAT_HELP } from '../format-help';

export interface InspectOptions {
  format: string;
  size: boolean;
  type: string;
}

/** `docker inspect`: return low-level information on Docker objects. */
export function newInspectCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InspectOptions = {
    format: '',
    size: false,
    type: '',
  };
  const command = new Command({
    use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
    short: 'Return low-level information on Docker objects',
    args: requiresMinArgs(1),
    run: (invocation) => runInspect(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'format', 'format', 'f', INSPECT_FORMAT_HELP);
  flags.boolVar(options, 'size', 'size', 's', 'Display total file sizes if the type is container');
  flags.stringVar(options, 'type', 'type', '', 'Return JSON for specified type');
  return command;
}

export function runInspect(
  _cli: DockerCli,
  _options: InspectOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
