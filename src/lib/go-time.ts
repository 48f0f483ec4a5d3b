/**
 * Go's `time.RFC3339Nano` for a UTC instant in milliseconds: trailing zeros of the fraction are
 * dropped, and so is the dot when the fraction is zero (`2026-11-25T08:11:31.05Z`).
 */
export function rfc3339Nano(epochMs: number): string {
  const iso = new Date(epochMs).toISOString(); // 2026-11-25T08:11:31.050Z
  const [seconds, fraction = '000Z'] = iso.split('.');
  const digits = fraction.slice(0, -1).replace(/0+$/, '');
  return digits === '' ? `${seconds ?? iso}Z` : `${seconds ?? iso}.${digits}Z`;
}

/** A UTC instant split into its calendar and clock fields (months 1-12, weekday 0 = Sunday). */
export interface UtcParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly weekday: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const DAY_MS = 86_400_000;

/**
 * The calendar fields of a UTC instant, by arithmetic alone (Howard Hinnant's civil-from-days),
 * so that code which must not touch the platform's clock or zones needs no `Date` at all.
 */
export function utcParts(epochMs: number): UtcParts {
  const days = Math.floor(epochMs / DAY_MS);
  const msOfDay = epochMs - days * DAY_MS;
  const [year, month, day] = civilFromDays(days);
  return {
    year,
    month,
    day,
    // 1970-01-01 was a Thursday.
    weekday: (((days + 4) % 7) + 7) % 7,
    hour: Math.floor(msOfDay / 3_600_000),
    minute: Math.floor(msOfDay / 60_000) % 60,
    second: Math.floor(msOfDay / 1000) % 60,
    millisecond: msOfDay % 1000,
  };
}

/**
 * The proleptic Gregorian date of a count of days since 1970-01-01, as [year, month 1-12, day]
 * (Howard Hinnant's civil_from_days).
 */
export function civilFromDays(days: number): [number, number, number] {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}
