import { describe, expect, it } from 'vitest';
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

describe('Go built-in functions', () => {
  it.each(builtinCases)('%j', (template, data, expected) => {
    expect(render(template, data)).toBe(expected);
  });
});
