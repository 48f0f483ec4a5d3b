import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src/cli/format/display-width';
import { DOCKER_TABLE_OPTIONS, TabWriter } from '../../../src/cli/format/tabwriter';

interface Case {
  readonly name: string;
  readonly minWidth: number;
  readonly tabWidth: number;
  readonly padding: number;
  readonly padChar: string;
  readonly source: string;
  readonly expected: string;
}

/** Go's own text/tabwriter table (tabwriter_test.go), restricted to the no-flags cases. */
const goCases: readonly Case[] = [
  { name: '1a', minWidth: 8, tabWidth: 0, padding: 1, padChar: '.', source: '', expected: '' },
  {
    name: '2',
    minWidth: 8,
    tabWidth: 0,
    padding: 1,
    padChar: '.',
    source: '\n\n\n',
    expected: '\n\n\n',
  },
  {
    name: '3',
    minWidth: 8,
    tabWidth: 0,
    padding: 1,
    padChar: '.',
    source: 'a\nb\nc',
    expected: 'a\nb\nc',
  },
  { name: '4a', minWidth: 8, tabWidth: 0, padding: 1, padChar: '.', source: '\t', expected: '' },
  {
    name: '5',
    minWidth: 8,
    tabWidth: 0,
    padding: 1,
    padChar: '.',
    source: '*\t*',
    expected: '*.......*',
  },
  {
    name: '5b',
    minWidth: 8,
    tabWidth: 0,
    padding: 1,
    padChar: '.',
    source: '*\t*\n',
    expected: '*.......*\n',
  },
  {
    name: '5c',
    minWidth: 8,
    tabWidth: 0,
    padding: 1,
    padChar: '.',
    source: '*\t*\t',
    expected: '*.......*',
  },
  {
    name: '6',
    minWidth: 8,
    tabWidth: 0,
    padding: 1,
    padChar: '.',
    source: '\t\n',
    expected: '........\n',
  },
  {
    name: '7a',
    minWidth: 8,
    tabWidth: 0,
    padding: 1,
    padChar: '.',
    source: 'a) foo',
    expected: 'a) foo',
  },
  {
    name: '7b',
    minWidth: 8,
    tabWidth: 0,
    padding: 1,
    padChar: ' ',
    source: 'b) foo\tbar',
    expected: 'b) foo  bar',
  },
  {
    name: '7c',
    minWidth: 8,
    tabWidth: 0,
    padding: 1,
    padChar: '.',
    source: 'c) foo\tbar\t',
    expected: 'c) foo..bar',
  },
  {
    name: '7d',
    minWidth: 8,
    tabWidth: 0,
    padding: 1,
    padChar: '.',
    source: 'd) foo\tbar\n',
    expected: 'd) foo..bar\n',
  },
  {
    name: '7e',
    minWidth: 8,
    tabWidth: 0,
    padding: 1,
    padChar: '.',
    source: 'e) foo\tbar\t\n',
    expected: 'e) foo..bar.....\n',
  },
  {
    name: '8',
    minWidth: 8,
    tabWidth: 0,
    padding: 1,
    padChar: '*',
    source: 'Hello, world!\n',
    expected: 'Hello, world!\n',
  },
  {
    name: '9a',
    minWidth: 1,
    tabWidth: 0,
    padding: 0,
    padChar: '.',
    source: '1\t2\t3\t4\n11\t222\t3333\t44444\n',
    expected: '1.2..3...4\n11222333344444\n',
  },
  {
    name: '9c form feed flushes',
    minWidth: 1,
    tabWidth: 0,
    padding: 0,
    padChar: '.',
    source: '1\t2\t3\t4\f11\t222\t3333\t44444\n',
    expected: '1234\n11222333344444\n',
  },
  {
    name: '10a',
    minWidth: 5,
    tabWidth: 0,
    padding: 0,
    padChar: '.',
    source: '1\t2\t3\t4\n',
    expected: '1....2....3....4\n',
  },
  {
    name: '10b',
    minWidth: 5,
    tabWidth: 0,
    padding: 0,
    padChar: '.',
    source: '1\t2\t3\t4\t\n',
    expected: '1....2....3....4....\n',
  },
  {
    name: '12b',
    minWidth: 2,
    tabWidth: 0,
    padding: 0,
    padChar: ' ',
    source: 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n',
    expected: 'a  b  c\naa bbbcccc\naaabbbb\n',
  },
  {
    name: '12c',
    minWidth: 8,
    tabWidth: 0,
    padding: 1,
    padChar: '_',
    source: 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n',
    expected: 'a_______b_______c\naa______bbb_____cccc\naaa_____bbbb\n',
  },
  {
    name: '13a',
    minWidth: 4,
    tabWidth: 0,
    padding: 1,
    padChar: '-',
    source:
      '4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n' +
      '666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    expected:
      '4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n' +
      '666666-666666-666666----4444\n1------1------999999999-0000000000\n',
  },
  {
    name: '13b',
    minWidth: 4,
    tabWidth: 0,
    padding: 3,
    padChar: '.',
    source:
      '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n' +
      '666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    expected:
      '4444........333...22...1...333\n999999999...22\n7...........22\n' +
      '....................88888888\n\n666666...666666...666666......4444\n' +
      '1........1........999999999...0000000000\n',
  },
  {
    name: '15a',
    minWidth: 4,
    tabWidth: 0,
    padding: 0,
    padChar: '.',
    source: 'a\t\tb',
    expected: 'a.......b',
  },
  {
    name: '16a tab padding',
    minWidth: 100,
    tabWidth: 100,
    padding: 0,
    padChar: '\t',
    source: 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
    expected: 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
  },
  {
    // docker's fork counts display cells (go-runewidth), so 本 is two cells wide where Go's
    // own package counts one rune.
    name: '11 wide characters',
    minWidth: 8,
    tabWidth: 0,
    padding: 1,
    padChar: '.',
    source: '本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n',
    expected: '本......b.......c\naa......本本本..cccc....ddddd\naaa.....bbbb\n',
  },
];

