import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { goTypes } from '../../format/template/index';
import { INSPECT_FORMAT_HELP } from '../format-help';
import { inspectEach } from '../inspect-run';

export interface InspectOptions {
  format: string;
  verbose: boolean;
}

/** `docker network inspect`: display detailed information on one or more networks. */
export function newInspectCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: InspectOptions = {
    format: '',
    verbose: false,
  };
  const command = new Command({
    use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
    short: 'Display detailed information on one or more networks',
    args: requiresMinArgs(1),
    run: (invocation) => runInspect(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'format', 'format', 'f', INSPECT_FORMAT_HELP);
  flags.boolVar(options, 'verbose', 'verbose', 'v', 'Verbose output for diagnostics');
  return command;
}

/**
 * moby network.Inspect, for `--format`; its fields are read from the JSON the daemon sent.
 * `{{.ID}}` is the struct's field; `{{.Id}}` fails on it and works through the raw fallback.
 */
const NETWORK_INSPECT_TYPE = goTypes.struct('network.Inspect', undefined, {
  jsonKeys: { ID: 'Id' },
});

/**
 * docker network inspect: each network as this node's daemon finds it; indented JSON, `json`
 * or a template. docker returns the inspector's error unwrapped: `[]` then `Error response
 * from daemon: network x not found` (exit 1). `--verbose` (the services' tasks) is not
 * simulated.
 */
export async function runInspect(
  cli: DockerCli,
  options: InspectOptions,
  invocation: Invocation,
): Promise<void> {
  if (options.verbose) return notSimulated(invocation);
  await inspectEach(cli, {
    format: options.format,
    refs: invocation.args,
    type: NETWORK_INSPECT_TYPE,
    fetch: (ref) => cli.engine.networkInspect({ id: ref, scope: '' }, cli.cancel),
    wrapped: false,
    rawFallback: true,
  });
}
