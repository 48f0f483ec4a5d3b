/**
 * A small data-driven test format after cockroachdb/datadriven (used by etcd-io/raft):
 *
 *     # comments and blank lines between cases are kept as they are
 *     command arg key=value
 *     ----
 *     expected output, no blank lines
 *
 * `runDataDriven` runs every case through a handler and renders the file again with the actual
 * output, so a test compares the rendered text with the file, and rewrite mode writes it back.
 */
export interface DataDrivenCase {
  /** The text before the case: comments and blank lines. */
  readonly prelude: string;
  readonly command: string;
  readonly name: string;
  readonly args: readonly string[];
  /** Line number of the command, for failure messages. */
  readonly line: number;
}

export function parseDataDriven(text: string): { cases: DataDrivenCase[]; trailer: string } {
  const lines = text.split('\n');
  const cases: DataDrivenCase[] = [];
  let prelude: string[] = [];
  let at = 0;
  while (at < lines.length) {
    const line = lines[at] ?? '';
    if (line.trim() === '' || line.startsWith('#')) {
      prelude.push(line);
      at++;
      continue;
    }
    const commandLine = at + 1;
    const command = line;
    at++;
    if ((lines[at] ?? '') !== '----') {
      throw new Error(`line ${commandLine + 1}: expected ---- after "${command}"`);
    }
    at++;
    // Skip the old output: everything up to the next blank line.
    while (at < lines.length && (lines[at] ?? '').trim() !== '') at++;
    const [name = '', ...args] = command.trim().split(/\s+/);
    cases.push({ prelude: prelude.join('\n'), command, name, args, line: commandLine });
    prelude = [];
  }
  return { cases, trailer: prelude.join('\n') };
}

/** Runs each case and renders the file with the outputs the handler produced. */
export function runDataDriven(text: string, handler: (testCase: DataDrivenCase) => string): string {
  const { cases, trailer } = parseDataDriven(text);
  const parts: string[] = [];
  for (const testCase of cases) {
    let output: string;
    try {
      output = handler(testCase);
    } catch (error) {
      output = `error: ${error instanceof Error ? error.message : String(error)}`;
    }
    const body = output
      .split('\n')
      .filter((line) => line.trim() !== '')
      .join('\n');
    // Cases are separated by exactly one blank line; the prelude keeps only its comments.
    const comments = testCase.prelude.replace(/^\n+/, '').replace(/\n+$/, '');
    const prefix = comments === '' ? '' : comments + '\n';
    parts.push(`${prefix}${testCase.command}\n----\n${body === '' ? 'ok' : body}\n`);
  }
  const tail = trailer.trim() === '' ? '' : '\n' + trailer.trim() + '\n';
  return parts.join('\n') + tail;
}

/** Reads `key=value` arguments; bare words are positional. */
export function parseArgs(args: readonly string[]): {
  positional: string[];
  named: Map<string, string>;
} {
  const positional: string[] = [];
  const named = new Map<string, string>();
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq > 0) named.set(arg.slice(0, eq), arg.slice(eq + 1));
    else positional.push(arg);
  }
  return { positional, named };
}
