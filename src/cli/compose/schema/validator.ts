/**
 * The part of gojsonschema (xeipuuv/gojsonschema, as docker/cli 27.5.1 vendors it) that the
 * compose schemas use: draft-04 `type`, `properties`, `patternProperties`,
 * `additionalProperties`, `required`, `items`, `uniqueItems`, `enum`, `minimum`, `format`,
 * `oneOf`, `anyOf` and `$ref` to `#/definitions/…`. It walks the document in gojsonschema's
 * order and keeps its score, because docker's message is chosen from gojsonschema's list of
 * errors (the deepest, ties to an invalid type, and for oneOf/anyOf the error after it: the
 * closest branch's, picked by that score). Go iterates maps in random order; this walks them in
 * the order the file and the schema write them, one of the orders Go may take.
 */
import { isDict, isList, type Dict, type DictValue } from '../types/dict';

export type ErrorType =
  | 'invalid_type'
  | 'required'
  | 'number_any_of'
  | 'number_one_of'
  | 'enum'
  | 'unique'
  | 'additional_property_not_allowed'
  | 'format'
  | 'number_gte';

export interface ResultError {
  readonly type: ErrorType;
  /** The context without `(root).`, as gojsonschema's Field(). */
  readonly field: string;
  readonly description: string;
  /** For `invalid_type`: the expected type as gojsonschema writes it (`[string,number]`). */
  readonly expected?: string;
}

interface SubSchema {
  readonly ref?: string;
  readonly types: readonly string[];
  readonly properties: readonly (readonly [string, SubSchema])[];
  readonly patternProperties: readonly (readonly [RegExp, SubSchema])[];
  /** `false`, a schema, or absent (anything goes). */
  readonly additionalProperties?: false | SubSchema;
  readonly required: readonly string[];
  readonly items?: SubSchema;
  readonly uniqueItems: boolean;
  readonly enumValues?: readonly string[];
  readonly minimum?: number;
  readonly format?: string;
  readonly oneOf: readonly SubSchema[];
  readonly anyOf: readonly SubSchema[];
}

export type FormatChecker = (value: DictValue) => boolean;

export interface CompiledSchema {
  readonly root: SubSchema;
  readonly definitions: ReadonlyMap<string, SubSchema>;
  readonly formats: ReadonlyMap<string, FormatChecker>;
}

function asDict(value: DictValue | undefined): Dict {
  return isDict(value) ? value : {};
}

function compile(node: DictValue | undefined): SubSchema {
  const schema = asDict(node);
  const type = schema['type'];
  const types = typeof type === 'string' ? [type] : isList(type) ? type.map(String) : [];
  const additional = schema['additionalProperties'];
  const items = schema['items'];
  const enumValues = schema['enum'];
  const minimum = schema['minimum'];
  const format = schema['format'];
  const ref = schema['$ref'];
  const required = schema['required'];
  const oneOf = schema['oneOf'];
  const anyOf = schema['anyOf'];
  return {
    ...(typeof ref === 'string' ? { ref } : {}),
    types,
    properties: Object.entries(asDict(schema['properties'])).map(
      ([name, child]) => [name, compile(child)] as const,
    ),
    patternProperties: Object.entries(asDict(schema['patternProperties'])).map(
      ([pattern, child]) => [new RegExp(pattern, 'u'), compile(child)] as const,
    ),
    ...(additional === false ? { additionalProperties: false as const } : {}),
    ...(isDict(additional) ? { additionalProperties: compile(additional) } : {}),
    required: isList(required) ? required.map(String) : [],
    ...(isDict(items) ? { items: compile(items) } : {}),
    uniqueItems: schema['uniqueItems'] === true,
    ...(isList(enumValues) ? { enumValues: enumValues.map((value) => JSON.stringify(value)) } : {}),
    ...(typeof minimum === 'number' ? { minimum } : {}),
    ...(typeof format === 'string' ? { format } : {}),
    oneOf: isList(oneOf) ? oneOf.map(compile) : [],
    anyOf: isList(anyOf) ? anyOf.map(compile) : [],
  };
}

