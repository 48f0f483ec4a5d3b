/**
 * Go's time.Time as docker prints it. The simulation keeps virtual time in milliseconds; the
 * Engine API carries RFC 3339 strings with up to nine fractional digits. Both become a GoTime,
 * which prints like Go's time.Time.String(): `2006-01-02 15:04:05.999999999 -0700 MST`.
 */

import { civilFromDays } from '../go-time';

export interface GoTime {
  /** Whole seconds since 1970-01-01T00:00:00Z. */
  readonly seconds: number;
  /** Nanoseconds within the second, 0 to 999 999 999. */
  readonly nanos: number;
  /** Offset of the time's zone from UTC, in seconds; 0 prints as `+0000 UTC`. */
  readonly offsetSeconds: number;
}

const SECONDS_PER_DAY = 86_400;

/** The zero time.Time, 0001-01-01 00:00:00 UTC, as Go's JSON decoding gives for a missing time. */
export const GO_ZERO_TIME: GoTime = { seconds: -62_135_596_800, nanos: 0, offsetSeconds: 0 };

export function goTimeFromMilliseconds(milliseconds: number): GoTime {
  const seconds = Math.floor(milliseconds / 1000);
  const nanos = Math.round((milliseconds - seconds * 1000) * 1_000_000);
  return { seconds, nanos, offsetSeconds: 0 };
}

/** Days since the epoch for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Parses an RFC 3339 timestamp; undefined when the text is not one. */
export function parseGoTime(text: string): GoTime | undefined {
  const match = RFC3339.exec(text);
  if (match === null) return undefined;
  const [
    ,
    year,
    month,
    day,
    hour,
    minute,
    second,
    fraction,
    zulu,
    sign,
    offsetHours,
    offsetMinutes,
  ] = match;
  const offsetSeconds =
    zulu !== undefined || sign === undefined
      ? 0
      : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 3600 + Number(offsetMinutes) * 60);
  const localSeconds =
    daysFromCivil(Number(year), Number(month), Number(day)) * SECONDS_PER_DAY +
    Number(hour) * 3600 +
    Number(minute) * 60 +
    Number(second);
  const nanos = Number((fraction ?? '').padEnd(9, '0'));
  return { seconds: localSeconds - offsetSeconds, nanos, offsetSeconds };
}

function two(value: number): string {
  return String(value).padStart(2, '0');
}

function formatOffset(offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const absolute = Math.abs(offsetSeconds);
  return `${sign}${two(Math.floor(absolute / 3600))}${two(Math.floor((absolute % 3600) / 60))}`;
}

interface CivilTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly clock: string;
  readonly fraction: string;
}

/** Calendar fields in the time's own zone; the fraction has trailing zeros dropped. */
function civilTime(time: GoTime): CivilTime {
  const local = time.seconds + time.offsetSeconds;
  const days = Math.floor(local / SECONDS_PER_DAY);
  const secondOfDay = local - days * SECONDS_PER_DAY;
  const [year, month, day] = civilFromDays(days);
  const clock = `${two(Math.floor(secondOfDay / 3600))}:${two(Math.floor((secondOfDay % 3600) / 60))}:${two(secondOfDay % 60)}`;
  const fraction =
    time.nanos === 0 ? '' : `.${String(time.nanos).padStart(9, '0').replace(/0+$/, '')}`;
  return { year, month, day, clock, fraction };
}

function yearText(year: number): string {
  return year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
}

/** Go's time.Time.String(). A fixed, unnamed offset prints as its own zone name, as in Go. */
export function formatGoTime(time: GoTime): string {
  const { year, month, day, clock, fraction } = civilTime(time);
  const offset = formatOffset(time.offsetSeconds);
  const zone = time.offsetSeconds === 0 ? 'UTC' : offset;
  return `${yearText(year)}-${two(month)}-${two(day)} ${clock}${fraction} ${offset} ${zone}`;
}

/** time.Time's MarshalJSON form: RFC 3339 with nanoseconds, trailing zeros dropped. */
export function formatRfc3339Nano(time: GoTime): string {
  const { year, month, day, clock, fraction } = civilTime(time);
  const offset = formatOffset(time.offsetSeconds);
  const zone = time.offsetSeconds === 0 ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(3)}`;
  return `${yearText(year)}-${two(month)}-${two(day)}T${clock}${fraction}${zone}`;
}

/** Reads a time from the JavaScript forms the playground uses; null and undefined are zero. */
export function toGoTime(value: unknown): GoTime | undefined {
  if (value === null || value === undefined) return GO_ZERO_TIME;
  if (typeof value === 'number') return goTimeFromMilliseconds(value);
  if (typeof value === 'string') return parseGoTime(value);
  return undefined;
}
