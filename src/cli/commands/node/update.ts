import { ListValue } from '../../flags';
import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface UpdateOptions {
  availability: string;
  labelAdd: ListValue;
  labelRm: ListValue;
  role: string;
}

/** `docker node update`: update a node. */
export function newUpdateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: UpdateOptions = {
    availability: '',
    labelAdd: new ListValue(),
    labelRm: new ListValue(),
    role: '',
  };
  const command = new Command({
    use: 'update [OPTIONS] NODE',
    short: 'Update a node',
    args: exactArgs(1),
    run: (invocation) => runUpdate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(
    options,
    'availability',
    'availability',
    '',
    'Availability of the node ("active", "pause", "drain")',
  );
  flags.add(options.labelAdd, 'label-add', '', 'Add or update a node label ("key=value")');
  flags.add(options.labelRm, 'label-rm', '', 'Remove a node label if exists');
  flags.stringVar(options, 'role', 'role', '', 'Role of the node ("worker", "manager")');
  return command;
}

export function runUpdate(
  _cli: DockerCli,
  _options: UpdateOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
