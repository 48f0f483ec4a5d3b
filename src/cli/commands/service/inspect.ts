import { DaemonError } from '../../../api/errors';
import type { Service } from '../../../api/service';
import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { CliError, StatusError } from '../../command/errors';
import { engineErrorText } from '../../command/errors-text';
import { inspectEach } from '../inspect-run';
import {
  addPrettyInspectFlags,
  newPrettyInspectOptions,
  type PrettyInspectOptions,
} from '../inspect-flags';
import { goJsonService } from './go-json';
import { prettyService } from './pretty';
import { SWARM_SERVICE_TYPE } from './service-type';

export type InspectOptions = PrettyInspectOptions;

/** `docker service inspect`: display detailed information on one or more services. */
export function newInspectCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InspectOptions = newPrettyInspectOptions();
  const command = new Command({
    use: 'inspect [OPTIONS] SERVICE [SERVICE...]',
    short: 'Display detailed information on one or more services',
    args: requiresMinArgs(1),
    run: (invocation) => runInspect(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addPrettyInspectFlags(flags, options);
  return command;
}

const PRETTY = 'pretty';
const RAW = 'raw';

/**
 * The service with defaults inserted, as docker's getRef asks for it; a service the daemon
 * does not find becomes docker's own `Error: no such service: x`.
 */
async function inspectService(cli: DockerCli, ref: string): Promise<Service> {
  if (ref === '') throw new CliError(`Error: no such service: ${ref}`);
  try {
    return await cli.engine.serviceInspect({ id: ref, insertDefaults: true }, cli.cancel);
  } catch (error) {
    if (error instanceof DaemonError && error.kind === 'not-found') {
      throw new CliError(`Error: no such service: ${ref}`);
    }
    throw error;
  }
}

/** Pretty output is buffered: the first failed lookup is the error, and nothing is printed. */
async function runPretty(cli: DockerCli, refs: readonly string[]): Promise<void> {
  let text = '';
  for (const ref of refs) {
    try {
      text += prettyService(await inspectService(cli, ref), cli.host.clock.nowEpochMs());
    } catch (error) {
      throw new StatusError(engineErrorText(error), 1);
    }
  }
  cli.out.write(text);
}

/**
 * docker service inspect: indented JSON by default (docker's `raw`, whose prefix it strips),
 * `json`, a template per service against swarm.Service, or the pretty text. Lookup and
 * template errors come after the output, wrapped as docker ≤27 wraps them
 * (`Status: …, Code: 1`; `…, Code: 64` for a template that does not parse; exit 1).
 */
export async function runInspect(
  cli: DockerCli,
  options: InspectOptions,
  invocation: Invocation,
): Promise<void> {
  if (options.pretty && options.format !== '') {
    throw new CliError('--format is incompatible with human friendly format');
  }
  const source = options.pretty ? PRETTY : options.format === '' ? RAW : options.format;
  if (source.startsWith(PRETTY) && source !== PRETTY) {
    throw new CliError('Cannot supply extra formatting options to the pretty template');
  }
  if (source === PRETTY) return runPretty(cli, invocation.args);
  const format = source.startsWith(RAW) ? source.slice(RAW.length) : source;
  await inspectEach(cli, {
    format,
    refs: invocation.args,
    type: SWARM_SERVICE_TYPE,
    fetch: async (ref) => goJsonService(await inspectService(cli, ref)),
  });
}
