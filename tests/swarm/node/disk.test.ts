import { describe, expect, it } from 'vitest';
import { diskVolumes } from '../../../src/swarm/node/disk';

describe("the daemon's disk", () => {
  it('reads a disk saved before volumes existed (no field) as one with no volumes', () => {
    expect(diskVolumes({ node: null })).toEqual([]);
    const volume = { name: 'data', driver: 'local', labels: {}, options: {}, createdAtMs: 0 };
    expect(diskVolumes({ node: null, volumes: [volume] })).toEqual([volume]);
  });
});
