import { errorText, resolvePath } from '../../lib/filesystem';
import type { ProcessContext } from '../process';

/**
 * Where line tools read from: stdin for no operand or `-`, else a file of the machine
 * (`host.files`). Without one (some tests), only a few read-only files exist.
 */

export interface InputText {
  readonly name: string;
  readonly text: string;
}

export interface InputsRead {
  readonly inputs: readonly InputText[];
  /** Some operand could not be read (its error is already written). */
  readonly failed: boolean;
}

export function readVirtualFile(path: string, context: ProcessContext): string | undefined {
  switch (path) {
    case '/etc/hostname':
      return `${context.host.hostname}\n`;
    case '/dev/null':
      return '';
    default:
      return undefined;
  }
}

/** A file operand's text, or strerror's text for why it cannot be read. */
export async function readFile(
  name: string,
  context: ProcessContext,
): Promise<{ readonly text: string } | { readonly error: string }> {
  const { files } = context.host;
  if (files === undefined || name === '/dev/null') {
    const text = readVirtualFile(name, context);
    return text === undefined ? { error: errorText('ENOENT') } : { text };
  }
  const read = await files.read(resolvePath(name, context.host.cwd ?? '/root'));
  return read.ok ? { text: read.value } : { error: errorText(read.error) };
}

export async function readInputs(
  program: string,
  operands: readonly string[],
  context: ProcessContext,
): Promise<InputsRead> {
  const names = operands.length === 0 ? ['-'] : operands;
  const inputs: InputText[] = [];
  let failed = false;
  for (const name of names) {
    const read =
      name === '-' ? { text: await context.stdin.readAll() } : await readFile(name, context);
    const text = 'text' in read ? read.text : undefined;
    if (text === undefined) {
      context.stderr.write(`${program}: ${name}: ${'error' in read ? read.error : ''}\n`);
      failed = true;
    } else {
      inputs.push({ name: name === '-' ? '(standard input)' : name, text });
    }
  }
  return { inputs, failed };
}
