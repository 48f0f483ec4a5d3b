import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface InspectOptions {
  format: string;
  pretty: boolean;
}

/** `docker node inspect`: display detailed information on one or more nodes. */
export function newInspectCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InspectOptions = {
    format: '',
    pretty: false,
  };
  const command = new Command({
    use: 'inspect [OPTIONS] self|NODE [NODE...]',
    short: 'Display detailed information on one or more nodes',
    args: requiresMinArgs(1),
    run: (invocation) => runInspect(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(
    options,
    'format',
    'format',
    'f',
    `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`,
  );
  flags.boolVar(
    options,
    'pretty',
    'pretty',
    '',
    'Print the information in a human friendly format',
  );
  return command;
}

export function runInspect(
  _cli: DockerCli,
  _options: InspectOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
