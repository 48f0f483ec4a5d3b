import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import type { Task } from '../../../api/task';
import { CliError } from '../../command/errors';
import { engineErrorText } from '../../command/errors-text';
import { printTasks } from '../task/print';
import { IdResolver } from '../task/resolver';
import { nodeReference } from './reference';
import { addTaskListFlags, newTaskListOptions, type TaskListOptions } from '../list-flags';

export type PsOptions = TaskListOptions;

/** `docker node ps`: list tasks running on one or more nodes, defaults to current node. */
export function newPsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: PsOptions = newTaskListOptions();
  const command = new Command({
    use: 'ps [OPTIONS] [NODE...]',
    short: 'List tasks running on one or more nodes, defaults to current node',
    args: requiresMinArgs(0),
    run: (invocation) => runPs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addTaskListFlags(flags, options);
  return command;
}

/**
 * One node's tasks: `self` resolved, the node inspected, then the tasks filtered on its ID.
 * docker adds each node to one shared filter set, so the second node's call also asks for the
 * first node's tasks, which then appear twice (docker/cli#4155, still so in 27.5.1).
 */
async function nodeTasks(
  cli: DockerCli,
  options: PsOptions,
  nodes: Set<string>,
  ref: string,
): Promise<readonly Task[]> {
  const node = await cli.engine.nodeInspect({ id: await nodeReference(cli, ref) }, cli.cancel);
  const filters = Object.fromEntries(options.filter.filters);
  for (const id of filters.node ?? []) nodes.add(id);
  nodes.add(node.ID);
  return cli.engine.taskList({ filters: { ...filters, node: [...nodes] } }, cli.cancel);
}

/**
 * docker node ps (default: `self`): the tasks of every node found, mixed in one table by the
 * shared task printer. Unlike `service ps`, -q does not imply --no-trunc, so it prints
 * 12-character IDs. Errors are collected per node and printed after the table; the table is
 * printed when every node answered or some tasks were found.
 */
export async function runPs(
  cli: DockerCli,
  options: PsOptions,
  invocation: Invocation,
): Promise<void> {
  const refs = invocation.args.length === 0 ? ['self'] : invocation.args;
  const errors: string[] = [];
  const tasks: Task[] = [];
  const nodes = new Set<string>();
  for (const ref of refs) {
    try {
      tasks.push(...(await nodeTasks(cli, options, nodes, ref)));
    } catch (error) {
      errors.push(engineErrorText(error));
    }
  }
  if (errors.length === 0 || tasks.length > 0) {
    try {
      await printTasks(cli, tasks, new IdResolver(cli, options.noResolve), {
        format: options.format,
        quiet: options.quiet,
        trunc: !options.noTrunc,
      });
    } catch (error) {
      errors.push(engineErrorText(error));
    }
  }
  if (errors.length > 0) throw new CliError(errors.join('\n'));
}
