/**
 * Go text/template, written for plain JavaScript data: docker's `--format` (with docker's
 * functions, src/cli/format/template) and swarmkit's task templates (src/swarm) both run on it.
 *
 *   const parsed = parseGoTemplate('{{.ManagerStatus.Leader}}');
 *   if (parsed.ok) executeGoTemplate(parsed.value, node, { type: swarmNodeType });
 *
 * Both steps return a result instead of throwing, because a bad template is user input. Error
 * texts are Go's: `template: :1: function "foo" not defined`, `template: :1:16: executing ""
 * at <.ManagerStatus.Leader>: nil pointer evaluating *swarm.ManagerStatus.Leader`. docker prefixes
 * them with `template parsing error: `, which the formatter adds.
 *
 * The optional `type` is a Go type description of the data (see types.ts): it decides struct
 * versus map behaviour, nil pointers, and the type names in errors. Without it the data is
 * typed by its shape, as JSON decoded into interface{} is.
 *
 * Supported: the whole action grammar of Go 1.22 (trim markers, comments, variables with := and
 * =, pipelines, parenthesised commands, if/else if/else, range over slices, maps (sorted keys)
 * and integers with break/continue/else, with/else, define/template/block) and all Go
 * built-in functions; a caller adds its own (docker's, swarmkit's `join`). Go 1.23's `else with` is rejected, as docker 27.5.1
 * (Go 1.22) rejects it. Not supported: complex and hexadecimal-float
 * literals, custom delimiters, and methods on time.Time.
 */
import { BUILTIN_FUNCTIONS } from './builtins';
import { TemplateError } from './errors';
import { executeTemplate, executeTemplateKeepingOutput, type MissingKeyMode } from './exec';
import type { FunctionMap } from './function-types';
import { parseTemplate, type ParsedTemplate } from './parser';
import type { GoType } from './types';
import { dynamicValue, readAs, type Value } from './values';

export { TemplateError } from './errors';
export { FunctionCallError, type FunctionMap, type TemplateFunction } from './function-types';
export { goTypes, typeName, type GoType } from './types';
export type { GoValue, Value } from './values';

export type TemplateResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TemplateError };

export { BUILTIN_FUNCTIONS } from './builtins';
export type { MissingKeyMode } from './exec';

export interface GoTemplate {
  readonly parsed: ParsedTemplate;
}

export interface ParseTemplateOptions {
  /** Template name in messages; docker's are anonymous, hence `template: :1: …`. */
  readonly name?: string;
  /** Functions the template may call; defaults to Go's built-ins. */
  readonly functions?: FunctionMap;
}

export interface ExecuteTemplateOptions {
  /** Go type of the data; omit to type it by its shape. */
  readonly type?: GoType;
  readonly functions?: FunctionMap;
  readonly missingKey?: MissingKeyMode;
}

function asTemplateError(error: unknown): TemplateError {
  if (error instanceof TemplateError) return error;
  throw error;
}

export function parseGoTemplate(
  text: string,
  options: ParseTemplateOptions = {},
): TemplateResult<GoTemplate> {
  const functions = options.functions ?? BUILTIN_FUNCTIONS;
  try {
    const parsed = parseTemplate(text, {
      ...(options.name === undefined ? {} : { name: options.name }),
      functionNames: new Set(Object.keys(functions)),
    });
    return { ok: true, value: { parsed } };
  } catch (error) {
    return { ok: false, error: asTemplateError(error) };
  }
}

/** The typed value templates see for some data. */
export function templateData(data: unknown, type?: GoType): Value {
  return type === undefined ? dynamicValue(data) : readAs(type, data);
}

export function executeGoTemplate(
  template: GoTemplate,
  data: unknown,
  options: ExecuteTemplateOptions = {},
): TemplateResult<string> {
  try {
    const value = executeTemplate(template.parsed, templateData(data, options.type), {
      functions: options.functions ?? BUILTIN_FUNCTIONS,
      ...(options.missingKey === undefined ? {} : { missingKey: options.missingKey }),
    });
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: asTemplateError(error) };
  }
}

/**
 * Executes and returns whatever was written before an error, with the error. docker renders a
 * table header this way and ignores the error, keeping the partial header.
 */
export function executeGoTemplateKeepingOutput(
  template: GoTemplate,
  data: unknown,
  options: ExecuteTemplateOptions = {},
): { readonly output: string; readonly error: TemplateError | undefined } {
  return executeTemplateKeepingOutput(template.parsed, templateData(data, options.type), {
    functions: options.functions ?? BUILTIN_FUNCTIONS,
    ...(options.missingKey === undefined ? {} : { missingKey: options.missingKey }),
  });
}

/** Parses and executes in one step. */
export function renderGoTemplate(
  text: string,
  data: unknown,
  options: ExecuteTemplateOptions & Pick<ParseTemplateOptions, 'name'> = {},
): TemplateResult<string> {
  const parsed = parseGoTemplate(text, {
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(options.functions === undefined ? {} : { functions: options.functions }),
  });
  return parsed.ok ? executeGoTemplate(parsed.value, data, options) : parsed;
}
