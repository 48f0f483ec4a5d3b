import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatIPv4,
  formatSubnet,
  nextAddress,
  nextSubnet,
  parseCIDR,
  parseIPv4,
  subnetOf,
  type Subnet,
} from '../../../src/swarm/networkallocator/ipam';

const ip = (text: string): number => {
  const value = parseIPv4(text);
  if (value === null) throw new Error(`bad address ${text}`);
  return value;
};

describe('IPv4 addresses and subnets', () => {
  it('parses and formats dotted addresses and CIDRs, refusing what Go would', () => {
    expect(formatIPv4(ip('10.0.1.3'))).toBe('10.0.1.3');
    for (const bad of ['10.0.1', '10.0.1.256', '10.0.1.x', '']) expect(parseIPv4(bad)).toBeNull();
    expect(parseCIDR('10.0.9.1/24')).toEqual({ ip: ip('10.0.9.1'), bits: 24 });
    for (const bad of ['10.0.9.0', '10.0.9.0/33', 'abc/24']) expect(parseCIDR(bad)).toBeNull();
    expect(formatSubnet(subnetOf(ip('10.0.9.1'), 24))).toBe('10.0.9.0/24');
  });

  it('formats back what it parses', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (value) => {
        expect(parseIPv4(formatIPv4(value))).toBe(value);
      }),
    );
  });
});

const show = (subnet: Subnet | null): string => (subnet === null ? 'none' : formatSubnet(subnet));

describe('subnets from the default pool (libnetwork ipamutils, 10.0.0.0/8 in /24s)', () => {
  const pool = [subnetOf(ip('10.0.0.0'), 8)];

  it('takes the first /24 no network overlaps', () => {
    expect(show(nextSubnet(pool, 24, []))).toBe('10.0.0.0/24');
    const used = [subnetOf(ip('10.0.0.0'), 24), subnetOf(ip('10.0.2.0'), 23)];
    expect(show(nextSubnet(pool, 24, used))).toBe('10.0.1.0/24');
    const more = [...used, subnetOf(ip('10.0.1.0'), 24)];
    expect(show(nextSubnet(pool, 24, more))).toBe('10.0.4.0/24');
  });

  it('answers null when the pool is full', () => {
    expect(
      nextSubnet([subnetOf(ip('10.0.0.0'), 24)], 24, [subnetOf(ip('10.0.0.0'), 16)]),
    ).toBeNull();
  });
});

describe('addresses in a subnet, serially (libnetwork bitmask, AllocSerialPrefix)', () => {
  const subnet = subnetOf(ip('10.0.1.0'), 24);
  const gateway = ip('10.0.1.1');

  it('gives the one after the highest in use, past the gateway', () => {
    expect(formatIPv4(nextAddress(subnet, new Set([gateway]), gateway) ?? 0)).toBe('10.0.1.2');
    const used = new Set([gateway, ip('10.0.1.2'), ip('10.0.1.7')]);
    expect(formatIPv4(nextAddress(subnet, used, gateway) ?? 0)).toBe('10.0.1.8');
  });

  it('wraps round to the lowest free one, never the network, broadcast or gateway address', () => {
    const used = new Set([gateway, ip('10.0.1.254'), ip('10.0.1.2')]);
    expect(formatIPv4(nextAddress(subnet, used, gateway) ?? 0)).toBe('10.0.1.3');
    const tiny = subnetOf(ip('10.0.9.0'), 30);
    const tinyGateway = ip('10.0.9.1');
    expect(formatIPv4(nextAddress(tiny, new Set([tinyGateway]), tinyGateway) ?? 0)).toBe(
      '10.0.9.2',
    );
    expect(nextAddress(tiny, new Set([tinyGateway, ip('10.0.9.2')]), tinyGateway)).toBeNull();
  });

  it('never hands out an address in use, however many are taken', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 254 }), { maxLength: 200 }), (hosts) => {
        const used = new Set([gateway, ...hosts.map((host) => subnet.base + host)]);
        const next = nextAddress(subnet, used, gateway);
        if (used.size >= 254) expect(next).toBeNull();
        else {
          expect(next).not.toBeNull();
          expect(used.has(next ?? 0)).toBe(false);
          expect((next ?? 0) - subnet.base).toBeGreaterThan(0);
          expect((next ?? 0) - subnet.base).toBeLessThan(255);
        }
      }),
    );
  });
});
