import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HEADER_TEMPLATE_FUNCTIONS,
  goTypes,
  renderGoTemplate,
} from '../../../../src/cli/format/template/index';
import { utf8Length } from '../../../../src/cli/format/template/utf8';
import { render } from './support';

const builtinCases: readonly (readonly [string, unknown, string])[] = [
  ['{{and 1 0 2}}', null, '0'],
  ['{{and 1 2}}', null, '2'],
  ['{{or 0 "" "x"}}', null, 'x'],
  ['{{or 0 ""}}', null, ''],
  ['{{and 0 .Missing.Deeper}}', {}, '0'],
  ['{{not 0}} {{not "x"}}', null, 'true false'],
  [
    '{{and}}',
    null,
    'ERROR: template: :1:2: executing "" at <and>: wrong number of args for and: want at least 1 got 0',
  ],
  [
    '{{not 1 2}}',
    null,
    'ERROR: template: :1:2: executing "" at <not>: wrong number of args for not: want 1 got 2',
  ],
  ['{{len .}}', [1, 2, 3], '3'],
  ['{{len "héllo"}}', null, '6'],
  ['{{len .}}', { a: 1 }, '1'],
  [
    '{{len 3}}',
    null,
    'ERROR: template: :1:2: executing "" at <len 3>: error calling len: len of type int',
  ],
  ['{{index . 1}}', ['a', 'b'], 'b'],
  ['{{index . "k"}}', { k: 'v' }, 'v'],
  ['{{index . "nope"}}', { k: 'v' }, '<no value>'],
  ['{{index . 0 1}}', [['x', 'y']], 'y'],
  ['{{index "abc" 1}}', null, '98'],
  [
    '{{index . 2}}',
    ['a', 'b'],
    'ERROR: template: :1:2: executing "" at <index . 2>: error calling index: reflect: slice index out of range',
  ],
  [
    '{{index . 5}}',
    ['a', 'b'],
    'ERROR: template: :1:2: executing "" at <index . 5>: error calling index: index out of range: 5',
  ],
  [
    '{{index . -1}}',
    ['a'],
    'ERROR: template: :1:2: executing "" at <index . -1>: error calling index: index out of range: -1',
  ],
  [
    '{{index . "x"}}',
    ['a'],
    'ERROR: template: :1:2: executing "" at <index . "x">: error calling index: cannot index slice/array with type string',
  ],
  [
    '{{index .Missing 1}}',
    {},
    'ERROR: template: :1:2: executing "" at <index .Missing 1>: error calling index: index of untyped nil',
  ],
  [
    '{{index 3 1}}',
    null,
    'ERROR: template: :1:2: executing "" at <index 3 1>: error calling index: can\'t index item of type int',
  ],
  ['{{slice "hello" 1 3}} {{slice "hello" 2}} {{slice .}}', [1, 2], 'el llo [1 2]'],
  ['{{slice . 1 2}}', [1, 2, 3], '[2]'],
  [
    '{{slice . 2 1}}',
    [1, 2, 3],
    'ERROR: template: :1:2: executing "" at <slice . 2 1>: error calling slice: invalid slice index: 2 > 1',
  ],
  [
    '{{slice 3 1}}',
    null,
    'ERROR: template: :1:2: executing "" at <slice 3 1>: error calling slice: can\'t slice item of type int',
  ],
  ['{{print "a" "b" 1 2 "c" 3.5 true}}', null, 'ab1 2c3.5 true'],
  ['{{print .Missing}}', {}, '<nil>'],
  ['{{println "a" 1}}', null, 'a 1\n'],
  ['{{html "<a href=\'x\'>&"}}', null, '&lt;a href=&#39;x&#39;&gt;&amp;'],
  ['{{js "it\'s <b>"}}', null, "it\\'s \\u003Cb\\u003E"],
  ['{{urlquery "a b&c=d/é"}}', null, 'a+b%26c%3Dd%2F%C3%A9'],
  ['{{eq 1 1}} {{eq 1 2 3 1}} {{eq "a" "b"}} {{ne 1 2}}', null, 'true true false true'],
  ['{{eq .Missing "x"}}', {}, 'false'],
  [
    '{{eq 1 1.0}}',
    null,
    'ERROR: template: :1:2: executing "" at <eq 1 1.0>: error calling eq: incompatible types for comparison',
  ],
  [
    '{{eq 1}}',
    null,
    'ERROR: template: :1:2: executing "" at <eq 1>: error calling eq: missing argument for comparison',
  ],
  ['{{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1.5 2.5}}', null, 'true true true false'],
  [
    '{{lt true false}}',
    null,
    'ERROR: template: :1:2: executing "" at <lt true false>: error calling lt: invalid type for comparison',
  ],
  [
    '{{lt 1 "a"}}',
    null,
    'ERROR: template: :1:2: executing "" at <lt 1 "a">: error calling lt: incompatible types for comparison',
  ],
  [
    '{{eq . .}}',
    [1],
    'ERROR: template: :1:2: executing "" at <eq . .>: error calling eq: non-comparable type [1]: []interface {}',
  ],
];

const printfCases: readonly (readonly [string, string])[] = [
  ['{{printf "%s|%v|%q" "a" "b" "c"}}', 'a|b|"c"'],
  [
    '{{printf "%d|%5d|%-5d|%05d|%+d|%x|%X|%o|%b|%c" 42 42 42 42 42 255 255 8 5 65}}',
    '42|   42|42   |00042|+42|ff|FF|10|101|A',
  ],
  [
    '{{printf "%f|%.2f|%8.3f|%e|%g|%v" 3.14159 3.14159 3.14159 1234.5678 0.000012345 2.5}}',
    '3.141590|3.14|   3.142|1.234568e+03|1.2345e-05|2.5',
  ],
  ['{{printf "%t|%v" true false}}', 'true|false'],
  ['{{printf "%q" 65}}', "'A'"],
  ['{{printf "%x" "hi"}}', '6869'],
  ['{{printf "%10s|%-10s|%.2s" "right" "left" "truncate"}}', '     right|left      |tr'],
  ['{{printf "%d" "x"}}', '%!d(string=x)'],
  ['{{printf "%s" 5}}', '%!s(int=5)'],
  ['{{printf "%s"}}', '%!s(MISSING)'],
  ['{{printf "%d" 1 2}}', '1%!(EXTRA int=2)'],
  ['{{printf "100%%"}}', '100%'],
  ['{{printf "%"}}', '%!(NOVERB)'],
  ['{{printf "%v" nil}}', '<nil>'],
  ['{{printf "%d" nil}}', '%!d(<nil>)'],
  ['{{printf "%T %T" 1 "s"}}', 'int string'],
  ['{{printf "%d" .}}', '[1 2]'],
];

describe('Go built-in functions', () => {
  it.each(builtinCases)('%j', (template, data, expected) => {
    expect(render(template, data)).toBe(expected);
  });
});

describe('printf', () => {
  it.each(printfCases)('%j', (template, expected) => {
    expect(render(template, [1, 2])).toBe(expected);
  });
});

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
