import { describe, expect, it } from 'vitest';
import { ellipsis } from '../../../src/cli/format/ellipsis';

describe('formatter.Ellipsis', () => {
  it.each([
    ['short', 30, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    [
      'no suitable node (scheduling constraints not satisfied on 5 nodes)',
      30,
      'no suitable node (scheduling …',
    ],
    ['abc', 1, 'a'],
    ['abc', 0, ''],
    // Wide characters count two cells: 日本語 is six.
    ['日本語テキスト', 6, '日本…'],
    ['日本語', 6, '日本語'],
    ['café au lait', 6, 'café …'],
  ])('%s cut to %i', (text, max, expected) => {
    expect(ellipsis(text, max)).toBe(expected);
  });
});
