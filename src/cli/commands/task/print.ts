import type { Task } from '../../../api/task';
import type { DockerCli } from '../../command/cli';
import { CliError } from '../../command/errors';
import {
  chooseListFormat,
  htmlEscapingRowContextType,
  isTableFormat,
  renderList,
} from '../../format/formatter';
import { GO_ZERO_TIME, parseGoTime } from '../../../lib/template/go-time';
import { naturalCompare } from '../../format/natural-order';
import type { IdResolver } from './resolver';
import {
  DEFAULT_TASK_TABLE_FORMAT,
  TASK_HEADER,
  TASK_RAW_FORMAT,
  TASK_RAW_QUIET_FORMAT,
  TaskRow,
} from './task-row';

/**
 * docker's task.Print (cli/command/task/print.go), shared by `service ps`, `node ps` and
 * `stack ps`: names made from the service name and the slot (or node ID), tasks sorted by name
 * naturally and newest first within a name, older tasks of a slot indented with ` \_ ` in
 * tables, nodes shown by name.
 */
export interface PrintOptions {
  readonly format: string;
  readonly quiet: boolean;
  /** True unless --no-trunc (service ps turns -q into --no-trunc; node ps does not). */
  readonly trunc: boolean;
}

/** Nanoseconds since the epoch of a task's CreatedAt, for ordering. */
function createdAt(task: Task): bigint {
  const time = parseGoTime(task.CreatedAt) ?? GO_ZERO_TIME;
  return BigInt(time.seconds) * 1_000_000_000n + BigInt(time.nanos);
}

interface Named {
  readonly task: Task;
  readonly name: string;
}

async function taskNames(tasks: readonly Task[], resolver: IdResolver): Promise<Named[]> {
  const named: Named[] = [];
  for (const task of tasks) {
    const service = await resolver.service(task.ServiceID ?? '');
    const slot = task.Slot ?? 0;
    named.push({ task, name: `${service}.${slot !== 0 ? slot : (task.NodeID ?? '')}` });
  }
  return named;
}

function byNameThenNewest(a: Named, b: Named): number {
  const byName = naturalCompare(a.name, b.name);
  if (byName !== 0) return byName;
  const x = createdAt(a.task);
  const y = createdAt(b.task);
  return x === y ? 0 : x > y ? -1 : 1;
}

export async function printTasks(
  cli: DockerCli,
  tasks: readonly Task[],
  resolver: IdResolver,
  options: PrintOptions,
): Promise<void> {
  // Array.prototype.sort is stable, as docker's sort.Stable.
  const named = (await taskNames(tasks, resolver)).sort(byNameThenNewest);
  const format = chooseListFormat({
    format: options.format,
    quiet: options.quiet,
    defaultTableFormat: DEFAULT_TASK_TABLE_FORMAT,
    raw: { format: TASK_RAW_FORMAT, quietFormat: TASK_RAW_QUIET_FORMAT },
  });
  const indent = isTableFormat(format) ? ' \\_ ' : '';
  const nowMs = cli.host.clock.nowEpochMs();
  const rows: TaskRow[] = [];
  let previous = '';
  for (const { task, name } of named) {
    const shown = name === previous ? indent + name : name;
    previous = name;
    const node = await resolver.node(task.NodeID ?? '');
    rows.push(new TaskRow(task, shown, node, options.trunc, nowMs));
  }
  const result = renderList({
    format,
    rows,
    header: TASK_HEADER,
    rowTypeName: '*task.taskContext',
    rowType: htmlEscapingRowContextType('*task.taskContext'),
  });
  if (!result.ok) throw new CliError(result.error);
  cli.out.write(result.stdout);
}
