import { ListValue, MapValue, StringSliceValue } from '../../flags';
import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

export interface CreateOptions {
  attachable: boolean;
  auxAddress: MapValue;
  configFrom: string;
  configOnly: boolean;
  driver: string;
  gateway: StringSliceValue;
  ingress: boolean;
  internal: boolean;
  ipRange: StringSliceValue;
  ipamDriver: string;
  ipamOpt: MapValue;
  ipv6: boolean;
  label: ListValue;
  opt: MapValue;
  scope: string;
  subnet: StringSliceValue;
}

/** `docker network create`: create a network. */
export function newCreateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: CreateOptions = {
    attachable: false,
    auxAddress: new MapValue(),
    configFrom: '',
    configOnly: false,
    driver: 'bridge',
    gateway: new StringSliceValue(),
    ingress: false,
    internal: false,
    ipRange: new StringSliceValue(),
    ipamDriver: 'default',
    ipamOpt: new MapValue(),
    ipv6: false,
    label: new ListValue(),
    opt: new MapValue(),
    scope: '',
    subnet: new StringSliceValue(),
  };
  const command = new Command({
    use: 'create [OPTIONS] NETWORK',
    short: 'Create a network',
    args: exactArgs(1),
    run: (invocation) => runCreate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.boolVar(options, 'attachable', 'attachable', '', 'Enable manual container attachment');
  flags.add(
    options.auxAddress,
    'aux-address',
    '',
    'Auxiliary IPv4 or IPv6 addresses used by Network driver',
  );
  flags.stringVar(
    options,
    'configFrom',
    'config-from',
    '',
    'The network from which to copy the configuration',
  );
  flags.boolVar(options, 'configOnly', 'config-only', '', 'Create a configuration only network');
  flags.stringVar(options, 'driver', 'driver', 'd', 'Driver to manage the Network');
  flags.add(options.gateway, 'gateway', '', 'IPv4 or IPv6 Gateway for the master subnet');
  flags.boolVar(options, 'ingress', 'ingress', '', 'Create swarm routing-mesh network');
  flags.boolVar(options, 'internal', 'internal', '', 'Restrict external access to the network');
  flags.add(options.ipRange, 'ip-range', '', 'Allocate container ip from a sub-range');
  flags.stringVar(options, 'ipamDriver', 'ipam-driver', '', 'IP Address Management Driver');
  flags.add(options.ipamOpt, 'ipam-opt', '', 'Set IPAM driver specific options');
  flags.boolVar(options, 'ipv6', 'ipv6', '', 'Enable or disable IPv6 networking');
  flags.add(options.label, 'label', '', 'Set metadata on a network');
  flags.add(options.opt, 'opt', 'o', 'Set driver specific options');
  flags.stringVar(options, 'scope', 'scope', '', `Control the network's scope`);
  flags.add(
    options.subnet,
    'subnet',
    '',
    'Subnet in CIDR format that represents a network segment',
  );
  return command;
}

export function runCreate(
  _cli: DockerCli,
  _options: CreateOptions,
  invocation: Invocation,
): Promise<void> {
  return notSimulated(invocation);
}
