/**
 * fvbommel/sortorder's NaturalLess, which docker sorts names with (`web.2` before `web.10`):
 * digit runs compare as numbers, a digit sorts before any other character, and at equal value
 * the number with fewer leading zeros comes first. Characters compare by code unit, as Go
 * compares UTF-8 bytes for the ASCII names docker sorts.
 */
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function skipWhile(text: string, from: number, test: (code: number) => boolean): number {
  let index = from;
  while (index < text.length && test(text.charCodeAt(index))) index++;
  return index;
}

/** Negative when a sorts before b, positive after, 0 when equal. */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (isDigit(x) !== isDigit(y)) return isDigit(x) ? -1 : 1;
    if (!isDigit(x)) {
      if (x !== y) return x - y;
      i++;
      j++;
      continue;
    }
    const nonZeroA = skipWhile(a, i, (code) => code === 48);
    const nonZeroB = skipWhile(b, j, (code) => code === 48);
    i = skipWhile(a, nonZeroA, isDigit);
    j = skipWhile(b, nonZeroB, isDigit);
    const lengthA = i - nonZeroA;
    const lengthB = j - nonZeroB;
    if (lengthA !== lengthB) return lengthA - lengthB;
    const digitsA = a.slice(nonZeroA, i);
    const digitsB = b.slice(nonZeroB, j);
    if (digitsA !== digitsB) return digitsA < digitsB ? -1 : 1;
    if (nonZeroA !== nonZeroB) return nonZeroA - nonZeroB;
  }
  // Identical so far: the shorter one sorts first.
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
