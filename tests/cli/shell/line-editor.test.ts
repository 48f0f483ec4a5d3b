import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitKeys } from '../../../src/cli/tty/keys';
import {
  insertText,
  lineText,
  pressKey,
  startLine,
  type EditorAction,
  type LineEditorState,
} from '../../../src/cli/shell/line-editor';
import { VirtualTerminal } from './virtual-terminal';

const left = '\x1b[D';
const right = '\x1b[C';
const up = '\x1b[A';
const down = '\x1b[B';

interface Typed {
  readonly state: LineEditorState;
  readonly output: string;
  readonly actions: readonly EditorAction['kind'][];
}

function type(
  data: string,
  options: { history?: readonly string[]; columns?: number; prompt?: string } = {},
): Typed {
  const start = startLine({
    prompt: options.prompt ?? '$ ',
    columns: options.columns ?? 80,
    history: options.history ?? [],
  });
  let state = start.state;
  let output = '';
  const actions: EditorAction['kind'][] = [];
  for (const key of splitKeys(data)) {
    const update = pressKey(state, key);
    state = update.state;
    output += update.output;
    if (update.action.kind !== 'none') actions.push(update.action.kind);
  }
  return { state, output, actions };
}

function line(data: string, history: readonly string[] = []): [string, number] {
  const { state } = type(data, { history });
  return [lineText(state), state.cursor];
}

describe('line editor keys', () => {
  it.each([
    ['abc', 'abc', 3],
    [`abc${left}${left}X`, 'aXbc', 2],
    [`abc${left}\x7f`, 'ac', 1],
    [`abc${left}${left}\x1b[3~`, 'ac', 1],
    [`abc\x01X`, 'Xabc', 1],
    [`abc\x01\x05X`, 'abcX', 4],
    [`abc\x1b[HX`, 'Xabc', 1],
    [`abc\x1bOH\x1bOFX`, 'abcX', 4],
    [`abc\x1b[1~X\x1b[4~Y`, 'XabcY', 5],
    [`abc\x02\x02\x06Z`, 'abZc', 3],
    [`docker node ls\x17`, 'docker node ', 12],
    [`docker node ls \x17`, 'docker node ', 12],
    [`abc def${left}${left}\x0b`, 'abc d', 5],
    [`abc def${left}${left}${left}\x15`, 'def', 0],
    [`abc def\x17\x01\x19 `, 'def abc ', 4],
    [`one two three\x1bb\x1bbX`, 'one Xtwo three', 5],
    [`one two three\x01\x1bfX`, 'oneX two three', 4],
    [`a-b c${left}\x1b\x7f`, 'a-c', 2],
    [`ab\x7f\x7f\x7f\x7f`, '', 0],
    [`ab${right}${right}`, 'ab', 2],
    [`ab\x04`, 'ab', 2],
    [`ab${left}\x04`, 'a', 1],
    ['a\x1b[1;5Db', 'ba', 1],
    ['a\x1b[99~b', 'ab', 2],
  ])('edits %j into %j', (keys, text, cursor) => {
    expect(line(keys)).toEqual([text, cursor]);
  });

  it('submits the line on Enter, whatever the cursor', () => {
    const typed = type(`echo hi${left}${left}\r`);
    expect(typed.actions).toEqual(['submit']);
    expect(typed.output.endsWith('\x1b[2C\r\n')).toBe(true);
  });

  it.each([
    ['\x03', ['interrupt']],
    ['abc\x03', ['interrupt']],
    ['\x04', ['end-of-file']],
    ['abc\x04', []],
    ['ab\t', ['complete']],
  ])('reports %j as %j', (keys, actions) => {
    expect(type(keys).actions).toEqual(actions);
  });

  it('echoes typing at the end of the line as the text alone', () => {
    expect(type('hello').output).toBe('hello');
  });

  it('redraws from the prompt when inserting in the middle', () => {
    expect(type(`ac${left}b`).output).toBe(`ac\x1b[1D\r$ abc\x1b[J\x1b[1D`);
  });

  it('shows control characters in caret notation', () => {
    const typed = type('');
    const update = insertText(typed.state, 'a\nb');
    expect(update.output).toBe('a^Jb');
    expect(lineText(update.state)).toBe('a\nb');
  });
});

describe('line editor history', () => {
  const history = ['one', 'two'];

  it('walks back and forth through history', () => {
    expect(line(up, history)).toEqual(['two', 3]);
    expect(line(`${up}${up}`, history)).toEqual(['one', 3]);
    expect(line(`${up}${up}${up}`, history)).toEqual(['one', 3]);
    expect(line(`${up}${up}${down}`, history)).toEqual(['two', 3]);
    expect(line(down, history)).toEqual(['', 0]);
    expect(line('\x10\x10\x0e', history)).toEqual(['two', 3]);
  });

  it('keeps the line being typed when coming back down', () => {
    expect(line(`draft${up}${up}${down}${down}`, history)).toEqual(['draft', 5]);
  });

  it('keeps edits made to a history line while browsing', () => {
    expect(line(`${up}${up}!${down}${up}`, history)).toEqual(['one!', 4]);
  });

  it('does not change the history itself', () => {
    const typed = type(`${up}changed`, { history });
    expect(typed.state.history).toEqual(['one', 'two']);
  });
});

describe('line editor wrapping', () => {
  it('moves to the next row when the text reaches the margin', () => {
    expect(type('abcdefgh', { columns: 10 }).output).toBe('abcdefgh\r\n');
  });

  it('moves across rows with relative cursor movement', () => {
    expect(type('abcdefghi\x01', { columns: 10 }).output).toBe('abcdefghi\x1b[1A\x1b[1C');
  });

  const keyChoices = fc.constantFrom(
    'a',
    'xyz',
    ' ',
    'long words here',
    left,
    right,
    up,
    down,
    '\x01',
    '\x05',
    '\x7f',
    '\x1b[3~',
    '\x15',
    '\x0b',
    '\x17',
    '\x19',
    '\x1bb',
    '\x1bf',
    '\x0c',
  );

  it('leaves screen and cursor exactly where the state says, for any keys and width', () => {
    fc.assert(
      fc.property(
        fc.array(keyChoices, { maxLength: 40 }),
        fc.integer({ min: 4, max: 24 }),
        fc.constantFrom('$ ', 'root@manager1:~# ', ''),
        (keys, columns, prompt) => {
          const history = ['short', 'a much longer history entry that wraps', ''];
          const screen = new VirtualTerminal(columns);
          const start = startLine({ prompt, columns, history });
          screen.write(start.output);
          let state = start.state;
          for (const key of keys) {
            const update = pressKey(state, key);
            state = update.state;
            screen.write(update.output);
          }
          const shown = prompt + lineText(state);
          const expectedRows: string[] = [];
          for (let offset = 0; offset < shown.length; offset += columns) {
            expectedRows.push(shown.slice(offset, offset + columns).replace(/\s+$/, ''));
          }
          while (expectedRows.length > 0 && expectedRows.at(-1) === '') expectedRows.pop();
          expect(screen.lines()).toEqual(expectedRows);
          const offset = prompt.length + state.cursor;
          expect([screen.row, screen.column]).toEqual([
            Math.floor(offset / columns),
            offset % columns,
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
