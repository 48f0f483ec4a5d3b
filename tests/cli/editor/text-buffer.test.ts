import { describe, expect, it } from 'vitest';
import {
  bufferFromText,
  deleteBackward,
  deleteForward,
  insertText,
  moveByWord,
  moveToLineEnd,
  moveVertically,
  textOfBuffer,
  type TextBuffer,
} from '../../../src/cli/editor/text-buffer';

const at = (text: string, row: number, column: number): TextBuffer => ({
  ...bufferFromText(text),
  row,
  column,
  goal: column,
});

describe('the editors’ text buffer', () => {
  it('reads and writes files line by line, an empty one as nothing', () => {
    expect(bufferFromText('a\nb\n').lines).toEqual(['a', 'b']);
    expect(bufferFromText('a\nb').lines).toEqual(['a', 'b']);
    expect(textOfBuffer(bufferFromText('a\nb'))).toBe('a\nb\n');
    expect(textOfBuffer(bufferFromText(''))).toBe('');
  });

  it('inserts a paste of several lines at the cursor, and joins lines at their ends', () => {
    const pasted = insertText(at('ab\n', 0, 1), 'x\r\ny\nz');
    expect(pasted.lines).toEqual(['ax', 'y', 'zb']);
    expect([pasted.row, pasted.column]).toEqual([2, 1]);
    expect(deleteBackward(at('ab\ncd\n', 1, 0)).lines).toEqual(['abcd']);
    expect(deleteForward(at('ab\ncd\n', 0, 2)).lines).toEqual(['abcd']);
    // Nothing to delete: the same buffer, so an editor knows nothing changed.
    const start = at('ab\n', 0, 0);
    expect(deleteBackward(start)).toBe(start);
  });

  it('keeps the column it wants through shorter lines, and the line end after $', () => {
    const down = moveVertically(moveVertically(at('long line\nx\nanother\n', 0, 6), 1), 1);
    expect([down.row, down.column]).toEqual([2, 6]);
    const ends = moveVertically(moveToLineEnd(at('ab\nlonger\n', 0, 0)), 1);
    expect(ends.column).toBe(6);
  });

  it('moves by words as vi does: words, punctuation runs, and across lines', () => {
    const columns = (text: string, forward: boolean, steps: number) => {
      let buffer = at(text, 0, forward ? 0 : Array.from(text.split('\n')[0] ?? '').length);
      const seen: [number, number][] = [];
      for (let step = 0; step < steps; step++) {
        buffer = moveByWord(buffer, forward);
        seen.push([buffer.row, buffer.column]);
      }
      return seen;
    };
    expect(columns('image: nginx:1.27\nports:\n', true, 5)).toEqual([
      [0, 5],
      [0, 7],
      [0, 12],
      [0, 13],
      [0, 14],
    ]);
    expect(columns('a b\nc\n', true, 2)).toEqual([
      [0, 2],
      [1, 0],
    ]);
    expect(columns('one two', false, 2)).toEqual([
      [0, 4],
      [0, 0],
    ]);
  });
});
