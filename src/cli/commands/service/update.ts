import { ListValue, NetworkOptValue } from '../../flags';
import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { workingDirectory } from './create';
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
import { PlacementPrefValue, ShlexValue, UlimitValue } from './opts/values';
import { addServiceFlags, newServiceOptions, type ServiceOptions } from './service-flags';
import { runServiceUpdate } from './update-run';

export interface UpdateOptions extends ServiceOptions {
  args: ShlexValue;
  configAdd: FileReferenceValue;
  configRm: ListValue;
  constraintAdd: ListValue;
  constraintRm: ListValue;
  containerLabelAdd: ListValue;
  containerLabelRm: ListValue;
  dnsAdd: ListValue;
  dnsOptionAdd: ListValue;
  dnsOptionRm: ListValue;
  dnsRm: ListValue;
  dnsSearchAdd: ListValue;
  dnsSearchRm: ListValue;
  envAdd: ListValue;
  envRm: ListValue;
  force: boolean;
  genericResourceAdd: ListValue;
  genericResourceRm: ListValue;
  groupAdd: ListValue;
  groupRm: ListValue;
  hostAdd: ListValue;
  hostRm: ListValue;
  image: string;
  labelAdd: ListValue;
  labelRm: ListValue;
  mountAdd: MountValue;
  mountRm: ListValue;
  networkAdd: NetworkOptValue;
  networkRm: ListValue;
  placementPrefAdd: PlacementPrefValue;
  placementPrefRm: PlacementPrefValue;
  publishAdd: PortValue;
  publishRm: PortValue;
  rollback: boolean;
  secretAdd: FileReferenceValue;
  secretRm: ListValue;
  sysctlAdd: ListValue;
  sysctlRm: ListValue;
  ulimitAdd: UlimitValue;
  ulimitRm: ListValue;
}

