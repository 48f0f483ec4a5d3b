import { ListValue, NetworkOptValue } from '../../flags';
import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { NotSimulatedError } from '../../command/errors';
import { withFileReferences } from './file-references';
import { pinImage } from './image-pin';
import { convertNetworks, withNetworks } from './networks';
import { FileReferenceValue } from './opts/file-reference';
import { MountValue } from './opts/mount';
import { PortValue } from './opts/port';
import {
  envValidator,
  validateDNSSearch,
  validateExtraHost,
  validateGenericResource,
  validateIPAddress,
  validateLabel,
} from './opts/validators';
import { PlacementPrefValue, UlimitValue } from './opts/values';
import { waitOnService } from './progress/index';
import {
  addServiceFlags,
  newServiceOptions,
  SERVICE_CREATE_DEFAULTS,
  type ServiceOptions,
} from './service-flags';
import { createServiceSpec } from './spec/create-spec';
import { writeWarnings } from './warnings';

export interface CreateOptions extends ServiceOptions {
  config: FileReferenceValue;
  constraint: ListValue;
  containerLabel: ListValue;
  dns: ListValue;
  dnsOption: ListValue;
  dnsSearch: ListValue;
  env: ListValue;
  envFile: ListValue;
  genericResource: ListValue;
  group: ListValue;
  host: ListValue;
  label: ListValue;
  mode: string;
  mount: MountValue;
  name: string;
  network: NetworkOptValue;
  placementPref: PlacementPrefValue;
  publish: PortValue;
  secret: FileReferenceValue;
  sysctl: ListValue;
  ulimit: UlimitValue;
}

/** The shell's working directory, against which a `./x` mount source is made absolute. */
export function workingDirectory(cli: DockerCli): () => string {
  return () => cli.host.env.get('PWD') ?? cli.host.env.get('HOME') ?? '/';
}

/** `docker service create`: create a new service. */
export function newCreateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const environment = cli.host.env;
  const options: CreateOptions = {
    ...newServiceOptions(environment),
    ...SERVICE_CREATE_DEFAULTS,
    config: new FileReferenceValue('config'),
    constraint: new ListValue(),
    containerLabel: new ListValue(validateLabel),
    dns: new ListValue(validateIPAddress),
    dnsOption: new ListValue(),
    dnsSearch: new ListValue(validateDNSSearch),
    env: new ListValue(envValidator(environment)),
    envFile: new ListValue(),
    genericResource: new ListValue(validateGenericResource),
    group: new ListValue(),
    host: new ListValue(validateExtraHost),
    label: new ListValue(validateLabel),
    mode: 'replicated',
    mount: new MountValue(workingDirectory(cli)),
    name: '',
    network: new NetworkOptValue(),
    placementPref: new PlacementPrefValue(),
    publish: new PortValue(),
    secret: new FileReferenceValue('secret'),
    sysctl: new ListValue(),
    ulimit: new UlimitValue(),
  };
  const command = new Command({
    use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
    short: 'Create a new service',
    args: requiresMinArgs(1),
    interspersed: false,
    run: (invocation) => runCreate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addServiceFlags(flags, options);
  flags.add(options.config, 'config', '', 'Specify configurations to expose to the service');
  flags.add(options.constraint, 'constraint', '', 'Placement constraints');
  flags.add(options.containerLabel, 'container-label', '', 'Container labels');
  flags.add(options.dns, 'dns', '', 'Set custom DNS servers');
  flags.add(options.dnsOption, 'dns-option', '', 'Set DNS options');
  flags.add(options.dnsSearch, 'dns-search', '', 'Set custom DNS search domains');
  flags.add(options.env, 'env', 'e', 'Set environment variables');
  flags.add(options.envFile, 'env-file', '', 'Read in a file of environment variables');
  flags.add(options.genericResource, 'generic-resource', '', 'User defined resources');
  flags.add(
    options.group,
    'group',
    '',
    'Set one or more supplementary user groups for the container',
  );
  flags.add(options.host, 'host', '', 'Set one or more custom host-to-IP mappings (host:ip)');
  flags.add(options.label, 'label', 'l', 'Service labels');
  flags.stringVar(
    options,
    'mode',
    'mode',
    '',
    'Service mode ("replicated", "global", "replicated-job", "global-job")',
  );
  flags.add(options.mount, 'mount', '', 'Attach a filesystem mount to the service');
  flags.stringVar(options, 'name', 'name', '', 'Service name');
  flags.add(options.network, 'network', '', 'Network attachments');
  flags.add(options.placementPref, 'placement-pref', '', 'Add a placement preference');
  flags.add(options.publish, 'publish', 'p', 'Publish a port as a node port');
  flags.add(options.secret, 'secret', '', 'Specify secrets to expose to the service');
  flags.add(options.sysctl, 'sysctl', '', 'Sysctl options');
  flags.add(options.ulimit, 'ulimit', '', 'Ulimit options');
  return command;
}

/** A flag whose use needs what the playground does not simulate yet (files, networks, secrets). */
function notSimulatedFlag(invocation: Invocation, flag: string): NotSimulatedError {
  return new NotSimulatedError(`${invocation.command.commandPath()} --${flag}`);
}

/**
 * docker's runCreate: build the spec (ToService's checks, in its order), pin the image through
 * the registry unless `--no-resolve-image`, create, print the daemon's warnings and the
 * registry's on stderr and the new ID on stdout, then wait for convergence unless `-d`.
 */
export async function runCreate(
  cli: DockerCli,
  options: CreateOptions,
  invocation: Invocation,
): Promise<void> {
  const changed = (flag: string): boolean => invocation.command.flags.changed(flag);
  const [image = '', ...args] = invocation.args;
  // --env-file reads files of the CLI's machine, which the playground does not model yet.
  if (options.envFile.values.length > 0) throw notSimulatedFlag(invocation, 'env-file');
  const built = createServiceSpec(options, changed, image, args);
  if (options.credentialSpec.spec().Config !== '') {
    throw notSimulatedFlag(invocation, 'credential-spec');
  }
  const networks = convertNetworks(options.network.values);
  const networked =
    networks.length === 0
      ? built
      : { ...built, TaskTemplate: withNetworks(built.TaskTemplate, networks) };
  const withReferences = await withFileReferences(cli, networked, {
    secrets: options.secret.requests,
    configs: options.config.requests,
  });
  const pinned = await pinImage(cli, withReferences, !options.noResolveImage);
  const response = await cli.engine.serviceCreate({ spec: pinned.spec }, cli.cancel);
  writeWarnings(cli, response.Warnings, pinned.warning);
  cli.out.write(`${response.ID}\n`);
  if (options.detach) return;
  await waitOnService(cli, response.ID, options.quiet);
}
