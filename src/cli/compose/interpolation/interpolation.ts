/**
 * docker/cli's cli/compose/interpolation (27.5.1): substitutes variables in every string of a
 * compose dict, then casts the strings at known paths (loader/interpolate.go) back to the type
 * the schema expects, so `replicas: ${N}` validates as an integer.
 */
import { ComposeError } from '../errors';
import { goQuote } from '../../../lib/template/quote';
import { InvalidTemplateError, substitute, type Mapping } from '../template/template';
import { isDict, isList, type Dict, type DictValue } from '../types/dict';

/** A dotted path; `*` matches any key, `[]` stands for every item of a list. */
export type Path = string;

export const PATH_MATCH_ALL = '*';
export const PATH_MATCH_LIST = '[]';

/** A cast that throws an Error whose message is Go's text. */
export type Cast = (value: string) => DictValue;

export interface InterpolateOptions {
  readonly lookupValue: Mapping;
  readonly typeCastMapping: ReadonlyMap<Path, Cast>;
}

/** The error `docker stack deploy` prints for a bad substitution or cast. */
export class InterpolationError extends ComposeError {}

function matches(path: Path, pattern: Path): boolean {
  const patternParts = pattern.split('.');
  const parts = path.split('.');
  if (patternParts.length !== parts.length) return false;
  return parts.every((part, index) => {
    const wanted = patternParts[index];
    return wanted === PATH_MATCH_ALL || wanted === part;
  });
}

function casterFor(options: InterpolateOptions, path: Path): Cast | undefined {
  for (const [pattern, cast] of options.typeCastMapping) {
    if (matches(path, pattern)) return cast;
  }
  return undefined;
}

function pathError(path: Path, error: unknown): InterpolationError {
  if (error instanceof InvalidTemplateError) {
    return new InterpolationError(
      `invalid interpolation format for ${path}: ${goQuote(error.template)}; you may need to escape any $ with another $`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new InterpolationError(`error while interpolating ${path}: ${message}`);
}

function interpolateValue(value: DictValue, path: Path, options: InterpolateOptions): DictValue {
  if (typeof value === 'string') {
    let next: string;
    try {
      next = substitute(value, options.lookupValue);
    } catch (error) {
      throw pathError(path, error);
    }
    // docker casts only a string that substitution changed: a literal `replicas: "3"` stays a
    // string and fails validation.
    if (next === value) return value;
    const cast = casterFor(options, path);
    if (cast === undefined) return next;
    try {
      return cast(next);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw pathError(path, new Error(`failed to cast to expected type: ${message}`));
    }
  }
  if (isList(value)) {
    return value.map((item) => interpolateValue(item, `${path}.${PATH_MATCH_LIST}`, options));
  }
  if (isDict(value)) return interpolateDict(value, path, options);
  return value;
}

function interpolateDict(dict: Dict, prefix: Path | null, options: InterpolateOptions): Dict {
  const out: Record<string, DictValue> = {};
  for (const [key, value] of Object.entries(dict)) {
    out[key] = interpolateValue(value, prefix === null ? key : `${prefix}.${key}`, options);
  }
  return out;
}

/** interpolation.Interpolate. */
export function interpolate(config: Dict, options: InterpolateOptions): Dict {
  return interpolateDict(config, null, options);
}
