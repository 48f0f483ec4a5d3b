import { humanDuration as humanDurationMs } from '../../../lib/go-units';
/**
 * go-units as docker prints sizes and durations: BytesSize (`3.831GiB`) and HumanDuration
 * (`5 seconds`, `3 months`).
 */
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/** Go's `%.4g`: four significant digits, trailing zeros dropped. */
function fourSignificant(value: number): string {
  return String(Number(value.toPrecision(4)));
}

export function bytesSize(bytes: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < BINARY_UNITS.length - 1) {
    size /= 1024;
    unit++;
  }
  return `${fourSignificant(size)}${BINARY_UNITS[unit] ?? ''}`;
}

/** HumanDuration of a duration in nanoseconds. */
export function humanDuration(nanoseconds: number): string {
  return humanDurationMs(nanoseconds / 1e6);
}
