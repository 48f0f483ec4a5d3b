import { describe, expect, it } from 'vitest';
import { bridgeMacAddress, freeBridgeAddress } from '../../../../src/swarm/agent/exec/bridge';

describe('the default bridge', () => {
  it('gives the lowest address no running container holds', () => {
    expect(freeBridgeAddress([])).toBe('172.17.0.2');
    const held = [
      { running: true, ipAddress: '172.17.0.2' },
      { running: false, ipAddress: '172.17.0.3' },
      { running: true, ipAddress: '172.17.0.4' },
    ];
    expect(freeBridgeAddress(held)).toBe('172.17.0.3');
  });

  it("derives a MAC from the address, as moby's bridge driver does", () => {
    // Oracle (engine 20.10.24): 172.17.0.2 has 02:42:ac:11:00:02.
    expect(bridgeMacAddress('172.17.0.2')).toBe('02:42:ac:11:00:02');
  });
});
