/**
 * docker's `--format` templates: Go text/template (src/lib/template) with docker's functions
 * (`json`, `join`, `upper`, `pad`…, ./docker-functions.ts) as the default, so that every
 * command formats with the functions docker's templates have.
 */
import {
  BUILTIN_FUNCTIONS,
  executeGoTemplate as executeWith,
  executeGoTemplateKeepingOutput as executeKeepingOutputWith,
  parseGoTemplate as parseWith,
  type ExecuteTemplateOptions,
  type FunctionMap,
  type GoTemplate,
  type ParseTemplateOptions,
  type TemplateError,
  type TemplateResult,
} from '../../../lib/template/index';
import { DOCKER_FUNCTIONS, HEADER_FUNCTIONS } from './docker-functions';

export {
  FunctionCallError,
  TemplateError,
  goTypes,
  templateData,
  typeName,
  type ExecuteTemplateOptions,
  type FunctionMap,
  type GoTemplate,
  type GoType,
  type GoValue,
  type ParseTemplateOptions,
  type TemplateFunction,
  type TemplateResult,
  type Value,
} from '../../../lib/template/index';

/** Functions every docker template has: Go's built-ins plus docker's additions. */
export const DOCKER_TEMPLATE_FUNCTIONS: FunctionMap = { ...BUILTIN_FUNCTIONS, ...DOCKER_FUNCTIONS };

/** The functions a table header is rendered with (docker's HeaderFunctions). */
export const HEADER_TEMPLATE_FUNCTIONS: FunctionMap = { ...BUILTIN_FUNCTIONS, ...HEADER_FUNCTIONS };

export function parseGoTemplate(
  text: string,
  options: ParseTemplateOptions = {},
): TemplateResult<GoTemplate> {
  return parseWith(text, { ...options, functions: options.functions ?? DOCKER_TEMPLATE_FUNCTIONS });
}

export function executeGoTemplate(
  template: GoTemplate,
  data: unknown,
  options: ExecuteTemplateOptions = {},
): TemplateResult<string> {
  return executeWith(template, data, {
    ...options,
    functions: options.functions ?? DOCKER_TEMPLATE_FUNCTIONS,
  });
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
  return executeKeepingOutputWith(template, data, {
    ...options,
    functions: options.functions ?? DOCKER_TEMPLATE_FUNCTIONS,
  });
}

/** Parses and executes in one step. */
export function renderGoTemplate(
  text: string,
  data: unknown,
  options: ExecuteTemplateOptions & Pick<ParseTemplateOptions, 'name'> = {},
): TemplateResult<string> {
  const functions = options.functions ?? DOCKER_TEMPLATE_FUNCTIONS;
  const parsed = parseGoTemplate(text, {
    ...(options.name === undefined ? {} : { name: options.name }),
    functions,
  });
  return parsed.ok ? executeGoTemplate(parsed.value, data, { ...options, functions }) : parsed;
}
