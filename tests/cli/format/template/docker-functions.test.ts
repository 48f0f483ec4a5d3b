import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HEADER_TEMPLATE_FUNCTIONS,
  goTypes,
  renderGoTemplate,
} from '../../../../src/cli/format/template/index';
import { utf8Length } from '../../../../src/lib/utf8';
import { render } from './support';

describe('docker functions', () => {
  it.each([
    ['{{json .}}', { b: [1, 'x'], a: { c: null } }, '{"b":[1,"x"],"a":{"c":null}}'],
    ['{{json .}}', { html: '<a>&</a>', line: '\u2028' }, '{"html":"<a>&</a>","line":"\\u2028"}'],
    ['{{json "x"}}', null, '"x"'],
    ['{{json .Missing}}', {}, 'null'],
    ['{{split "a,b,c" ","}}', null, '[a b c]'],
    ['{{split "" ","}}', null, '[]'],
    ['{{join (split "a,b" ",") "+"}}', null, 'a+b'],
    [
      '{{join . ","}}',
      ['a'],
      'ERROR: template: :1:7: executing "" at <.>: wrong type for value; expected []string; got []interface {}',
    ],
    ['{{title "hello wide-world"}}', null, 'Hello Wide-World'],
    ['{{upper "abc"}} {{lower "ABC"}}', null, 'ABC abc'],
    ['[{{pad "x" 2 3}}] [{{pad "" 2 3}}]', null, '[  x   ] []'],
    ['{{truncate "abcdef" 3}} {{truncate "ab" 3}} {{truncate "abc" 3}}', null, 'abc ab abc'],
    [
      '{{truncate "abc" "x"}}',
      null,
      'ERROR: template: :1:17: executing "" at <"x">: expected integer; found "x"',
    ],
    ['{{upper 3}}', null, 'ERROR: template: :1:8: executing "" at <3>: expected string; found 3'],
    [
      '{{upper}}',
      null,
      'ERROR: template: :1:2: executing "" at <upper>: wrong number of args for upper: want 1 got 0',
    ],
    ['{{"abc" | upper}}', null, 'ABC'],
    [
      '{{.ID | truncate 4}}',
      { ID: 'abcdef' },
      'ERROR: template: :1:17: executing "" at <4>: expected string; found 4',
    ],
  ] as const)('%j', (template, data, expected) => {
    expect(render(template, data)).toBe(expected);
  });

  it('leaves header names alone except for pad', () => {
    const header = { ID: 'ID', Name: 'NAME' };
    const type = goTypes.map(goTypes.string, goTypes.string, 'formatter.SubHeaderContext');
    const result = renderGoTemplate(
      '{{json .ID}}|{{lower .Name}}|{{truncate .ID 1}}|{{split .Name ","}}|{{pad .ID 1 1}}',
      header,
      { type, functions: HEADER_TEMPLATE_FUNCTIONS },
    );
    expect(result.ok && result.value).toBe('ID|NAME|ID|NAME| ID ');
  });

  it('pads by exactly the requested spaces (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(20), fc.nat(20), (text, left, right) => {
        const output = render('{{pad .S .L .R}}', { S: text, L: left, R: right }, padType);
        expect(output).toBe(' '.repeat(left) + text + ' '.repeat(right));
      }),
    );
  });

  it('truncates to a prefix of at most N bytes, and is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), fc.nat(30), (text, length) => {
        const once = render('{{truncate .S .N}}', { S: text, N: length }, truncateType);
        const twice = render('{{truncate .S .N}}', { S: once, N: length }, truncateType);
        expect(text.startsWith(once)).toBe(true);
        expect(utf8Length(once)).toBe(Math.min(length, utf8Length(text)));
        expect(twice).toBe(once);
      }),
    );
  });

  it('splits and joins back to the original (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(',', ':', '--'), (text, separator) => {
        expect(render('{{join (split .S .Sep) .Sep}}', { S: text, Sep: separator })).toBe(text);
      }),
    );
  });
});

const padType = goTypes.struct('T', { S: goTypes.string, L: goTypes.int, R: goTypes.int });
const truncateType = goTypes.struct('T', { S: goTypes.string, N: goTypes.int });
