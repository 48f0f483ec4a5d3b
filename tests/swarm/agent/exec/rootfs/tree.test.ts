import { describe, expect, it } from 'vitest';
import {
  absolutePath,
  buildFilesystem,
  childNames,
  dirEntry,
  resolvePath,
} from '../../../../../src/swarm/agent/exec/rootfs/tree';

const fs = buildFilesystem([
  [
    ['/usr/bin/cat', { kind: 'file', mode: 0o755, mtimeMs: 0, text: '' }],
    ['/bin', { kind: 'link', target: 'usr/bin', mtimeMs: 0 }],
    ['/etc/hostname', { kind: 'file', mode: 0o644, mtimeMs: 0, text: 'old\n' }],
  ],
  [['/etc/hostname', { kind: 'file', mode: 0o644, mtimeMs: 0, text: 'new\n' }]],
]);

describe("a container's filesystem", () => {
  it('makes the parents of every path, and a later layer wins', () => {
    expect(fs.entries.get('/usr')).toEqual(dirEntry(0o755, 0));
    expect(resolvePath(fs, '/etc/hostname')).toMatchObject({ ok: true, entry: { text: 'new\n' } });
    expect(childNames(fs, '/')).toEqual(['bin', 'etc', 'usr']);
  });

  it('follows links in every component, and in the last one unless asked not to', () => {
    expect(resolvePath(fs, '/bin/cat')).toMatchObject({ ok: true, path: '/usr/bin/cat' });
    expect(resolvePath(fs, '/bin')).toMatchObject({ ok: true, path: '/usr/bin' });
    expect(resolvePath(fs, '/bin', true)).toMatchObject({ ok: true, entry: { kind: 'link' } });
    expect(resolvePath(fs, '/bin/nosuch')).toEqual({ ok: false, reason: 'missing' });
    expect(resolvePath(fs, '/etc/hostname/x')).toEqual({ ok: false, reason: 'not-dir' });
  });

  it('resolves . and .. against the working directory', () => {
    expect(absolutePath('/etc', '../usr/./bin')).toBe('/usr/bin');
    expect(absolutePath('/etc', '/tmp/')).toBe('/tmp');
    expect(absolutePath('/', '..')).toBe('/');
  });
});
