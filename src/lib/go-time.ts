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

/** A version-4 UUID from 16 random bytes (the engine ID of a daemon since Docker 23). */
export function uuidFromBytes(bytes: readonly number[]): string {
  const hex = bytes.map((byte, index) => {
    if (index === 6) return ((byte & 0x0f) | 0x40).toString(16).padStart(2, '0');
    if (index === 8) return ((byte & 0x3f) | 0x80).toString(16).padStart(2, '0');
    return (byte & 0xff).toString(16).padStart(2, '0');
  });
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20, 32)}`;
}
