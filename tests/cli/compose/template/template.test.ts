import { describe, expect, it } from 'vitest';
import { InvalidTemplateError, substitute } from '../../../../src/cli/compose/template/template';

const env = new Map([
  ['FOO', 'first'],
  ['BAR', ''],
  ['lower', 'yes'],
]);
const mapping = (name: string): string | undefined => env.get(name);

describe('substitute, as docker/cli template.Substitute', () => {
  it.each([
    ['$FOO', 'first'],
    ['${FOO}', 'first'],
    ['x${FOO}y', 'xfirsty'],
    ['$$FOO', '$FOO'],
    ['$$', '$'],
    ['${lower}', 'yes'],
    ['${NOPE}', ''],
    ['${NOPE:-fallback}', 'fallback'],
    ['${BAR:-fallback}', 'fallback'],
    ['${BAR-fallback}', ''],
    ['${NOPE-fallback}', 'fallback'],
    ['${FOO:-fallback}', 'first'],
    ['${NOPE:-a:b-c}', 'a:b-c'],
    ['${BAR?msg}', ''],
    // An unbraced name takes a default up to the next brace, as Go's pattern does.
    ['$NOPE-default rest', 'default rest'],
    ['no variables', 'no variables'],
  ])('%s → %s', (template, expected) => {
    expect(substitute(template, mapping)).toBe(expected);
  });

  it.each([
    ['${NOPE:?must be set}', 'required variable NOPE is missing a value: must be set'],
    ['${BAR:?empty}', 'required variable BAR is missing a value: empty'],
    ['${NOPE?}', 'required variable NOPE is missing a value: '],
    ['$ FOO', '$ FOO'],
    ['${FOO', '${FOO'],
    ['${}', '${}'],
    ['cost: 5$', 'cost: 5$'],
  ])('%s fails with the template %s', (template, quoted) => {
    let thrown: unknown;
    try {
      substitute(template, mapping);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidTemplateError);
    expect(thrown instanceof InvalidTemplateError ? thrown.template : null).toBe(quoted);
  });

  it('keeps Go’s quirk: a later substitution clears an earlier error of the same string', () => {
    expect(substitute('${NOPE:?x} ${FOO}', mapping)).toBe(' first');
  });
});
