/**
 * Value renderers docker applies to table cells and pretty output (reference §2.3):
 * PrettyPrint, Go's time.Time.String(), go-units HumanDuration, BytesSize and HumanSize.
 */
import { formatGoTime, goTimeFromMilliseconds } from '../../lib/template/go-time';
import { formatFloat } from '../../lib/template/numbers';

/** docker's PrettyPrint: the first character upper-cased and all the rest lower-cased. */
export function prettyPrint(text: string): string {
  const [first = '', ...rest] = Array.from(text);
  return first.toUpperCase() + rest.join('').toLowerCase();
}

/** time.Time.String() of a virtual-time instant in milliseconds, always in UTC. */
export function goTimeString(milliseconds: number): string {
  return formatGoTime(goTimeFromMilliseconds(milliseconds));
}

export { humanDuration } from '../../lib/go-units';

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
