import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { FORMAT_HELP } from '../format-help';

export interface DfOptions {
  format: string;
  verbose: boolean;
}

/** `docker system df`: show docker disk usage. */
export function newDfCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: DfOptions = {
    format: '',
    verbose: false,
  };
  const command = new Command({
    use: 'df [OPTIONS]',
    short: 'Show docker disk usage',
    args: noArgs,
    annotations: {
      version: '1.25',
    },
    run: (invocation) => runDf(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'format', 'format', '', FORMAT_HELP);
  flags.boolVar(options, 'verbose', 'verbose', 'v', 'Show detailed information on space usage');
  return command;
}

export function runDf(_cli: DockerCli, _options: DfOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
