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
  const seconds = Math.trunc(nanoseconds / 1e9);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(nanoseconds / 6e10);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(nanoseconds / 3.6e12 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(nanoseconds / 3.6e12) / 24 / 365)} years`;
}
