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
