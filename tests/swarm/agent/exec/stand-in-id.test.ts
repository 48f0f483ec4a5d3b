import { describe, expect, it } from 'vitest';
import { standInId } from '../../../../src/swarm/agent/exec/stand-in-id';

describe('stand-in IDs', () => {
  it('are 64 hex digits, the same for the same seed and purpose, else different', () => {
    const id = standInId('abc', 'sandbox');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(standInId('abc', 'sandbox')).toBe(id);
    expect(standInId('abc', 'endpoint')).not.toBe(id);
    expect(standInId('abd', 'sandbox')).not.toBe(id);
  });
});
