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
