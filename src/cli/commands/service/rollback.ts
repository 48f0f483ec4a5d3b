import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { CliError } from '../../command/errors';
import { pinImage } from './image-pin';
import { waitOnService } from './progress/index';
import { writeWarnings } from './warnings';

export interface RollbackOptions {
  detach: boolean;
  quiet: boolean;
}

/** `docker service rollback`: revert changes to a service's configuration. */
export function newRollbackCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: RollbackOptions = {
    detach: false,
    quiet: false,
  };
  const command = new Command({
    use: 'rollback [OPTIONS] SERVICE',
    short: `Revert changes to a service's configuration`,
    args: exactArgs(1),
    annotations: {
      version: '1.31',
    },
    run: (invocation) => runRollback(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(
    options,
    'detach',
    'detach',
    'd',
    'Exit immediately instead of waiting for the service to converge',
  );
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Suppress progress output');
  return command;
}

/**
 * docker service rollback: read the service, ask the daemon to swap back to its previous spec
 * (the current spec is sent, as docker sends it, and ignored), print the warnings and the
 * argument as typed, then wait unless -d (quietly with -q).
 */
export async function runRollback(
  cli: DockerCli,
  options: RollbackOptions,
  invocation: Invocation,
): Promise<void> {
  const [ref = ''] = invocation.args;
  if (ref === '') throw new CliError('Error: No such service: ');
  const service = await cli.engine.serviceInspect({ id: ref, insertDefaults: false }, cli.cancel);
  const pinned = await pinImage(cli, service.Spec, false);
  const response = await cli.engine.serviceUpdate(
    { id: service.ID, version: service.Version.Index, spec: pinned.spec, rollback: 'previous' },
    cli.cancel,
  );
  writeWarnings(cli, response.Warnings, null);
  cli.out.write(`${ref}\n`);
  if (options.detach) return;
  await waitOnService(cli, ref, options.quiet);
}
