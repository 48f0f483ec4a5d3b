import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { addTaskListFlags, newTaskListOptions, type TaskListOptions } from '../list-flags';

export type PsOptions = TaskListOptions;

/** `docker service ps`: list the tasks of one or more services. */
export function newPsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: PsOptions = newTaskListOptions();
  const command = new Command({
    use: 'ps [OPTIONS] SERVICE [SERVICE...]',
    short: 'List the tasks of one or more services',
    args: requiresMinArgs(1),
    run: (invocation) => runPs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addTaskListFlags(flags, options);
  return command;
}

export function runPs(_cli: DockerCli, _options: PsOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
