import type { Filters } from '../../../api/swarm';
import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { CliError } from '../../command/errors';
import { addTaskListFlags, newTaskListOptions, type TaskListOptions } from '../list-flags';
import { nodeReference } from '../node/reference';
import { printTasks } from '../task/print';
import { IdResolver } from '../task/resolver';

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

interface ServiceFilter {
  readonly filters: Filters;
  /** `no such service: x` for each reference that matched nothing. */
  readonly notFound: readonly string[];
}

/**
 * docker's createFilter: the services are looked up in the CLI, with two list calls (by `id`
 * and by `name` prefix); each reference is matched by full ID, then exact name, then a unique
 * ID prefix. An ambiguous prefix is an error at once; when nothing at all is found, the
 * not-found lines are the error.
 */
async function serviceFilter(
  cli: DockerCli,
  options: PsOptions,
  refs: readonly string[],
): Promise<ServiceFilter> {
  const byId = await cli.engine.serviceList(
    { filters: { id: [...refs] }, status: false },
    cli.cancel,
  );
  const byName = await cli.engine.serviceList(
    { filters: { name: [...refs] }, status: false },
    cli.cancel,
  );
  const services: string[] = [];
  const notFound: string[] = [];
  for (const ref of refs) {
    const exact =
      byId.find((service) => service.ID === ref) ??
      byName.find((service) => service.Spec.Name === ref);
    if (exact !== undefined) {
      services.push(exact.ID);
      continue;
    }
    const prefixed = byId.filter((service) => service.ID.startsWith(ref));
    if (prefixed.length > 1) {
      throw new CliError(`multiple services found with provided prefix: ${ref}`);
    }
    const [match] = prefixed;
    if (match === undefined) notFound.push(`no such service: ${ref}`);
    else services.push(match.ID);
  }
  if (services.length === 0) throw new CliError(notFound.join('\n'));
  const filters: Record<string, string[]> = Object.fromEntries(options.filter.filters);
  // docker's filters.Args is a set per key: a service named twice is filtered on once.
  filters.service = [...new Set([...(filters.service ?? []), ...services])];
  return { filters, notFound };
}

/** updateNodeFilter: each `node` filter value goes through node.Reference (`self`). */
async function withNodeReferences(cli: DockerCli, filters: Filters): Promise<Filters> {
  const nodes = filters.node;
  if (nodes === undefined) return filters;
  const resolved: string[] = [];
  for (const node of nodes) resolved.push(await nodeReference(cli, node));
  return { ...filters, node: [...new Set(resolved)] };
}

/**
 * docker service ps: the tasks of the services found, printed by the shared task printer;
 * -q prints full IDs (it implies --no-trunc). The references not found are reported after
 * the table (exit 1).
 */
export async function runPs(
  cli: DockerCli,
  options: PsOptions,
  invocation: Invocation,
): Promise<void> {
  const found = await serviceFilter(cli, options, invocation.args);
  const filters = await withNodeReferences(cli, found.filters);
  const tasks = await cli.engine.taskList({ filters }, cli.cancel);
  await printTasks(cli, tasks, new IdResolver(cli, options.noResolve), {
    format: options.format,
    quiet: options.quiet,
    trunc: !(options.noTrunc || options.quiet),
  });
  if (found.notFound.length > 0) throw new CliError(found.notFound.join('\n'));
}
