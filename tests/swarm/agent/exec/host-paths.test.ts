import { describe, expect, it } from 'vitest';
import { bindMountError } from '../../../../src/swarm/agent/exec/host-paths';

describe('bindMountError', () => {
  it("refuses a bind whose source the node lacks, in moby's words", () => {
    expect(bindMountError([{ Type: 'bind', Source: '/nonexistent', Target: '/data' }])).toBe(
      'invalid mount config for type "bind": bind source path does not exist: /nonexistent',
    );
  });

  it("accepts the node's own paths however they are written, and other mount types", () => {
    expect(
      bindMountError([
        { Type: 'bind', Source: '/var/run/docker.sock', Target: '/var/run/docker.sock' },
        { Type: 'bind', Source: '/var//log/', Target: '/logs' },
        { Type: 'volume', Source: 'mydata', Target: '/data' },
        { Type: 'tmpfs', Target: '/cache' },
      ]),
    ).toBeNull();
  });
});
