import { FilterValue, type FlagSet } from '../flags';
import { FORMAT_HELP } from './format-help';

/** --filter, --format and --quiet: the flags of the swarm list commands. */
export interface ListOptions {
  filter: FilterValue;
  format: string;
  quiet: boolean;
}

export function newListOptions(): ListOptions {
  return {
    filter: new FilterValue(),
    format: '',
    quiet: false,
  };
}

/** The help texts of --format and --quiet; --filter reads the same everywhere. */
export interface ListFlagUsage {
  readonly format: string;
  readonly quiet: string;
}

const LIST_USAGE: ListFlagUsage = { format: FORMAT_HELP, quiet: 'Only display IDs' };

export function addListFlags(
  flags: FlagSet,
  options: ListOptions,
  usage: ListFlagUsage = LIST_USAGE,
): void {
  flags.add(options.filter, 'filter', 'f', 'Filter output based on conditions provided');
  flags.stringVar(options, 'format', 'format', '', usage.format);
  flags.boolVar(options, 'quiet', 'quiet', 'q', usage.quiet);
}

/** The flags of the task lists: `node ps`, `service ps` and `stack ps`. */
export interface TaskListOptions extends ListOptions {
  noResolve: boolean;
  noTrunc: boolean;
}

export function newTaskListOptions(): TaskListOptions {
  return { ...newListOptions(), noResolve: false, noTrunc: false };
}

/** `stack ps` documents --format with FORMAT_HELP; `node ps` and `service ps` do not. */
export const TASK_FORMAT_HELP = 'Pretty-print tasks using a Go template';

export function addTaskListFlags(
  flags: FlagSet,
  options: TaskListOptions,
  formatUsage: string = TASK_FORMAT_HELP,
): void {
  addListFlags(flags, options, { format: formatUsage, quiet: 'Only display task IDs' });
  flags.boolVar(options, 'noResolve', 'no-resolve', '', 'Do not map IDs to Names');
  flags.boolVar(options, 'noTrunc', 'no-trunc', '', 'Do not truncate output');
}
