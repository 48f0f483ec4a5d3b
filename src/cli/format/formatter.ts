/**
 * docker's output formatting for list and inspect commands (docker/cli
 * cli/command/formatter/formatter.go and cli/command/inspect/inspector.go).
 *
 * A list command declares its columns (a header map and a default `table …` format) and hands
 * over row contexts: objects whose properties or zero-argument methods are the placeholders
 * (`ID`, `Hostname`…). This module picks the format (`table`, `table TMPL`, `json`, `raw`,
 * a bare template, `--quiet`), renders the header with docker's header functions, lays the
 * table out with the tabwriter, and reports errors with docker's `template parsing error: `
 * prefix. Inspect output (indented JSON, `json`, or a template per object) works the same way.
 */
import { DOCKER_TABLE_OPTIONS, TabWriter } from './tabwriter';
import {
  executeGoTemplate,
  executeGoTemplateKeepingOutput,
  goTypes,
  HEADER_TEMPLATE_FUNCTIONS,
  parseGoTemplate,
  type GoTemplate,
  type GoType,
} from './template/index';
import { lookupProperty } from '../../lib/template/values';

export const TABLE_FORMAT_KEY = 'table';
export const RAW_FORMAT_KEY = 'raw';
export const JSON_FORMAT_KEY = 'json';
export const PRETTY_FORMAT_KEY = 'pretty';
export const DEFAULT_QUIET_FORMAT = '{{.ID}}';
const JSON_FORMAT = '{{json .}}';
const TEMPLATE_ERROR_PREFIX = 'template parsing error: ';

export interface ListFormatChoice {
  /** The `--format` value; empty when the flag was not given. */
  readonly format: string;
  readonly quiet: boolean;
  /** The command's default table, e.g. `table {{.ID}}\t{{.Hostname}}…`. */
  readonly defaultTableFormat: string;
  /** The `raw` formats, for the commands that have one (node ls, service ls, service ps). */
  readonly raw?: { readonly format: string; readonly quietFormat: string };
  /** The `{{.ID}}`-like format `-q` selects; docker's default is `{{.ID}}`. */
  readonly quietFormat?: string;
}

/**
 * The format string a list command runs with (docker's NewXFormat). Note that `-q` only
 * applies to `table` and `raw`: with a custom `--format`, docker ignores it.
 */
export function chooseListFormat(choice: ListFormatChoice): string {
  const source = choice.format === '' ? TABLE_FORMAT_KEY : choice.format;
  if (source === TABLE_FORMAT_KEY) {
    return choice.quiet ? (choice.quietFormat ?? DEFAULT_QUIET_FORMAT) : choice.defaultTableFormat;
  }
  if (source === RAW_FORMAT_KEY && choice.raw !== undefined) {
    return choice.quiet ? choice.raw.quietFormat : choice.raw.format;
  }
  return source;
}

export function isTableFormat(format: string): boolean {
  return format.startsWith(TABLE_FORMAT_KEY);
}

/**
 * docker's preFormat: drops the `table` prefix, makes `json` mean `{{json .}}`, trims spaces
 * (spaces only, as strings.Trim(s, " ")) and turns the two-character escapes \t and \n into
 * real tabs and newlines.
 */
export function templateTextOf(format: string): string {
  let text = format;
  if (isTableFormat(format)) text = format.slice(TABLE_FORMAT_KEY.length);
  else if (format === JSON_FORMAT_KEY) text = JSON_FORMAT;
  return text
    .replace(/^ +| +$/g, '')
    .replaceAll('\\t', '\t')
    .replaceAll('\\n', '\n');
}