/** Compiles a draft-04 schema document whose `$ref`s all point into its `definitions`. */
export function compileSchema(
  document: Dict,
  formats: ReadonlyMap<string, FormatChecker>,
): CompiledSchema {
  const definitions = new Map<string, SubSchema>();
  const collect = (prefix: string, node: DictValue | undefined): void => {
    for (const [name, child] of Object.entries(asDict(node))) {
      const path = `${prefix}/${name}`;
      definitions.set(path, compile(child));
      // `#/definitions/constraints/service` nests one level deeper.
      if (isDict(child) && !('type' in child) && !('$ref' in child)) collect(path, child);
    }
  };
  collect('#/definitions', document['definitions']);
  return { root: compile(document), definitions, formats };
}

class Result {
  readonly errors: ResultError[] = [];
  score = 0;
  valid(): boolean {
    return this.errors.length === 0;
  }
  add(error: ResultError): void {
    this.errors.push(error);
    // -2, so that with the +1 every validation step ends with the net is -1, as gojsonschema.
    this.score -= 2;
  }
  merge(other: Result): void {
    this.errors.push(...other.errors);
    this.score += other.score;
  }
  increment(): void {
    this.score++;
  }
}

type Context = readonly string[];

function fieldOf(context: Context): string {
  return context.length === 0 ? '(root)' : context.join('.');
}

/** gojsonschema's JSON type of a decoded value: `integer` for a number with no fraction. */
function givenType(value: DictValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  return isList(value) ? 'array' : 'object';
}

function typeAllowed(types: readonly string[], given: string): boolean {
  if (types.length === 0 || types.includes(given)) return true;
  return given === 'integer' && types.includes('number');
}

