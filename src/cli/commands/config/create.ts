import { ListValue } from '../../flags';
import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface CreateOptions {
  label: ListValue;
  templateDriver: string;
}

/** `docker config create`: create a config from a file or STDIN. */
export function newCreateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: CreateOptions = {
    label: new ListValue(),
    templateDriver: '',
  };
  const command = new Command({
    use: 'create [OPTIONS] CONFIG file|-',
    short: 'Create a config from a file or STDIN',
    args: exactArgs(2),
    run: (invocation) => runCreate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(options.label, 'label', 'l', 'Config labels');
  flags.stringVar(options, 'templateDriver', 'template-driver', '', 'Template driver');
  return command;
}

export function runCreate(
  _cli: DockerCli,
  _options: CreateOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
