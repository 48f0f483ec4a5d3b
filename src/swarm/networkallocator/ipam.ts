/**
 * IPv4 address management as swarmkit's network allocator does it over libnetwork's default
 * IPAM (manager/allocator/cnmallocator, libnetwork/ipam, ipamutils): a network without a
 * subnet takes the first /`SubnetSize` of the cluster's default address pool (10.0.0.0/8, /24)
 * that no other swarm network overlaps, its gateway the subnet's first address; addresses in a
 * subnet are handed out serially, the one after the last given, wrapping round to the lowest
 * free one (libnetwork's bitmask with `AllocSerialPrefix`, which swarmkit asks for). Plain
 * functions over numbers: the allocator passes the addresses in use, read from the store, so a
 * new leader allocates exactly as the old one would have.
 */

/** An IPv4 subnet: its first address as a 32-bit number and its prefix length. */
export interface Subnet {
  readonly base: number;
  readonly bits: number;
}

/** `a.b.c.d` as a number, or null when it is not a dotted IPv4 address. */
export function parseIPv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const byte = Number(part);
    if (byte > 255) return null;
    value = value * 256 + byte;
  }
  return value;
}

export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => String(Math.floor(value / 2 ** shift) % 256)).join('.');
}

/** `a.b.c.d/n` as a subnet (host bits kept as typed: `hostBitsSet` tells), or null. */
export function parseCIDR(text: string): { readonly ip: number; readonly bits: number } | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const ip = parseIPv4(text.slice(0, slash));
  const bitsText = text.slice(slash + 1);
  if (ip === null || !/^\d{1,2}$/.test(bitsText)) return null;
  const bits = Number(bitsText);
  return bits > 32 ? null : { ip, bits };
}

function size(bits: number): number {
  return 2 ** (32 - bits);
}

/** The subnet `ip/bits` belongs to. */
export function subnetOf(ip: number, bits: number): Subnet {
  return { base: ip - (ip % size(bits)), bits };
}

export function formatSubnet(subnet: Subnet): string {
  return `${formatIPv4(subnet.base)}/${subnet.bits}`;
}

export function contains(subnet: Subnet, ip: number): boolean {
  return ip >= subnet.base && ip < subnet.base + size(subnet.bits);
}

export function overlaps(a: Subnet, b: Subnet): boolean {
  return a.base < b.base + size(b.bits) && b.base < a.base + size(a.bits);
}

/**
 * The first subnet of `subnetBits` in the pools that overlaps none in use (libnetwork
 * `getAddressRange` over the default pools, in order), or null when the pools are full.
 */
export function nextSubnet(
  pools: readonly Subnet[],
  subnetBits: number,
  used: readonly Subnet[],
): Subnet | null {
  for (const pool of pools) {
    const step = size(subnetBits);
    for (let base = pool.base; base < pool.base + size(pool.bits); base += step) {
      const candidate: Subnet = { base, bits: subnetBits };
      if (!used.some((subnet) => overlaps(subnet, candidate))) return candidate;
    }
  }
  return null;
}

/** A subnet's default gateway: its first host address. */
export function defaultGateway(subnet: Subnet): number {
  return subnet.base + 1;
}

/**
 * The next address of the subnet, serially: the one after the highest in use, else the lowest
 * free one; never the network or broadcast address, nor one in use (`used` holds the gateway
 * too). Null when the subnet is full.
 */
export function nextAddress(
  subnet: Subnet,
  used: ReadonlySet<number>,
  gateway: number,
): number | null {
  const first = subnet.base + 1;
  const last = subnet.base + size(subnet.bits) - 2;
  let highest = first - 1;
  for (const ip of used) if (ip !== gateway && contains(subnet, ip) && ip > highest) highest = ip;
  for (let ip = highest + 1; ip <= last; ip++) if (ip !== gateway && !used.has(ip)) return ip;
  for (let ip = first; ip <= highest; ip++) if (ip !== gateway && !used.has(ip)) return ip;
  return null;
}

/** `10.0.1.3/24` → 10.0.1.3 as a number, or null. */
export function addressOf(cidr: string): number | null {
  return parseCIDR(cidr)?.ip ?? null;
}
