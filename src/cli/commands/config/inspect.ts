import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import {
  addPrettyInspectFlags,
  newPrettyInspectOptions,
  type PrettyInspectOptions,
} from '../inspect-flags';

export type InspectOptions = PrettyInspectOptions;

/** `docker config inspect`: display detailed information on one or more configs. */
export function newInspectCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InspectOptions = newPrettyInspectOptions();
  const command = new Command({
    use: 'inspect [OPTIONS] CONFIG [CONFIG...]',
    short: 'Display detailed information on one or more configs',
    args: requiresMinArgs(1),
    run: (invocation) => runInspect(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addPrettyInspectFlags(flags, options);
  return command;
}

export function runInspect(
  _cli: DockerCli,
  _options: InspectOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