/** Row context fields as docker's MarshalJSON for contexts gathers them: sorted by name. */
export function rowContextJson(row: unknown): Record<string, unknown> {
  const names = new Set<string>();
  let current: unknown = row;
  while (typeof current === 'object' && current !== null && current !== Object.prototype) {
    for (const name of Object.getOwnPropertyNames(current)) {
      if (/^\p{Lu}/u.test(name) && name !== 'FullHeader' && name !== 'MarshalJSON') names.add(name);
    }
    current = Object.getPrototypeOf(current);
  }
  const result: Record<string, unknown> = {};
  for (const name of [...names].sort()) {
    const { value } = lookupProperty(row, name);
    if (typeof value !== 'function') {
      result[name] = value;
    } else if (value.length === 0) {
      result[name] = (value as () => unknown).call(row);
    }
  }
  return result;
}

/** The Go type of docker's row contexts: a pointer to a struct whose fields are the columns. */
export function rowContextType(goTypeName: string): GoType {
  const structName = goTypeName.startsWith('*') ? goTypeName.slice(1) : goTypeName;
  const struct = goTypes.struct(structName, undefined, { marshalJSON: rowContextJson });
  return goTypeName.startsWith('*') ? goTypes.pointer(struct) : struct;
}

/**
 * The same row context type, whose `{{json .}}` escapes <, > and & as docker's contexts do:
 * their MarshalJSON calls json.Marshal, and the `json` function keeps that text as it is
 * (`"Ports":"*:8080-\u003e80/tcp"`).
 */
export function htmlEscapingRowContextType(goTypeName: string): GoType {
  const structName = goTypeName.startsWith('*') ? goTypeName.slice(1) : goTypeName;
  const struct = goTypes.struct(structName, undefined, {
    marshalJSONText: (row) => escapeJsonLikeGo(JSON.stringify(rowContextJson(row))),
  });
  return goTypeName.startsWith('*') ? goTypes.pointer(struct) : struct;
}

/** docker's SubHeaderContext: the header row's data. */
const HEADER_TYPE = goTypes.map(goTypes.string, goTypes.string, 'formatter.SubHeaderContext');

export interface ListRenderRequest {
  /** The format from chooseListFormat. */
  readonly format: string;
  /** Row contexts; each placeholder is a property or a zero-argument method. */
  readonly rows: readonly object[];
  /** Column headings by placeholder name: `{ ID: 'ID', Hostname: 'HOSTNAME' }`. */
  readonly header: Readonly<Record<string, string>>;
  /** Go type of docker's row context for error texts, e.g. `*node.nodeContext`. */
  readonly rowTypeName: string;
  /** The row type itself, when not the plain rowContextType(rowTypeName). */
  readonly rowType?: GoType;
}

export type ListRenderResult =
  { readonly ok: true; readonly stdout: string } | { readonly ok: false; readonly error: string };

function renderHeader(template: GoTemplate, header: Readonly<Record<string, string>>): string {
  // docker ignores a header rendering error and keeps whatever was written before it.
  return executeGoTemplateKeepingOutput(template, header, {
    type: HEADER_TYPE,
    functions: HEADER_TEMPLATE_FUNCTIONS,
  }).output;
}

/**
 * Renders a list. On a template error nothing is printed and the error reads
 * `template parsing error: template: …`, as docker returns it.
 */
export function renderList(request: ListRenderRequest): ListRenderResult {
  const parsed = parseGoTemplate(templateTextOf(request.format));
  if (!parsed.ok) return { ok: false, error: TEMPLATE_ERROR_PREFIX + parsed.error.message };
  const rowType = request.rowType ?? rowContextType(request.rowTypeName);
  let body = '';
  for (const row of request.rows) {
    const rendered = executeGoTemplate(parsed.value, row, { type: rowType });
    if (!rendered.ok) return { ok: false, error: TEMPLATE_ERROR_PREFIX + rendered.error.message };
    body += `${rendered.value}\n`;
  }
  if (!isTableFormat(request.format)) return { ok: true, stdout: body };
  const writer = new TabWriter(DOCKER_TABLE_OPTIONS);
  writer.write(renderHeader(parsed.value, request.header));
  writer.write('\n');
  writer.write(body);
  return { ok: true, stdout: writer.flush() };
}

