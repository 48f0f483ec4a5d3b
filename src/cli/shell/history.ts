/** Bash keeps HISTSIZE=1000 entries by default (Ubuntu's .bashrc says the same). */
export const historyEntriesMax = 1000;

/**
 * Adds a line to the history as bash with `HISTCONTROL=ignoredups` does: blank lines and a line
 * equal to the previous one are not added; the oldest entries fall off past the limit.
 */
export function addToHistory(history: readonly string[], line: string): readonly string[] {
  if (line.trim() === '' || history.at(-1) === line) return history;
  return [...history, line].slice(-historyEntriesMax);
}
