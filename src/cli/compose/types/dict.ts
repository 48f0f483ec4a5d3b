/**
 * A compose file as docker/cli holds it between parsing and loading: the `map[string]any` that
 * yaml.v2 decodes, with string keys. Integers and floats are both `number` (the schema checks
 * `integer` as a number without a fraction, as gojsonschema does after its JSON round trip).
 */
export type DictValue = string | number | boolean | null | readonly DictValue[] | Dict;

export interface Dict {
  readonly [key: string]: DictValue;
}

export function isDict(value: DictValue | undefined): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isList(value: DictValue | undefined): value is readonly DictValue[] {
  return Array.isArray(value);
}

/** Go's `fmt.Sprint` of a decoded YAML value, for the loader's `%v` texts. */
export function goSprint(value: DictValue): string {
  if (value === null) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return goFloatText(value);
  if (isList(value)) return `[${value.map(goSprint).join(' ')}]`;
  const keys = Object.keys(value).sort();
  return `map[${keys.map((key) => `${key}:${goSprint(value[key] ?? null)}`).join(' ')}]`;
}

/** `%v` of an int or float64: integers plainly, floats in the shortest form with Go's exponents. */
function goFloatText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  if (exponent < -4 || exponent >= 21) {
    const [mantissa = '', power = '0'] = value.toExponential().split('e');
    const sign = power.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${power.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  return String(value);
}

/** Sets `key` as an own property even when it is `__proto__`, as a Go map would hold it. */
export function setEntry(target: Record<string, DictValue>, key: string, value: DictValue): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A parsed JSON document (a bundled schema) as a dict value, checked rather than cast. */
export function fromJson(value: unknown): DictValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => fromJson(item));
  if (typeof value === 'object') {
    const out: Record<string, DictValue> = {};
    for (const [key, item] of Object.entries(value)) setEntry(out, key, fromJson(item));
    return out;
  }
  return null;
}