/** Go's `json.Marshal` of a decoded value, map keys sorted, for `enum` and `uniqueItems`. */
function canonicalJson(value: DictValue): string {
  if (isList(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isDict(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] ?? null)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

class Validator {
  constructor(private readonly schema: CompiledSchema) {}

  private error(
    result: Result,
    type: ErrorType,
    context: Context,
    description: string,
    expected?: string,
  ): void {
    result.add({
      type,
      field: fieldOf(context),
      description,
      ...(expected === undefined ? {} : { expected }),
    });
  }

  sub(schema: SubSchema, value: DictValue, context: Context): Result {
    const result = new Result();
    this.recurse(schema, value, result, context);
    return result;
  }

  recurse(schema: SubSchema, value: DictValue, result: Result, context: Context): void {
    if (schema.ref !== undefined) {
      const target = this.schema.definitions.get(schema.ref);
      if (target !== undefined) this.recurse(target, value, result, context);
      return;
    }
    const given = givenType(value);
    if (!typeAllowed(schema.types, given)) {
      const expected =
        schema.types.length > 1 ? `[${schema.types.join(',')}]` : (schema.types[0] ?? '');
      this.error(
        result,
        'invalid_type',
        context,
        `Invalid type. Expected: ${expected}, given: ${given}`,
        expected,
      );
      return;
    }
    this.validateSchema(schema, value, result, context);
    if (typeof value === 'number') this.validateNumber(schema, value, result, context);
    if (isList(value)) this.validateArray(schema, value, result, context);
    if (isDict(value)) this.validateObject(schema, value, result, context);
    this.validateCommon(schema, value, result, context);
    if (typeof value === 'string') this.validateString(schema, value, result, context);
    if (isDict(value)) {
      for (const [name, child] of schema.properties) {
        const next = value[name];
        if (next !== undefined) this.recurse(child, next, result, [...context, name]);
      }
    }
    result.increment();
  }

  private validateSchema(
    schema: SubSchema,
    value: DictValue,
    result: Result,
    context: Context,
  ): void {
    if (schema.anyOf.length > 0) {
      let best: Result | null = null;
      let validated = false;
      for (const branch of schema.anyOf) {
        const outcome = this.sub(branch, value, context);
        if (outcome.valid()) {
          validated = true;
          break;
        }
        if (best === null || outcome.score > best.score) best = outcome;
      }
      if (!validated) {
        this.error(result, 'number_any_of', context, 'Must validate at least one schema (anyOf)');
        if (best !== null) result.merge(best);
      }
    }
    if (schema.oneOf.length > 0) {
      let validCount = 0;
      let best: Result | null = null;
      for (const branch of schema.oneOf) {
        const outcome = this.sub(branch, value, context);
        if (outcome.valid()) validCount++;
        else if (validCount === 0 && (best === null || outcome.score > best.score)) best = outcome;
      }
      if (validCount !== 1) {
        this.error(
          result,
          'number_one_of',
          context,
          'Must validate one and only one schema (oneOf)',
        );
        if (validCount === 0 && best !== null) result.merge(best);
      }
    }
    result.increment();
  }

  private validateCommon(
    schema: SubSchema,
    value: DictValue,
    result: Result,
    context: Context,
  ): void {
    if (schema.enumValues !== undefined && !schema.enumValues.includes(canonicalJson(value))) {
      this.error(
        result,
        'enum',
        context,
        `${fieldOf(context)} must be one of the following: ${schema.enumValues.join(', ')}`,
      );
    }
    result.increment();
  }

  private validateArray(
    schema: SubSchema,
    value: readonly DictValue[],
    result: Result,
    context: Context,
  ): void {
    const items = schema.items;
    if (items !== undefined) {
      value.forEach((item, index) => {
        result.merge(this.sub(items, item, [...context, String(index)]));
      });
    }
    if (schema.uniqueItems) {
      const seen = new Map<string, number>();
      value.forEach((item, index) => {
        const text = canonicalJson(item);
        const previous = seen.get(text);
        if (previous !== undefined) {
          this.error(result, 'unique', context, `array items[${previous},${index}] must be unique`);
        }
        seen.set(text, index);
      });
    }
    result.increment();
  }

  private validateObject(schema: SubSchema, value: Dict, result: Result, context: Context): void {
    for (const property of schema.required) {
      if (property in value) result.increment();
      else this.error(result, 'required', context, `${property} is required`);
    }
    for (const [key, child] of Object.entries(value)) {
      const found = schema.properties.some(([name]) => name === key);
      let matched = false;
      for (const [pattern, patternSchema] of schema.patternProperties) {
        if (!pattern.test(key)) continue;
        matched = true;
        result.merge(this.sub(patternSchema, child, [...context, key]));
      }
      if (matched) result.increment();
      if (found || matched) continue;
      const additional = schema.additionalProperties;
      if (additional === false) {
        this.error(
          result,
          'additional_property_not_allowed',
          context,
          `Additional property ${key} is not allowed`,
        );
      } else if (additional !== undefined) {
        result.merge(this.sub(additional, child, [...context, key]));
      }
    }
    result.increment();
  }

  private validateString(schema: SubSchema, value: string, result: Result, context: Context): void {
    this.checkFormat(schema, value, result, context);
    result.increment();
  }

  private validateNumber(schema: SubSchema, value: number, result: Result, context: Context): void {
    if (schema.minimum !== undefined && value < schema.minimum) {
      this.error(
        result,
        'number_gte',
        context,
        `Must be greater than or equal to ${String(schema.minimum)}`,
      );
    }
    this.checkFormat(schema, value, result, context);
    result.increment();
  }

  /** An unknown format passes, as in gojsonschema's FormatCheckerChain. */
  private checkFormat(schema: SubSchema, value: DictValue, result: Result, context: Context): void {
    if (schema.format === undefined) return;
    const checker = this.schema.formats.get(schema.format);
    if (checker === undefined || checker(value)) return;
    this.error(result, 'format', context, `Does not match format '${schema.format}'`);
  }
}

/** gojsonschema.Validate's list of errors, in its order; empty when the document is valid. */
export function validate(schema: CompiledSchema, document: DictValue): readonly ResultError[] {
  const result = new Result();
  new Validator(schema).recurse(schema.root, document, result, []);
  return result.errors;
}
