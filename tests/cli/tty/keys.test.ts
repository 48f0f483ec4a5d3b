import { describe, expect, it } from 'vitest';
import { splitKeys } from '../../../src/cli/tty/keys';

describe('splitKeys', () => {
  it.each([
    ['', []],
    ['abc', ['abc']],
    ['ab\rcd\r', ['ab', '\r', 'cd', '\r']],
    ['\x1b[A\x1b[B', ['\x1b[A', '\x1b[B']],
    ['\x1b[3~x', ['\x1b[3~', 'x']],
    ['\x1b[1;5D', ['\x1b[1;5D']],
    ['\x1bOH\x1bOF', ['\x1bOH', '\x1bOF']],
    ['\x1bb', ['\x1bb']],
    ['\x1b', ['\x1b']],
    ['a\x7f\x03', ['a', '\x7f', '\x03']],
    ['é😀b', ['é😀b']],
  ])('splits %j', (data, keys) => {
    expect(splitKeys(data)).toEqual(keys);
  });
});
