import { describe, expect, it } from 'vitest';
import { baseName, parentPath, resolvePath } from '../../../src/lib/filesystem';

describe('paths', () => {
  it.each([
    ['a', '/root', '/root/a'],
    ['./a/../b/', '/root', '/root/b'],
    ['/x//y/.', '/root', '/x/y'],
    ['../../..', '/root', '/'],
    ['', '/root', '/root'],
  ])('resolves %j in %s to %s', (path, cwd, expected) => {
    expect(resolvePath(path, cwd)).toBe(expected);
  });

  it('splits parent and base name', () => {
    expect(parentPath('/root/a')).toBe('/root');
    expect(parentPath('/')).toBe('/');
    expect(baseName('/root/a/')).toBe('a');
  });
});
