import { describe, expect, it } from 'vitest';
import { MAX_PER_ROLE, PRESETS, labAddress, presetById } from '../../src/sim/presets';

describe('the presets', () => {
  it('give every machine of a preset its own address, the same in every preset', () => {
    for (const preset of PRESETS) {
      const addresses = preset.machines.map((machine) => machine.address);
      expect(new Set(addresses).size).toBe(addresses.length);
      for (const machine of preset.machines) {
        const index = Number(machine.hostname.replace(/^\D+/, ''));
        expect(machine.address).toBe(labAddress(machine.intendedRole, index));
      }
    }
  });

  it('keep managers and workers in their own address ranges, however many there are', () => {
    expect(labAddress('manager', MAX_PER_ROLE.manager)).toBe('192.168.0.19');
    expect(labAddress('worker', 1)).toBe('192.168.0.21');
    expect(labAddress('worker', MAX_PER_ROLE.worker)).toBe('192.168.0.254');
  });

  it('hold a hundred workers in the large preset', () => {
    const large = presetById('7m100w');
    expect(large.machines.filter((machine) => machine.intendedRole === 'worker')).toHaveLength(100);
    expect(large.machines.at(-1)).toEqual({
      hostname: 'worker100',
      address: '192.168.0.120',
      intendedRole: 'worker',
    });
  });
});