/** `docker service update`: update a service. */
export function newUpdateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const environment = cli.host.env;
  const options: UpdateOptions = {
    ...newServiceOptions(environment),
    args: new ShlexValue(),
    configAdd: new FileReferenceValue('config'),
    configRm: new ListValue(),
    constraintAdd: new ListValue(),
    constraintRm: new ListValue(),
    containerLabelAdd: new ListValue(validateLabel),
    containerLabelRm: new ListValue(),
    dnsAdd: new ListValue(validateIPAddress),
    dnsOptionAdd: new ListValue(),
    dnsOptionRm: new ListValue(),
    dnsRm: new ListValue(),
    dnsSearchAdd: new ListValue(validateDNSSearch),
    dnsSearchRm: new ListValue(),
    envAdd: new ListValue(envValidator(environment)),
    envRm: new ListValue(),
    force: false,
    genericResourceAdd: new ListValue(validateGenericResource),
    genericResourceRm: new ListValue(),
    groupAdd: new ListValue(),
    groupRm: new ListValue(),
    hostAdd: new ListValue(validateExtraHost),
    hostRm: new ListValue(),
    image: '',
    labelAdd: new ListValue(validateLabel),
    labelRm: new ListValue(),
    mountAdd: new MountValue(workingDirectory(cli)),
    mountRm: new ListValue(),
    networkAdd: new NetworkOptValue(),
    networkRm: new ListValue(),
    placementPrefAdd: new PlacementPrefValue(),
    placementPrefRm: new PlacementPrefValue(),
    publishAdd: new PortValue(),
    publishRm: new PortValue(),
    rollback: false,
    secretAdd: new FileReferenceValue('secret'),
    secretRm: new ListValue(),
    sysctlAdd: new ListValue(),
    sysctlRm: new ListValue(),
    ulimitAdd: new UlimitValue(),
    ulimitRm: new ListValue(),
  };
  const command = new Command({
    use: 'update [OPTIONS] SERVICE',
    short: 'Update a service',
    args: exactArgs(1),
    run: (invocation) => runUpdate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  addServiceFlags(flags, options);
  flags.add(options.args, 'args', '', 'Service command args');
  flags.add(options.configAdd, 'config-add', '', 'Add or update a config file on a service');
  flags.add(options.configRm, 'config-rm', '', 'Remove a configuration file');
  flags.add(options.constraintAdd, 'constraint-add', '', 'Add or update a placement constraint');
  flags.add(options.constraintRm, 'constraint-rm', '', 'Remove a constraint');
  flags.add(
    options.containerLabelAdd,
    'container-label-add',
    '',
    'Add or update a container label',
  );
  flags.add(
    options.containerLabelRm,
    'container-label-rm',
    '',
    'Remove a container label by its key',
  );
  flags.add(options.dnsAdd, 'dns-add', '', 'Add or update a custom DNS server');
  flags.add(options.dnsOptionAdd, 'dns-option-add', '', 'Add or update a DNS option');
  flags.add(options.dnsOptionRm, 'dns-option-rm', '', 'Remove a DNS option');
  flags.add(options.dnsRm, 'dns-rm', '', 'Remove a custom DNS server');
  flags.add(options.dnsSearchAdd, 'dns-search-add', '', 'Add or update a custom DNS search domain');
  flags.add(options.dnsSearchRm, 'dns-search-rm', '', 'Remove a DNS search domain');
  flags.add(options.envAdd, 'env-add', '', 'Add or update an environment variable');
  flags.add(options.envRm, 'env-rm', '', 'Remove an environment variable');
  flags.boolVar(options, 'force', 'force', '', 'Force update even if no changes require it');
  flags.add(options.genericResourceAdd, 'generic-resource-add', '', 'Add a Generic resource');
  flags.add(options.genericResourceRm, 'generic-resource-rm', '', 'Remove a Generic resource');
  flags.add(
    options.groupAdd,
    'group-add',
    '',
    'Add an additional supplementary user group to the container',
  );
  flags.add(
    options.groupRm,
    'group-rm',
    '',
    'Remove a previously added supplementary user group from the container',
  );
  flags.add(options.hostAdd, 'host-add', '', 'Add a custom host-to-IP mapping ("host:ip")');
  flags.add(options.hostRm, 'host-rm', '', 'Remove a custom host-to-IP mapping ("host:ip")');
  flags.stringVar(options, 'image', 'image', '', 'Service image tag');
  flags.add(options.labelAdd, 'label-add', '', 'Add or update a service label');
  flags.add(options.labelRm, 'label-rm', '', 'Remove a label by its key');
  flags.add(options.mountAdd, 'mount-add', '', 'Add or update a mount on a service');
  flags.add(options.mountRm, 'mount-rm', '', 'Remove a mount by its target path');
  flags.add(options.networkAdd, 'network-add', '', 'Add a network');
  flags.add(options.networkRm, 'network-rm', '', 'Remove a network');
  flags.add(options.placementPrefAdd, 'placement-pref-add', '', 'Add a placement preference');
  flags.add(options.placementPrefRm, 'placement-pref-rm', '', 'Remove a placement preference');
  flags.add(options.publishAdd, 'publish-add', '', 'Add or update a published port');
  flags.add(options.publishRm, 'publish-rm', '', 'Remove a published port by its target port');
  flags.boolVar(options, 'rollback', 'rollback', '', 'Rollback to previous specification');
  flags.add(options.secretAdd, 'secret-add', '', 'Add or update a secret on a service');
  flags.add(options.secretRm, 'secret-rm', '', 'Remove a secret');
  flags.add(options.sysctlAdd, 'sysctl-add', '', 'Add or update a Sysctl option');
  flags.add(options.sysctlRm, 'sysctl-rm', '', 'Remove a Sysctl option');
  flags.add(options.ulimitAdd, 'ulimit-add', '', 'Add or update a ulimit option');
  flags.add(options.ulimitRm, 'ulimit-rm', '', 'Remove a ulimit option');
  return command;
}

export function runUpdate(
  cli: DockerCli,
  options: UpdateOptions,
  invocation: Invocation,
): Promise<void> {
  return runServiceUpdate(cli, options, invocation);
}
