import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import type { Task } from '../../../api/task';
import { CliError } from '../../command/errors';
import { engineErrorText } from '../../command/errors-text';
import { notSimulated } from '../../command/not-simulated';
import { chooseListFormat, renderList } from '../../format/formatter';
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

/** docker's default task table (cli/command/task/formatter.go), shared with `service ps`. */
const DEFAULT_TASK_TABLE_FORMAT =
  'table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}';

const TASK_HEADER: Readonly<Record<string, string>> = {
  ID: 'ID',
  Name: 'NAME',
  Image: 'IMAGE',
  Node: 'NODE',
  DesiredState: 'DESIRED STATE',
  CurrentState: 'CURRENT STATE',
  Error: 'ERROR',
  Ports: 'PORTS',
};

/** One node's tasks: `self` resolved, the node inspected, then the tasks filtered on its ID. */
async function nodeTasks(
  cli: DockerCli,
  options: PsOptions,
  ref: string,
): Promise<readonly Task[]> {
  const node = await cli.engine.nodeInspect({ id: await nodeReference(cli, ref) }, cli.cancel);
  const filters = Object.fromEntries(options.filter.filters);
  filters.node = [...(filters.node ?? []), node.ID];
  return cli.engine.taskList({ filters }, cli.cancel);
}

/**
 * docker node ps (default: `self`). Errors are collected per node and printed after the
 * table; the table is printed when every node answered or some tasks were found. Tasks exist
 * only once services are simulated, so a listing with tasks says it is not simulated yet.
 */
export async function runPs(
  cli: DockerCli,
  options: PsOptions,
  invocation: Invocation,
): Promise<void> {
  const refs = invocation.args.length === 0 ? ['self'] : invocation.args;
  const errors: string[] = [];
  const tasks: Task[] = [];
  for (const ref of refs) {
    try {
      tasks.push(...(await nodeTasks(cli, options, ref)));
    } catch (error) {
      errors.push(engineErrorText(error));
    }
  }
  if (tasks.length > 0) return notSimulated(invocation);
  if (errors.length === 0) {
    const format = chooseListFormat({
      format: options.format,
      quiet: options.quiet,
      defaultTableFormat: DEFAULT_TASK_TABLE_FORMAT,
    });
    const result = renderList({
      format,
      rows: [],
      header: TASK_HEADER,
      rowTypeName: '*task.taskContext',
    });
    if (!result.ok) errors.push(result.error);
    else cli.out.write(result.stdout);
  }
  if (errors.length > 0) throw new CliError(errors.join('\n'));
}
