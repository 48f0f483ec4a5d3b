/**
 * Splits text into lines the way line-oriented tools read them: a final line without a newline
 * still counts, and the newline that ends the text does not start an empty line.
 */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Joins lines back, each ended by a newline, as the tools print them. */
export function joinLines(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}