/** One object to inspect, or the error docker got looking it up. */
export type InspectItem =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

export interface InspectRequest {
  readonly items: readonly InspectItem[];
  /** The `--format` value; empty for the default indented JSON. */
  readonly format: string;
  /** Go type of each object (`swarm.Node`…), for template semantics and error texts. */
  readonly type?: GoType;
  /**
   * docker's tryRawInspectFallback: when the template fails on the typed object, it runs again
   * over the raw JSON decoded into maps, with `missingkey=error`, and that run's error is the
   * one printed (`map has no entry for key "Foo"`).
   */
  readonly rawFallback?: boolean;
}

export interface InspectResult {
  readonly stdout: string;
  /**
   * Lookup and template errors in order, e.g. `template parsing error: template: :1:16: …`.
   * The caller joins them with newlines and frames them (v27: `Status: …, Code: 1`, exit 1).
   */
  readonly errors: readonly string[];
}

/**
 * encoding/json escapes <, > and & (and U+2028, U+2029) unless told otherwise, and inspect
 * output goes through it. These characters only occur inside JSON strings, so a textual
 * replacement is exact.
 */
export function escapeJsonLikeGo(json: string): string {
  return json
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

function found(items: readonly InspectItem[]): unknown[] {
  return items.flatMap((item) => (item.ok ? [item.value] : []));
}

function lookupErrors(items: readonly InspectItem[]): string[] {
  return items.flatMap((item) => (item.ok ? [] : [item.error]));
}

function renderInspectTemplate(request: InspectRequest): InspectResult {
  const parsed = parseGoTemplate(request.format);
  if (!parsed.ok) return { stdout: '', errors: [TEMPLATE_ERROR_PREFIX + parsed.error.message] };
  let buffer = '';
  const errors: string[] = [];
  for (const item of request.items) {
    if (!item.ok) {
      errors.push(item.error);
      continue;
    }
    const raw = (): ReturnType<typeof executeGoTemplate> =>
      executeGoTemplate(parsed.value, item.value, { missingKey: 'error' });
    // Untyped, the object is already what the fallback reads: its run is the one that counts.
    if (request.rawFallback === true && request.type === undefined) {
      const rendered = raw();
      if (rendered.ok) buffer += `${rendered.value}\n`;
      else errors.push(TEMPLATE_ERROR_PREFIX + rendered.error.message);
      continue;
    }
    const typed = executeGoTemplate(
      parsed.value,
      item.value,
      request.type === undefined ? {} : { type: request.type },
    );
    const rendered = typed.ok || request.rawFallback !== true ? typed : raw();
    if (rendered.ok) buffer += `${rendered.value}\n`;
    else errors.push(TEMPLATE_ERROR_PREFIX + rendered.error.message);
  }
  // docker's template inspector prints a lone newline when nothing succeeded.
  return { stdout: buffer === '' ? '\n' : buffer, errors };
}

/**
 * `docker … inspect`: indented JSON array (4 spaces) by default, the same compact for
 * `--format json`, otherwise the template once per object.
 */
export function renderInspect(request: InspectRequest): InspectResult {
  if (request.format === '') {
    const json = escapeJsonLikeGo(JSON.stringify(found(request.items), null, 4));
    return { stdout: `${json}\n`, errors: lookupErrors(request.items) };
  }
  if (request.format === JSON_FORMAT_KEY) {
    const json = escapeJsonLikeGo(JSON.stringify(found(request.items)));
    return { stdout: `${json}\n`, errors: lookupErrors(request.items) };
  }
  return renderInspectTemplate(request);
}

/** The v20.10–v27 wrapper docker prints around an inspect failure: `Status: …, Code: 1`. */
export function statusErrorText(message: string, code = 1): string {
  return `Status: ${message}, Code: ${code}`;
}
