import { describe, expect, it } from 'vitest';
import {
  FileSystem,
  MAX_FILE_BYTES,
  MAX_TOTAL_BYTES,
  errorText,
} from '../../../src/lib/filesystem';

const T0 = 1_700_000_000_000;

function fresh(): FileSystem {
  return FileSystem.standard('manager1', T0);
}

describe('FileSystem', () => {
  it('starts with the VM standard tree and an empty home', () => {
    const files = fresh();
    expect(files.exists('/var/lib/docker')).toBe(true);
    expect(files.read('/etc/hostname')).toEqual({ ok: true, value: 'manager1\n' });
    expect(files.list('/root')).toEqual({ ok: true, value: { directory: true, entries: [] } });
  });

  it('writes, appends and reads text, stamping the time', () => {
    const files = fresh();
    expect(files.write('/root/a.txt', 'one\n', false, T0 + 5).ok).toBe(true);
    expect(files.write('/root/a.txt', 'two\n', true, T0 + 9).ok).toBe(true);
    expect(files.read('/root/a.txt')).toEqual({ ok: true, value: 'one\ntwo\n' });
    const stat = files.stat('/root/a.txt');
    expect(stat.ok && stat.value).toMatchObject({
      kind: 'file',
      size: 8,
      mtimeMs: T0 + 9,
      mode: 0o644,
    });
    expect(files.write('/root/a.txt', 'x', false, T0).ok).toBe(true);
    expect(files.read('/root/a.txt')).toEqual({ ok: true, value: 'x' });
  });

  it('answers errno values for missing parents, files in the way and directories', () => {
    const files = fresh();
    expect(files.write('/root/no/a', '', false, T0)).toEqual({
      ok: false,
      error: 'ENOENT',
      path: '/root/no/a',
    });
    files.write('/root/f', '', false, T0);
    expect(files.write('/root/f/a', '', false, T0)).toMatchObject({ ok: false, error: 'ENOTDIR' });
    expect(files.read('/root')).toMatchObject({ ok: false, error: 'EISDIR' });
    expect(files.read('/root/f/')).toMatchObject({ ok: false, error: 'ENOTDIR' });
    expect(files.write('/tmp', 'x', false, T0)).toMatchObject({ ok: false, error: 'EISDIR' });
    expect(errorText('ENOENT')).toBe('No such file or directory');
  });

  it('makes directories with and without parents', () => {
    const files = fresh();
    expect(files.mkdir('/root/a/b', false, T0)).toMatchObject({ ok: false, error: 'ENOENT' });
    expect(files.mkdir('/root/a/b', true, T0).ok).toBe(true);
    expect(files.mkdir('/root/a', false, T0)).toMatchObject({ ok: false, error: 'EEXIST' });
    expect(files.mkdir('/root/a', true, T0).ok).toBe(true);
    const listed = files.list('/root/a');
    expect(listed.ok && listed.value.entries.map((entry) => entry.name)).toEqual(['b']);
    const stat = files.stat('/root/a');
    expect(stat.ok && stat.value.links).toBe(3);
  });

  it('removes files, and directories only recursively', () => {
    const files = fresh();
    files.mkdir('/root/d/e', true, T0);
    files.write('/root/d/e/f', 'data', false, T0);
    expect(files.remove('/root/d', false, T0)).toMatchObject({ ok: false, error: 'EISDIR' });
    expect(files.remove('/root/d', true, T0).ok).toBe(true);
    expect(files.exists('/root/d/e/f')).toBe(false);
    expect(files.remove('/root/d', true, T0)).toMatchObject({ ok: false, error: 'ENOENT' });
    expect(files.remove('/', true, T0)).toMatchObject({ ok: false, error: 'EBUSY' });
  });

  it('lists a directory sorted and a file as itself', () => {
    const files = fresh();
    files.write('/root/b', '', false, T0);
    files.write('/root/a', '', false, T0);
    files.write('/root/.hidden', '', false, T0);
    const listed = files.list('/root');
    expect(listed.ok && listed.value.entries.map((entry) => entry.name)).toEqual([
      '.hidden',
      'a',
      'b',
    ]);
    const file = files.list('/root/a');
    expect(file.ok && file.value).toMatchObject({ directory: false, entries: [{ name: 'a' }] });
  });

  it('touches: creates an empty file or moves the time on', () => {
    const files = fresh();
    expect(files.touch('/root/t', T0 + 1).ok).toBe(true);
    files.write('/root/t', 'keep', false, T0 + 2);
    files.touch('/root/t', T0 + 3);
    expect(files.read('/root/t')).toEqual({ ok: true, value: 'keep' });
    const stat = files.stat('/root/t');
    expect(stat.ok && stat.value.mtimeMs).toBe(T0 + 3);
  });

  it('refuses a file over the size limit and a disk over its limit', () => {
    const files = fresh();
    expect(files.write('/root/big', 'x'.repeat(MAX_FILE_BYTES + 1), false, T0)).toMatchObject({
      ok: false,
      error: 'EFBIG',
    });
    expect(files.exists('/root/big')).toBe(false);
    const chunk = 'y'.repeat(MAX_FILE_BYTES);
    const count = Math.floor(MAX_TOTAL_BYTES / MAX_FILE_BYTES);
    for (let i = 0; i < count - 1; i++)
      expect(files.write(`/root/f${i}`, chunk, false, T0).ok).toBe(true);
    expect(files.write('/root/last', chunk, false, T0)).toMatchObject({
      ok: false,
      error: 'ENOSPC',
    });
    // Freeing space makes room again.
    files.remove('/root/f0', false, T0);
    expect(files.write('/root/last', chunk, false, T0).ok).toBe(true);
  });

  it('round-trips through plain data', () => {
    const files = fresh();
    files.mkdir('/root/x', false, T0);
    files.write('/root/x/y', 'héllo', false, T0);
    const again = FileSystem.fromData(structuredClone(files.toData()));
    expect(again.read('/root/x/y')).toEqual({ ok: true, value: 'héllo' });
    expect(again.toData()).toEqual(files.toData());
  });

  it('dispatches requests by their op', () => {
    const files = fresh();
    expect(files.apply({ op: 'write', path: '/root/r', text: 'r', append: false }, T0).ok).toBe(
      true,
    );
    expect(files.apply({ op: 'read', path: '/root/r' }, T0)).toEqual({ ok: true, value: 'r' });
  });
});
