import { describe, expect, it } from 'vitest';
import { parseYAML, resolvePlain } from '../../../../src/cli/compose/loader/parse-yaml';

function failure(text: string): string {
  try {
    parseYAML(text);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'no error';
}

describe('parseYAML, as yaml.v2 decodes a compose file', () => {
  it.each([
    ['yes', true],
    ['On', true],
    ['y', true],
    ['n', false],
    ['off', false],
    ['~', null],
    ['', null],
    ['0755', 493],
    ['0x1F', 31],
    ['1_000', 1000],
    ['-12', -12],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['.inf', Infinity],
    // Base 60 is not a number in yaml.v2, and a timestamp stays a string in an interface{}.
    ['80:80', '80:80'],
    ['2001-12-14', '2001-12-14'],
    ['nginx', 'nginx'],
    ['1.2.3', '1.2.3'],
  ])('plain %j is %j', (text, value) => {
    expect(resolvePlain(text)).toBe(value);
  });

  it('keeps quoted scalars as strings, merges <<, and lets a repeated key win', () => {
    const text = [
      'x-base: &base {image: nginx, replicas: 2}',
      'services:',
      '  web:',
      '    <<: *base',
      '    command: "yes"',
      '    replicas: 3',
      '    replicas: 4',
      '',
    ].join('\n');
    expect(parseYAML(text)).toEqual({
      'x-base': { image: 'nginx', replicas: 2 },
      services: { web: { image: 'nginx', replicas: 4, command: 'yes' } },
    });
  });

  // Each text is what the oracle printed, checked against yaml.v2's line rule where it differs.
  it.each([
    [
      'services:\n\tweb:\n    image: nginx\n',
      'yaml: line 2: found character that cannot start any token',
    ],
    [
      'services:\n  web:\n    image: nginx\n   ports: []\n',
      // yaml.v2 names the 0-based line of the stray key; yaml.v3 (28.x) says line 1.
      'yaml: line 3: did not find expected key',
    ],
    [
      'services:\n  web:\n    image: nginx\n      ports: []\n',
      'yaml: line 4: mapping values are not allowed in this context',
    ],
    ['a: b: c\n', 'yaml: mapping values are not allowed in this context'],
    ['a: [1, 2\n', "yaml: line 1: did not find expected ',' or ']'"],
    ['a: {b: 1\n', "yaml: line 1: did not find expected ',' or '}'"],
    ['a: *nope\n', "yaml: unknown anchor 'nope' referenced"],
    ['', 'top-level object must be a mapping'],
    ['- a\n- b\n', 'top-level object must be a mapping'],
    // 28.x (yaml.v3) no longer checks keys and fails later, in JSON.
    ['services:\n  80:\n    image: nginx\n', 'non-string key in services: 80'],
    ['yes: 1\n', 'non-string key at top level: true'],
  ])('%j fails with %j', (text, message) => {
    expect(failure(text)).toBe(message);
  });
});
