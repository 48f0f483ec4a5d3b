import type { IPAMConfig } from '../../api/network';
import {
  contains,
  formatSubnet,
  parseCIDR,
  parseIPv4,
  subnetOf,
  type Subnet,
} from '../networkallocator';

/**
 * moby api/types/network/ipam.go `ValidateIPAM`, for IPv4: every subnet a CIDR block without
 * host bits, its range and gateway and auxiliary addresses inside it. All the errors at once,
 * as moby joins them (one alone as it is; several as `* …` lines), under `invalid network
 * config:`; null when the configuration is valid. IPv6 subnets are not simulated: one is
 * reported as not a CIDR block.
 */
export function ipamConfigError(configs: readonly IPAMConfig[]): string | null {
  const errors: string[] = [];
  for (const config of configs) {
    const subnetText = config.Subnet ?? '';
    const parsed = parseCIDR(subnetText);
    if (parsed === null) {
      errors.push(`invalid subnet ${subnetText}: invalid CIDR block notation`);
      continue;
    }
    const subnet = subnetOf(parsed.ip, parsed.bits);
    if (subnet.base !== parsed.ip) {
      errors.push(`invalid subnet ${subnetText}: it should be ${formatSubnet(subnet)}`);
    }
    errors.push(...rangeErrors(config.IPRange ?? '', subnet));
    const gateway = addressError(config.Gateway ?? '', subnet);
    if (gateway !== null) errors.push(`invalid gateway ${config.Gateway ?? ''}: ${gateway}`);
    for (const [name, address] of Object.entries(config.AuxiliaryAddresses ?? {})) {
      const aux = addressError(address, subnet);
      if (aux !== null) errors.push(`invalid auxiliary address ${name}: ${aux}`);
    }
  }
  if (errors.length === 0) return null;
  const joined =
    errors.length === 1
      ? (errors[0] ?? '').trim()
      : `* ${errors.map((error) => error.replaceAll('\n', '\n\t')).join('\n* ')}`;
  return `invalid network config:\n${joined}`;
}

function rangeErrors(range: string, subnet: Subnet): string[] {
  if (range === '') return [];
  const parsed = parseCIDR(range);
  if (parsed === null) return [`invalid ip-range ${range}: invalid CIDR block notation`];
  const block = subnetOf(parsed.ip, parsed.bits);
  const errors: string[] = [];
  const parent = formatSubnet(subnet);
  if (parsed.bits < subnet.bits) {
    errors.push(`invalid ip-range ${range}: CIDR block is bigger than its parent subnet ${parent}`);
  }
  if (block.base !== parsed.ip) {
    errors.push(`invalid ip-range ${range}: it should be ${formatSubnet(block)}`);
  }
  if (!contains(subnet, block.base) && !contains(block, subnet.base)) {
    errors.push(`invalid ip-range ${range}: parent subnet ${parent} doesn't contain ip-range`);
  }
  return errors;
}

function addressError(address: string, subnet: Subnet): string | null {
  if (address === '') return null;
  const ip = parseIPv4(address);
  if (ip === null) return 'invalid address';
  return contains(subnet, ip)
    ? null
    : `parent subnet ${formatSubnet(subnet)} doesn't contain this address`;
}
