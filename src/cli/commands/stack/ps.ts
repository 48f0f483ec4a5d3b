import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { FORMAT_HELP } from '../format-help';
import { addTaskListFlags, newTaskListOptions, type TaskListOptions } from '../list-flags';

export type PsOptions = TaskListOptions;

/** `docker stack ps`: list the tasks in the stack. */
export function newPsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: PsOptions = newTaskListOptions();
  const command = new Command({
    use: 'ps [OPTIONS] STACK',
    short: 'List the tasks in the stack',
    args: exactArgs(1),
    run: (invocation) => runPs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addTaskListFlags(flags, options, FORMAT_HELP);
  return command;
}

export function runPs(_cli: DockerCli, _options: PsOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
