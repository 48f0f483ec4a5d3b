/**
 * The line count of `head` and `tail`: `-n 5`, `-5`, `--lines=5`, and the signs that change its
 * meaning (`head -n -5`: all but the last 5; `tail -n +5`: from line 5 on).
 */

export interface LineCount {
  readonly count: number;
  /** `head -n -N` or `tail -n +N`. */
  readonly fromOtherEnd: boolean;
}

export function parseLineCount(text: string, otherEndSign: '-' | '+'): LineCount | null {
  const match = /^([+-]?)([0-9]+)$/.exec(text.trim());
  if (match === null) return null;
  return { count: Number(match[2]), fromOtherEnd: match[1] === otherEndSign };
}

/** GNU's complaint about a bad count, with its curly quotes (a UTF-8 locale). */
export function invalidLineCount(program: string, text: string): string {
  return `${program}: invalid number of lines: ‘${text}’\n`;
}
