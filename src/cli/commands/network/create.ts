import { ListValue, MapValue, StringSliceValue } from '../../flags';
import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';
import { CliError } from '../../command/errors';
import type { IPAMConfig } from '../../../api/network';
import { validateLabel } from '../service/opts/validators';
import { kvMap } from '../service/spec/parts';

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
    label: new ListValue(validateLabel),
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

/** An IPv4 address or CIDR as a number (Go's net.ParseIP / ParseCIDR), or null. */
function ipNumber(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) {
    return null;
  }
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

function parseCidr(text: string): { readonly base: number; readonly size: number } | null {
  const [ip = '', bits = '', ...rest] = text.split('/');
  const value = ipNumber(ip);
  if (value === null || rest.length > 0 || !/^\d{1,2}$/.test(bits) || Number(bits) > 32) {
    return null;
  }
  const size = 2 ** (32 - Number(bits));
  return { base: value - (value % size), size };
}

/** docker's subnetMatches: whether `data` (an address or a CIDR) is inside `subnet`. */
function subnetMatches(subnet: string, data: string): boolean {
  const parsed = parseCidr(subnet);
  if (parsed === null) throw new CliError(`invalid subnet: invalid CIDR address: ${subnet}`);
  const ip = data.includes('/')
    ? (() => {
        const cidr = parseCidr(data);
        if (cidr === null) throw new CliError(`invalid CIDR address: ${data}`);
        return ipNumber(data.slice(0, data.indexOf('/')));
      })()
    : ipNumber(data);
  return ip !== null && ip >= parsed.base && ip < parsed.base + parsed.size;
}

interface PendingConfig {
  Subnet: string;
  IPRange?: string;
  Gateway?: string;
  AuxiliaryAddresses: Record<string, string>;
}

/** A range or gateway on every subnet that holds it, once per subnet. */
function assignOnce(
  configs: ReadonlyMap<string, PendingConfig>,
  subnets: readonly string[],
  value: string,
  field: 'IPRange' | 'Gateway',
  twice: (old: string, subnet: string) => never,
  unmatched: string,
): void {
  let matched = false;
  for (const subnet of subnets) {
    if (!subnetMatches(subnet, value)) continue;
    const config = configs.get(subnet);
    if (config === undefined) continue;
    const old = config[field];
    if (old !== undefined) twice(old, subnet);
    config[field] = value;
    matched = true;
  }
  if (!matched) throw new CliError(unmatched);
}

/**
 * docker's consolidateIpam (cli/command/network/create.go): the subnets, each with its range,
 * gateway and auxiliary addresses, with docker's errors.
 */
export function consolidateIpam(
  subnets: readonly string[],
  ranges: readonly string[],
  gateways: readonly string[],
  auxAddresses: ReadonlyMap<string, string>,
): IPAMConfig[] {
  if (subnets.length < ranges.length || subnets.length < gateways.length) {
    throw new CliError('every ip-range or gateway must have a corresponding subnet');
  }
  const configs = new Map<
    string,
    {
      Subnet: string;
      IPRange?: string;
      Gateway?: string;
      AuxiliaryAddresses: Record<string, string>;
    }
  >();
  for (const subnet of subnets) {
    for (const known of configs.keys()) {
      if (subnetMatches(subnet, known) || subnetMatches(known, subnet)) {
        throw new CliError('multiple overlapping subnet configuration is not supported');
      }
    }
    configs.set(subnet, { Subnet: subnet, AuxiliaryAddresses: {} });
  }
  for (const range of ranges) {
    assignOnce(
      configs,
      subnets,
      range,
      'IPRange',
      (old, subnet) => {
        throw new CliError(
          `cannot configure multiple ranges (${range}, ${old}) on the same subnet (${subnet})`,
        );
      },
      `no matching subnet for range ${range}`,
    );
  }
  for (const gateway of gateways) {
    assignOnce(
      configs,
      subnets,
      gateway,
      'Gateway',
      (old, subnet) => {
        throw new CliError(
          `cannot configure multiple gateways (${gateway}, ${old}) for the same subnet (${subnet})`,
        );
      },
      `no matching subnet for gateway ${gateway}`,
    );
  }
  for (const [key, address] of auxAddresses) {
    let matched = false;
    for (const subnet of subnets) {
      if (!subnetMatches(subnet, address)) continue;
      const config = configs.get(subnet);
      if (config !== undefined) config.AuxiliaryAddresses[key] = address;
      matched = true;
    }
    if (!matched) throw new CliError(`no matching subnet for aux-address ${address}`);
  }
  return [...configs.values()].map((config) => ({
    Subnet: config.Subnet,
    ...(config.IPRange === undefined ? {} : { IPRange: config.IPRange }),
    ...(config.Gateway === undefined ? {} : { Gateway: config.Gateway }),
    ...(Object.keys(config.AuxiliaryAddresses).length === 0
      ? {}
      : { AuxiliaryAddresses: config.AuxiliaryAddresses }),
  }));
}

/**
 * docker network create: the IPAM flags consolidated, then the request, and the new ID on
 * stdout. Only swarm overlay networks are simulated: a local driver's network (`bridge`, the
 * default, `macvlan`, …), a config-only network and `--ipv6` say so.
 */
export async function runCreate(
  cli: DockerCli,
  options: CreateOptions,
  invocation: Invocation,
): Promise<void> {
  const [name = ''] = invocation.args;
  const config = consolidateIpam(
    options.subnet.values,
    options.ipRange.values,
    options.gateway.values,
    options.auxAddress.values,
  );
  if (
    options.driver !== 'overlay' ||
    options.configOnly ||
    options.configFrom !== '' ||
    options.ipv6
  ) {
    return notSimulated(invocation);
  }
  const response = await cli.engine.networkCreate(
    {
      request: {
        Name: name,
        Driver: options.driver,
        Scope: options.scope,
        IPAM: {
          Driver: options.ipamDriver,
          Options: Object.fromEntries(options.ipamOpt.values),
          Config: config,
        },
        Internal: options.internal,
        Attachable: options.attachable,
        Ingress: options.ingress,
        ConfigOnly: options.configOnly,
        Options: Object.fromEntries(options.opt.values),
        Labels: kvMap(options.label.values),
      },
    },
    cli.cancel,
  );
  cli.out.write(`${response.Id}\n`);
}
