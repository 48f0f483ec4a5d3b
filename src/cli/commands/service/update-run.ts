import type { DockerCli } from '../../command/cli';
import type { Invocation } from '../../command/command';
import { CliError, NotSimulatedError } from '../../command/errors';
import { withFileReferences } from './file-references';
import { pinImage } from './image-pin';
import { updateNetworks } from './networks';
import { waitOnService } from './progress/index';
import { updateServiceSpec } from './spec/update-spec';
import type { UpdateOptions } from './update';
import { writeWarnings } from './warnings';

/**
 * docker's runUpdate (cli/command/service/update.go): read the service (no defaults), apply the
 * flags given to its spec, pin a new `--image` unless `--no-resolve-image`, send the update
 * with the version read, print the warnings, the SERVICE argument as typed, and wait unless
 * `-d`. `--rollback` asks the daemon to swap back to the previous spec and may only come with
 * `-d` and `-q`.
 */

/** Whether any flag besides --rollback, -d and -q was given. */
function otherFlagsGiven(invocation: Invocation): boolean {
  return invocation.command.flags
    .all()
    .some((flag) => flag.changed && !['rollback', 'detach', 'quiet'].includes(flag.name));
}

export async function runServiceUpdate(
  cli: DockerCli,
  options: UpdateOptions,
  invocation: Invocation,
): Promise<void> {
  const [ref = ''] = invocation.args;
  const changed = (flag: string): boolean => invocation.command.flags.changed(flag);
  if (ref === '') throw new CliError('Error: No such service: ');
  const service = await cli.engine.serviceInspect({ id: ref, insertDefaults: false }, cli.cancel);
  if (options.rollback && otherFlagsGiven(invocation)) {
    throw new CliError('other flags may not be combined with --rollback');
  }
  const path = invocation.command.commandPath();
  let updated = updateServiceSpec(service.Spec, options, changed);
  if (changed('network-add') || changed('network-rm')) {
    updated = await updateNetworks(
      cli,
      updated,
      options.networkRm.values,
      options.networkAdd.values,
    );
  }
  // After the `-rm` flags (in updateServiceSpec), the `-add` ones, looked up by name.
  const spec = await withFileReferences(cli, updated, {
    secrets: options.secretAdd.requests,
    configs: options.configAdd.requests,
  });
  if (options.credentialSpec.spec().Config !== '') {
    throw new NotSimulatedError(`${path} --credential-spec`);
  }
  const queryRegistry = changed('image') && !options.noResolveImage;
  const pinned = await pinImage(cli, spec, queryRegistry);
  const response = await cli.engine.serviceUpdate(
    {
      id: service.ID,
      version: service.Version.Index,
      spec: pinned.spec,
      rollback: options.rollback ? 'previous' : 'none',
    },
    cli.cancel,
  );
  writeWarnings(cli, response.Warnings, pinned.warning);
  cli.out.write(`${ref}\n`);
  if (options.detach) return;
  await waitOnService(cli, ref, options.quiet);
}
