/**
 * Value renderers docker applies to table cells and pretty output (reference §2.3):
 * PrettyPrint, Go's time.Time.String(), go-units HumanDuration, BytesSize and HumanSize.
 */
import { formatGoTime, goTimeFromMilliseconds } from './go-time';
import { formatFloat } from './template/numbers';

/** docker's PrettyPrint: the first character upper-cased and all the rest lower-cased. */
export function prettyPrint(text: string): string {
  const [first = '', ...rest] = Array.from(text);
  return first.toUpperCase() + rest.join('').toLowerCase();
}

/** time.Time.String() of a virtual-time instant in milliseconds, always in UTC. */
export function goTimeString(milliseconds: number): string {
  return formatGoTime(goTimeFromMilliseconds(milliseconds));
}

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

/** go-units HumanDuration: `Less than a second`, `About a minute`, `3 weeks`… (no "ago"). */
export function humanDuration(durationMs: number): string {
  const seconds = Math.trunc(durationMs / SECOND_MS);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(durationMs / MINUTE_MS);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(durationMs / HOUR_MS + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(durationMs / HOUR_MS) / 24 / 365)} years`;
}

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];
const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/** go-units CustomSize("%.4g%s", size, base, units). */
function customSize(size: number, base: number, units: readonly string[]): string {
  let scaled = size;
  let unit = 0;
  while (scaled >= base && unit < units.length - 1) {
    scaled /= base;
    unit++;
  }
  return `${formatFloat(scaled, 'g', 4)}${units[unit] ?? ''}`;
}

/** go-units BytesSize: binary units, four significant digits, no space (`3.84GiB`, `20MiB`). */
export function bytesSize(bytes: number): string {
  return customSize(bytes, 1024, BINARY_UNITS);
}

/** go-units HumanSize: decimal units, four significant digits (`1.5GB`). */
export function humanSize(bytes: number): string {
  return customSize(bytes, 1000, DECIMAL_UNITS);
}
