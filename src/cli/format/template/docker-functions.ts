/**
 * The functions docker adds to every `--format` template (docker/cli templates/templates.go),
 * and the header variants a table's header row is rendered with: those leave the column name
 * alone, except `pad`, which must keep the header aligned with its column.
 */
import {
  FunctionCallError,
  type FunctionMap,
  type TemplateFunction,
} from '../../../lib/template/function-types';
import { encodeJson } from '../../../lib/template/json';
import { goTypes } from '../../../lib/template/types';
import { utf8Bytes, utf8Decode, utf8Length } from '../../../lib/utf8';
import { stringOf, type GoValue, type Value } from '../../../lib/template/values';

const STRING = goTypes.string;
const INT = goTypes.int;
const STRING_SLICE = goTypes.slice(goTypes.string);

function stringValue(value: string): GoValue {
  return { type: STRING, value };
}

function text(value: Value): string {
  return value === undefined ? '' : stringOf(value);
}

function integer(value: Value): number {
  return value === undefined ? 0 : Number(value.value);
}

/** strings.Split, including Go's split into UTF-8 sequences for an empty separator. */
function split(source: string, separator: string): string[] {
  return separator === '' ? Array.from(source) : source.split(separator);
}

/** strings.Title: upper-cases the first letter of every word. */
function title(source: string): string {
  let previous = ' ';
  return Array.from(source)
    .map((character) => {
      const separator = !/^[\p{L}\p{N}_]$/u.test(previous);
      previous = character;
      return separator ? character.toUpperCase() : character;
    })
    .join('');
}

function repeatSpaces(count: number): string {
  if (count < 0) throw new FunctionCallError('strings: negative Repeat count');
  return ' '.repeat(count);
}

/** `pad STR L R`: spaces around a non-empty string. */
function pad(source: string, prefix: number, suffix: number): string {
  if (source === '') return source;
  return repeatSpaces(prefix) + source + repeatSpaces(suffix);
}

/** `truncate STR N`: the first N bytes; shorter strings come back unchanged. */
function truncate(source: string, length: number): string {
  if (utf8Length(source) < length) return source;
  if (length < 0)
    throw new FunctionCallError(`runtime error: slice bounds out of range [:${length}]`);
  return utf8Decode(utf8Bytes(source).slice(0, length));
}

function unary(fn: (source: string) => string): TemplateFunction {
  return { parameters: [STRING], call: ([source]) => stringValue(fn(text(source))) };
}

export const DOCKER_FUNCTIONS: FunctionMap = {
  json: { parameters: [goTypes.any], call: ([value]) => stringValue(encodeJson(value)) },
  split: {
    parameters: [STRING, STRING],
    call: ([source, separator]) => ({
      type: STRING_SLICE,
      value: split(text(source), text(separator)),
    }),
  },
  join: {
    parameters: [STRING_SLICE, STRING],
    call: ([list, separator]) => {
      const items = Array.isArray(list?.value) ? (list.value as unknown[]) : [];
      return stringValue(
        items.map((item) => (typeof item === 'string' ? item : '')).join(text(separator)),
      );
    },
  },
  title: unary(title),
  lower: unary((source) => source.toLowerCase()),
  upper: unary((source) => source.toUpperCase()),
  pad: {
    parameters: [STRING, INT, INT],
    call: ([source, prefix, suffix]) =>
      stringValue(pad(text(source), integer(prefix), integer(suffix))),
  },
  truncate: {
    parameters: [STRING, INT],
    call: ([source, length]) => stringValue(truncate(text(source), integer(length))),
  },
};

function identity(parameters: TemplateFunction['parameters']): TemplateFunction {
  return { parameters, call: ([value]) => value };
}

/** docker's HeaderFunctions: what replaces DOCKER_FUNCTIONS while rendering a table header. */
export const HEADER_FUNCTIONS: FunctionMap = {
  ...DOCKER_FUNCTIONS,
  json: identity([STRING]),
  split: identity([STRING, STRING]),
  join: identity([STRING, STRING]),
  title: identity([STRING]),
  lower: identity([STRING]),
  upper: identity([STRING]),
  truncate: identity([STRING, INT]),
};
