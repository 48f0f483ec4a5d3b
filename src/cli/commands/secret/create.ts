import { ListValue } from '../../flags';
import { requiresRangeArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface CreateOptions {
  driver: string;
  label: ListValue;
  templateDriver: string;
}

/** `docker secret create`: create a secret from a file or STDIN as content. */
export function newCreateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: CreateOptions = {
    driver: '',
    label: new ListValue(),
    templateDriver: '',
  };
  const command = new Command({
    use: 'create [OPTIONS] SECRET [file|-]',
    short: 'Create a secret from a file or STDIN as content',
    args: requiresRangeArgs(1, 2),
    run: (invocation) => runCreate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'driver', 'driver', 'd', 'Secret driver');
  flags.add(options.label, 'label', 'l', 'Secret labels');
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
