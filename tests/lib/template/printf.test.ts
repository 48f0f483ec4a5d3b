import { describe, expect, it } from 'vitest';
import { render } from './support';

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

describe('printf', () => {
  it.each(printfCases)('%j', (template, expected) => {
    expect(render(template, [1, 2])).toBe(expected);
  });
});
