import { parseGoDuration } from '../flags/go-duration';
import { goQuote } from '../flags/go-strconv';

/**
 * moby's `api/types/time.GetTimestamp`, which the client library applies to `--since` and
 * `--until` before it sends them: a Go duration back from now (`42m`), an RFC 3339 date or time
 * in one of the shapes it guesses from the text, or Unix seconds passed on as they are. The lab's
 * machines are in UTC, so a time without a zone is UTC. Go's `time.Parse` errors are kept.
 */
export function getTimestamp(value: string, referenceEpochMs: number): string {
  if (value !== '0') {
    const duration = goDuration(value);
    if (duration !== null) {
      const ns = BigInt(referenceEpochMs) * 1_000_000n - duration;
      return String(floorDiv(ns, 1_000_000_000n));
    }
  }
  const zoned = /[zZ+]/.test(value) || value.split('-').length - 1 === 3;
  const layout = chooseLayout(value, zoned);
  const parsed = goParse(layout, value);
  if (typeof parsed === 'string') {
    if (value.includes('-')) throw new Error(parsed);
    if (!isUnixTimestamp(value)) {
      throw new Error(`failed to parse value as time or duration: ${goQuote(value)}`);
    }
    return value;
  }
  const seconds = floorDiv(BigInt(parsed.ms), 1000n);
  const nanos = (BigInt(parsed.ms) - seconds * 1000n) * 1_000_000n + BigInt(parsed.subMsNanos);
  return `${seconds}.${String(nanos).padStart(9, '0')}`;
}

function goDuration(value: string): bigint | null {
  try {
    return parseGoDuration(value);
  } catch {
    return null;
  }
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** moby's `parseTimestamp`: `strconv.ParseInt` of the seconds and of the fraction. */
function isUnixTimestamp(value: string): boolean {
  const [seconds = '', fraction] = value.split(/\.(.*)/s);
  const int = /^[+-]?\d+$/;
  return int.test(seconds) && (fraction === undefined || int.test(fraction));
}

function chooseLayout(value: string, zoned: boolean): string {
  if (value.includes('.'))
    return zoned ? '2006-01-02T15:04:05.999999999Z07:00' : '2006-01-02T15:04:05.999999999';
  if (value.includes('T')) {
    let colons = value.split(':').length - 1;
    if (zoned && !/[zZ]/.test(value) && colons > 0) colons--;
    const time = colons === 0 ? '15' : colons === 1 ? '15:04' : '15:04:05';
    return `2006-01-02T${time}${zoned ? 'Z07:00' : ''}`;
  }
  return zoned ? '2006-01-02Z07:00' : '2006-01-02';
}

const ELEMENTS = ['2006', '01', '02', '15', '04', '05', '.999999999', 'Z07:00'] as const;
type Element = (typeof ELEMENTS)[number];

/** The layout as its literal runs and elements, in order. */
function tokens(layout: string): (Element | { readonly literal: string })[] {
  const found: (Element | { readonly literal: string })[] = [];
  let rest = layout;
  let literal = '';
  while (rest !== '') {
    const element = ELEMENTS.find((candidate) => rest.startsWith(candidate));
    if (element === undefined) {
      literal += rest[0] ?? '';
      rest = rest.slice(1);
      continue;
    }
    if (literal !== '') found.push({ literal });
    literal = '';
    found.push(element);
    rest = rest.slice(element.length);
  }
  if (literal !== '') found.push({ literal });
  return found;
}

interface Parsed {
  readonly ms: number;
  readonly subMsNanos: number;
}

const RANGES: Readonly<Record<string, readonly [string, number, number]>> = {
  '01': ['month', 1, 12],
  '02': ['day', 1, 31],
  '15': ['hour', 0, 23],
  '04': ['minute', 0, 59],
  '05': ['second', 0, 59],
};

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

interface Fields {
  numbers: Record<string, number>;
  nanos: number;
  offsetMinutes: number;
}

/**
 * One element of the layout read from the front of `rest`: what is left, or null when it is
 * not there (Go's `cannot parse`), or Go's range error.
 */
function readElement(
  token: Element,
  rest: string,
  fields: Fields,
): { readonly rest: string } | { readonly range: string } | null {
  if (token === '.999999999') {
    const fraction = /^[.,](\d+)/.exec(rest);
    if (fraction === null) return { rest };
    fields.nanos = Number((fraction[1] ?? '').slice(0, 9).padEnd(9, '0'));
    return { rest: rest.slice(fraction[0].length) };
  }
  if (token === 'Z07:00') {
    if (rest.startsWith('Z')) return { rest: rest.slice(1) };
    const zone = /^([+-])(\d\d):(\d\d)/.exec(rest);
    if (zone === null) return null;
    fields.offsetMinutes = (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3]));
    return { rest: rest.slice(zone[0].length) };
  }
  // The year takes four digits, the hour one or two, the others two.
  const digits = token === '2006' ? /^\d{4}/ : token === '15' ? /^\d\d?/ : /^\d\d/;
  const match = digits.exec(rest);
  if (match === null) return null;
  const number = Number(match[0]);
  const range = RANGES[token];
  if (range !== undefined && (number < range[1] || number > range[2])) {
    return { range: `${range[0]} out of range` };
  }
  fields.numbers[token] = number;
  return { rest: rest.slice(match[0].length) };
}

/**
 * Go's `time.Parse` for the layouts GetTimestamp uses: the instant, or Go's error text
 * (`parsing time "x" as "2006-01-02": cannot parse "x" as "2006"`).
 */
function goParse(layout: string, value: string): Parsed | string {
  const cannot = (rest: string, element: string): string =>
    `parsing time ${goQuote(value)} as ${goQuote(layout)}: cannot parse ${goQuote(rest)} as ${goQuote(element)}`;
  const fields: Fields = { numbers: {}, nanos: 0, offsetMinutes: 0 };
  let rest = value;
  for (const token of tokens(layout)) {
    if (typeof token !== 'string') {
      if (!rest.startsWith(token.literal)) return cannot(rest, token.literal);
      rest = rest.slice(token.literal.length);
      continue;
    }
    const read = readElement(token, rest, fields);
    if (read === null) return cannot(rest, token);
    if ('range' in read) return `parsing time ${goQuote(value)}: ${read.range}`;
    rest = read.rest;
  }
  if (rest !== '') return `parsing time ${goQuote(value)}: extra text: ${goQuote(rest)}`;
  const { numbers, nanos, offsetMinutes } = fields;
  const year = numbers['2006'] ?? 0;
  const month = numbers['01'] ?? 1;
  const day = numbers['02'] ?? 1;
  if (day > daysIn(month, year)) return `parsing time ${goQuote(value)}: day out of range`;
  const utc = Date.UTC(
    year,
    month - 1,
    day,
    numbers['15'] ?? 0,
    numbers['04'] ?? 0,
    numbers['05'] ?? 0,
  );
  const ms = utc - offsetMinutes * 60_000 + Math.floor(nanos / 1_000_000);
  return { ms, subMsNanos: nanos % 1_000_000 };
}
