import { describe, expect, it } from 'vitest';
import { bindMountError } from '../../../../src/swarm/agent/exec/host-paths';
import { FileSystem } from '../../../../src/lib/filesystem';

/** A new lab VM's files. */
function vm(): FileSystem {
  return FileSystem.standard('worker1', 0);
}

describe('bindMountError', () => {
  it("refuses a bind whose source the node lacks, in moby's words", () => {
    expect(bindMountError([{ Type: 'bind', Source: '/nonexistent', Target: '/data' }], vm())).toBe(
      'invalid mount config for type "bind": bind source path does not exist: /nonexistent',
    );
  });

  it("accepts the node's own paths however they are written, and other mount types", () => {
    expect(
      bindMountError(
        [
          { Type: 'bind', Source: '/var/run/docker.sock', Target: '/var/run/docker.sock' },
          { Type: 'bind', Source: '/var//log/', Target: '/logs' },
          { Type: 'volume', Source: 'mydata', Target: '/data' },
          { Type: 'tmpfs', Target: '/cache' },
        ],
        vm(),
      ),
    ).toBeNull();
  });

  it('sees what the machine shell made', () => {
    const files = vm();
    const bind = [{ Type: 'bind', Source: '/root/site', Target: '/usr/share/nginx/html' }] as const;
    expect(bindMountError(bind, files)).not.toBeNull();
    files.mkdir('/root/site', false, 0);
    expect(bindMountError(bind, files)).toBeNull();
  });
});
