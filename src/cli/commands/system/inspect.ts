import { asGoJson as secretAsGoJson } from '../secret-config';
import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { INSPECT_FORMAT_HELP } from '../format-help';
import { DaemonError } from '../../../api/errors';
import { CliError } from '../../command/errors';
import { engineErrorText } from '../../command/errors-text';
import { inspectEach } from '../inspect-run';
import { asGoJson } from '../node/inspect';
import { goJsonService } from '../service/go-json';

export interface InspectOptions {
  format: string;
  size: boolean;
  type: string;
}

/** `docker inspect`: return low-level information on Docker objects. */
export function newInspectCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InspectOptions = {
    format: '',
    size: false,
    type: '',
  };
  const command = new Command({
    use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
    short: 'Return low-level information on Docker objects',
    args: requiresMinArgs(1),
    run: (invocation) => runInspect(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'format', 'format', 'f', INSPECT_FORMAT_HELP);
  flags.boolVar(options, 'size', 'size', 's', 'Display total file sizes if the type is container');
  flags.stringVar(options, 'type', 'type', '', 'Return JSON for specified type');
  return command;
}

/** The object types `--type` accepts, in the order docker tries them without it (inspectAll). */
const OBJECT_TYPES = [
  'container',
  'image',
  'network',
  'volume',
  'service',
  'task',
  'node',
  'plugin',
  'secret',
] as const;
type ObjectType = (typeof OBJECT_TYPES)[number];

/** The types only a manager answers: without `--type`, docker skips them elsewhere. */
const SWARM_TYPES: ReadonlySet<ObjectType> = new Set(['service', 'task', 'node', 'secret']);

/** The types this playground can look up yet; the others are not simulated. */
const SIMULATED_TYPES = [
  'container',
  'volume',
  'service',
  'task',
  'node',
  'secret',
] as const satisfies readonly ObjectType[];
type Simulated = (typeof SIMULATED_TYPES)[number];

function isObjectType(value: string): value is ObjectType {
  return OBJECT_TYPES.some((type) => type === value);
}

function isSimulated(type: ObjectType): type is Simulated {
  return SIMULATED_TYPES.some((simulated) => simulated === type);
}

/** Each simulated type's lookup, as Go would marshal what it finds. */
function inspector(cli: DockerCli, type: Simulated): (ref: string) => Promise<unknown> {
  switch (type) {
    case 'container':
      return (ref) => cli.engine.containerInspect({ id: ref }, cli.cancel);
    case 'volume':
      return (name) => cli.engine.volumeInspect({ name }, cli.cancel);
    case 'service':
      return async (ref) =>
        goJsonService(
          await cli.engine.serviceInspect({ id: ref, insertDefaults: true }, cli.cancel),
        );
    case 'task':
      return (ref) => cli.engine.taskInspect({ id: ref }, cli.cancel);
    case 'node':
      return async (ref) => asGoJson(await cli.engine.nodeInspect({ id: ref }, cli.cancel));
    case 'secret':
      return async (ref) => secretAsGoJson(await cli.engine.secretInspect({ id: ref }, cli.cancel));
  }
}

/** docker's isErrSkippable: a type that does not have the object lets the next one try. */
function isSkippable(error: unknown): boolean {
  if (!(error instanceof DaemonError)) return false;
  return (
    error.kind === 'not-found' ||
    error.message.includes('not supported') ||
    error.message.includes('invalid reference format')
  );
}

/**
 * docker inspect (cli/command/system/inspect.go): with `--type`, that type's lookup alone,
 * whose error is printed as it is; without, each type in docker's order (the swarm ones only
 * on a manager, as `docker info` tells), the first that has the object wins, and none gives
 * `Error: No such object: x`. Images, networks, volumes and plugins are not simulated
 * yet, so they are passed over without `--type` and refused with it. Templates read the JSON
 * untyped here, as docker's inspector does when one fails on the typed value.
 */
export async function runInspect(
  cli: DockerCli,
  options: InspectOptions,
  invocation: Invocation,
): Promise<void> {
  const constraint = options.type;
  if (constraint !== '' && !isObjectType(constraint)) {
    throw new CliError(`"${constraint}" is not a valid value for --type`);
  }
  if (constraint !== '' && !isSimulated(constraint)) return notSimulated(invocation);
  if (options.size) return notSimulated(invocation);
  let swarm: boolean | null = null;
  const isManager = async (): Promise<boolean> => {
    if (swarm !== null) return swarm;
    try {
      swarm = (await cli.engine.info()).Swarm.ControlAvailable;
    } catch (error) {
      cli.err.write(`${engineErrorText(error)}\n`);
      swarm = false;
    }
    return swarm;
  };
  const fetch = async (ref: string): Promise<unknown> => {
    for (const type of OBJECT_TYPES) {
      if (constraint !== '' && type !== constraint) continue;
      if (!isSimulated(type)) continue;
      if (constraint === '' && SWARM_TYPES.has(type) && !(await isManager())) continue;
      try {
        return await inspector(cli, type)(ref);
      } catch (error) {
        if (constraint === '' && isSkippable(error)) continue;
        throw error;
      }
    }
    throw new CliError(`Error: No such object: ${ref}`);
  };
  await inspectEach(cli, {
    format: options.format,
    refs: invocation.args,
    fetch,
    wrapped: false,
    rawFallback: true,
  });
}