function render(testCase: Case, chunks: readonly string[]): string {
  const writer = new TabWriter(testCase);
  for (const chunk of chunks) writer.write(chunk);
  return writer.flush();
}

function fibonacciChunks(text: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  let size = 0;
  while (start < text.length) {
    chunks.push(text.slice(start, start + size));
    start += size;
    size = Math.min(size + 1, text.length - start);
  }
  return chunks;
}

describe('TabWriter', () => {
  describe.each(goCases)('case $name', (testCase) => {
    it('matches when written at once', () => {
      expect(render(testCase, [testCase.source])).toBe(testCase.expected);
    });
    it('matches when written one character at a time', () => {
      expect(render(testCase, Array.from(testCase.source))).toBe(testCase.expected);
    });
    it('matches when written in growing slices', () => {
      expect(render(testCase, fibonacciChunks(testCase.source))).toBe(testCase.expected);
    });
  });

  it('lays out a docker table with minwidth 10 and padding 3', () => {
    const writer = new TabWriter(DOCKER_TABLE_OPTIONS);
    writer.write('ID\tNAME\tMODE\tREPLICAS\n');
    writer.write('kz3t4fw8qx1z\tweb\treplicated\t3/3\n');
    expect(writer.flush()).toBe(
      'ID             NAME      MODE         REPLICAS\n' +
        'kz3t4fw8qx1z   web       replicated   3/3\n',
    );
  });

  it('pads an empty middle cell, leaving trailing spaces before an empty last cell', () => {
    const writer = new TabWriter(DOCKER_TABLE_OPTIONS);
    writer.write('NAME\tERROR\tPORTS\n');
    writer.write('web.1\t\t\n');
    expect(writer.flush()).toBe('NAME      ERROR     PORTS\nweb.1               \n');
  });

  it('ends a column block at a line without tabs (Go column blocks)', () => {
    const writer = new TabWriter(DOCKER_TABLE_OPTIONS);
    writer.write('a-very-long-first-cell\tx\nplain line\nb\ty\n');
    expect(writer.flush()).toBe('a-very-long-first-cell   x\nplain line\nb         y\n');
  });

  it('ends a column block at a line with fewer cells', () => {
    const writer = new TabWriter({ minWidth: 0, tabWidth: 0, padding: 1, padChar: '.' });
    writer.write('aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n');
    // b and c are in distinct column blocks because the third line has no second column.
    expect(writer.flush()).toBe('aaaa.bbb.d\naa...b...dd\na....\naa...cccc.eee\n');
  });

  it('starts afresh after a flush', () => {
    const writer = new TabWriter(DOCKER_TABLE_OPTIONS);
    writer.write('long-long-long-cell\tx\n');
    writer.flush();
    writer.write('a\tb\n');
    expect(writer.flush()).toBe('a         b\n');
  });

  it('rejects negative settings', () => {
    expect(() => new TabWriter({ ...DOCKER_TABLE_OPTIONS, padding: -1 })).toThrow(RangeError);
  });

  it('aligns every tab-terminated column to the same display width (property)', () => {
    const cellText = fc.string({
      unit: fc.constantFrom('a', 'b', 'Z', '-', '本', 'é'),
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(cellText, { minLength: 4, maxLength: 4 }), {
          minLength: 1,
          maxLength: 6,
        }),
        (columns, rows) => {
          const writer = new TabWriter(DOCKER_TABLE_OPTIONS);
          for (const row of rows) writer.write(`${row.slice(0, columns).join('\t')}\tend\n`);
          const lines = writer.flush().split('\n').slice(0, -1);
          const lastCellStart = lines.map((line) => displayWidth(line.slice(0, -'end'.length)));
          expect(new Set(lastCellStart).size).toBe(1);
          expect(lastCellStart[0]).toBe(expectedWidthSum(rows, columns));
        },
      ),
    );
  });

  it('never adds tab characters with a space pad character (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\t', '\n', ' ', 'x') }), (text) => {
        const writer = new TabWriter(DOCKER_TABLE_OPTIONS);
        writer.write(text);
        const output = writer.flush();
        expect(output).not.toContain('\t');
        expect(output.split('\n').length).toBe(text.split('\n').length);
      }),
    );
  });

  it('leaves text without tabs unchanged (property)', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !/[\t\v\f]/.test(text)),
        (text) => {
          const writer = new TabWriter(DOCKER_TABLE_OPTIONS);
          writer.write(text);
          expect(writer.flush()).toBe(text);
        },
      ),
    );
  });
});

/** Naive model: every column is max(10, widest + 3) wide when all rows have the same shape. */
function expectedWidthSum(rows: readonly (readonly string[])[], columns: number): number {
  let sum = 0;
  for (let column = 0; column < columns; column++) {
    const widest = Math.max(...rows.map((row) => displayWidth(row[column] ?? '')));
    sum += Math.max(10, widest + 3);
  }
  return sum;
}
