/**
 * docker/cli's cli/compose/schema (27.5.1): which schema a compose file's `version` selects, and
 * the one error docker prints when the file does not validate (`getMostSpecificError`).
 */
import { ComposeError } from '../errors';
import { parseGoDuration } from '../../flags/go-duration';
import { fromJson, goSprint, isDict, type Dict } from '../types/dict';
import { SCHEMA_DOCUMENTS } from './documents';
import {
  compileSchema,
  validate as validateDocument,
  type CompiledSchema,
  type FormatChecker,
  type ResultError,
} from './validator';

/** The latest 3.x: what a file with no version, or version "3", is validated as. */
export const DEFAULT_VERSION = '3.13';

export class SchemaError extends ComposeError {}

const FORMATS: ReadonlyMap<string, FormatChecker> = new Map<string, FormatChecker>([
  // docker 27.5.1's ports and expose checkers accept anything ("TODO: implement this");
  // 28.x checks the port spec here.
  ['expose', () => true],
  ['ports', () => true],
  [
    'duration',
    (value) => {
      if (typeof value !== 'string') return false;
      try {
        parseGoDuration(value);
        return true;
      } catch {
        return false;
      }
    },
  ],
]);

const compiled = new Map<string, CompiledSchema>();

function schemaFor(version: string): CompiledSchema | undefined {
  const cached = compiled.get(version);
  if (cached !== undefined) return cached;
  const document = fromJson(SCHEMA_DOCUMENTS.get(version) ?? null);
  if (!isDict(document)) return undefined;
  const schema = compileSchema(document, FORMATS);
  compiled.set(version, schema);
  return schema;
}

function normalizeVersion(version: string): string {
  return version === '' || version === '3' ? DEFAULT_VERSION : version;
}

/** schema.Version: the `version` key as `%v` prints it, defaulting to the latest 3.x. */
export function version(config: Dict): string {
  const value = config['version'];
  if (value === undefined) return DEFAULT_VERSION;
  return normalizeVersion(goSprint(value));
}

/** humanReadableType: `[string,number]` → `string or number`, object → mapping, array → list. */
function humanReadableType(definition: string): string {
  if (definition.startsWith('[')) {
    const all = definition.slice(1, -1).split(',').map(humanReadableType);
    return `${all.slice(0, -1).join(', ')} or ${all[all.length - 1] ?? ''}`;
  }
  if (definition === 'object') return 'mapping';
  if (definition === 'array') return 'list';
  return definition;
}

function specificity(error: ResultError): number {
  return error.field.split('.').length;
}

function description(parent: ResultError, child: ResultError | undefined): string {
  if (parent.type === 'invalid_type' && parent.expected !== undefined) {
    return `must be a ${humanReadableType(parent.expected)}`;
  }
  if (parent.type === 'number_one_of' || parent.type === 'number_any_of') {
    return (child ?? parent).description;
  }
  return parent.description;
}

/** getMostSpecificError, then validationError.Error(). */
export function mostSpecificError(errors: readonly ResultError[]): string {
  let best = 0;
  errors.forEach((error, index) => {
    const current = errors[best];
    if (current === undefined) return;
    if (specificity(error) > specificity(current)) {
      best = index;
      return;
    }
    if (
      specificity(error) === specificity(current) &&
      error.type === 'invalid_type' &&
      current.type !== 'invalid_type'
    ) {
      best = index;
    }
  });
  const parent = errors[best];
  if (parent === undefined) return '';
  const child =
    parent.type === 'number_one_of' || parent.type === 'number_any_of'
      ? errors[best + 1]
      : undefined;
  return `${parent.field} ${description(parent, child)}`;
}

/** schema.Validate: throws docker's one-line message when `config` does not validate. */
export function validate(config: Dict, fileVersion: string): void {
  const normalized = normalizeVersion(fileVersion);
  const schema = schemaFor(normalized);
  if (schema === undefined) {
    throw new SchemaError(`unsupported Compose file version: ${normalized}`);
  }
  const errors = validateDocument(schema, config);
  if (errors.length > 0) throw new SchemaError(mostSpecificError(errors));
}
