import { ListValue, TextValue } from '../../flags';
import { requiresMinArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import {
  addServiceFlags,
  newServiceOptions,
  SERVICE_CREATE_DEFAULTS,
  type ServiceOptions,
} from './service-flags';

export interface CreateOptions extends ServiceOptions {
  config: TextValue;
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
  mount: TextValue;
  name: string;
  network: TextValue;
  placementPref: TextValue;
  publish: TextValue;
  secret: TextValue;
  sysctl: ListValue;
  ulimit: TextValue;
}

/** `docker service create`: create a new service. */
export function newCreateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: CreateOptions = {
    ...newServiceOptions(),
    ...SERVICE_CREATE_DEFAULTS,
    config: new TextValue('config'),
    constraint: new ListValue(),
    containerLabel: new ListValue(),
    dns: new ListValue(),
    dnsOption: new ListValue(),
    dnsSearch: new ListValue(),
    env: new ListValue(),
    envFile: new ListValue(),
    genericResource: new ListValue(),
    group: new ListValue(),
    host: new ListValue(),
    label: new ListValue(),
    mode: 'replicated',
    mount: new TextValue('mount'),
    name: '',
    network: new TextValue('network'),
    placementPref: new TextValue('pref'),
    publish: new TextValue('port'),
    secret: new TextValue('secret'),
    sysctl: new ListValue(),
    ulimit: new TextValue('ulimit', '[]'),
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

export function runCreate(
  _cli: DockerCli,
  _options: CreateOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
