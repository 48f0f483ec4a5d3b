/**
 * docker/cli's compose variable substitution (cli/compose/template/template.go, 27.5.1):
 * `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`, `${VAR?err}` and `$$`.
 */

/** A variable's value and whether it is set: an empty value is not an unset one. */
export type Mapping = (name: string) => string | undefined;

/** template.InvalidTemplateError; its `template` is what the interpolation error quotes. */
export class InvalidTemplateError extends Error {
  constructor(readonly template: string) {
    super(`Invalid template: ${template}`);
    this.name = 'InvalidTemplateError';
  }
}

/**
 * docker's defaultPattern: `\$(?i:(?P<escaped>\$)|(?P<named>SUBST)|{(?P<braced>SUBST)}|(?P<invalid>))`
 * with SUBST `[_a-z][_a-z0-9]*(?::?[-?][^}]*)?`. An unbraced name takes a default too, up to the
 * next `}`, as Go's does: `$A-b c` is `A` with the default `b c`.
 */
const SUBST = '[_a-z][_a-z0-9]*(?::?[-?][^}]*)?';
const PATTERN = new RegExp(`\\$(?:(\\$)|(${SUBST})|\\{(${SUBST})\\}|())`, 'gi');

type SubstituteResult =
  { readonly applied: false } | { readonly applied: true; readonly value: string };

type SubstituteFunc = (substitution: string, mapping: Mapping) => SubstituteResult;

/** strings.Cut: before and after the first `sep`, or the whole text and ''. */
function partition(text: string, sep: string): [string, string] {
  const at = text.indexOf(sep);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + sep.length)];
}

const NOT_APPLIED: SubstituteResult = { applied: false };

/** Falls back when the variable is unset or empty. */
function softDefault(substitution: string, mapping: Mapping): SubstituteResult {
  if (!substitution.includes(':-')) return NOT_APPLIED;
  const [name, fallback] = partition(substitution, ':-');
  const value = mapping(name);
  return { applied: true, value: value === undefined || value === '' ? fallback : value };
}

/** Falls back only when the variable is unset. */
function hardDefault(substitution: string, mapping: Mapping): SubstituteResult {
  if (!substitution.includes('-')) return NOT_APPLIED;
  const [name, fallback] = partition(substitution, '-');
  return { applied: true, value: mapping(name) ?? fallback };
}

function withRequired(
  substitution: string,
  mapping: Mapping,
  sep: string,
  valid: (value: string) => boolean,
): SubstituteResult {
  if (!substitution.includes(sep)) return NOT_APPLIED;
  const [name, message] = partition(substitution, sep);
  const value = mapping(name);
  if (value === undefined || !valid(value)) {
    throw new InvalidTemplateError(`required variable ${name} is missing a value: ${message}`);
  }
  return { applied: true, value };
}

const requiredNonEmpty: SubstituteFunc = (substitution, mapping) =>
  withRequired(substitution, mapping, ':?', (value) => value !== '');

const required: SubstituteFunc = (substitution, mapping) =>
  withRequired(substitution, mapping, '?', () => true);

/** DefaultSubstituteFuncs, in docker's order. */
const SUBSTITUTE_FUNCS: readonly SubstituteFunc[] = [
  softDefault,
  hardDefault,
  requiredNonEmpty,
  required,
];

/**
 * template.Substitute. Go's version keeps one `err` across the matches of one string and each
 * later match overwrites it, so an error is reported only if no later `$` substitution clears
 * it (`${A:?x} ${B}` with A unset substitutes without error). That is kept: it is what 27.5.1
 * does.
 */
export function substitute(template: string, mapping: Mapping): string {
  const state: { error: InvalidTemplateError | null } = { error: null };
  const result = template.replace(
    PATTERN,
    (
      _match,
      escaped: string | undefined,
      named: string | undefined,
      braced: string | undefined,
    ) => {
      if (escaped !== undefined) return escaped;
      const substitution = named ?? braced ?? '';
      if (substitution === '') {
        state.error = new InvalidTemplateError(template);
        return '';
      }
      for (const apply of SUBSTITUTE_FUNCS) {
        let outcome: SubstituteResult;
        try {
          outcome = apply(substitution, mapping);
          state.error = null;
        } catch (thrown) {
          if (!(thrown instanceof InvalidTemplateError)) throw thrown;
          state.error = thrown;
          return '';
        }
        if (outcome.applied) return outcome.value;
      }
      return mapping(substitution) ?? '';
    },
  );
  if (state.error !== null) throw state.error;
  return result;
}
