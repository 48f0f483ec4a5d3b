import { InvalidValueError } from '../../../flags';

/**
 * The first record of Go's encoding/csv reader with its defaults (comma separator, no lazy
 * quotes, no space trimming), as docker reads `--mount` and the long `--publish` form. Errors
 * carry encoding/csv's text: `parse error on line 1, column 3: bare " in non-quoted-field`.
 */
function parseError(column: number, message: string): InvalidValueError {
  return new InvalidValueError(`parse error on line 1, column ${column}: ${message}`);
}

/** Reads a quoted field starting after its opening quote at `start`; returns [field, next]. */
function quotedField(text: string, start: number): [string, number] {
  let field = '';
  let index = start;
  for (;;) {
    const quote = text.indexOf('"', index);
    if (quote < 0) throw parseError(text.length + 1, 'extraneous or missing " in quoted-field');
    field += text.slice(index, quote);
    const after = text[quote + 1];
    if (after === '"') {
      field += '"';
      index = quote + 2;
    } else if (after === undefined || after === ',') {
      return [field, quote + 1];
    } else {
      throw parseError(quote + 2, 'extraneous or missing " in quoted-field');
    }
  }
}

export function readCsvRecord(value: string): string[] {
  // A record ends at the first line break; an empty input has no record at all.
  const text = value.split(/\r?\n/)[0] ?? '';
  if (value === '') throw new InvalidValueError('EOF');
  const fields: string[] = [];
  let index = 0;
  for (;;) {
    let field: string;
    if (text[index] === '"') {
      [field, index] = quotedField(text, index + 1);
    } else {
      const comma = text.indexOf(',', index);
      const end = comma < 0 ? text.length : comma;
      field = text.slice(index, end);
      const bare = field.indexOf('"');
      if (bare >= 0) throw parseError(index + bare + 1, 'bare " in non-quoted-field');
      index = end;
    }
    fields.push(field);
    if (index >= text.length) return fields;
    index++; // the comma
  }
}
