import type { ProcessContext } from '../process';

/**
 * Where line tools read from: stdin for no operand or `-`, else a file. The playground has no
 * file system, so only a few read-only files exist; any other name reads as missing.
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

export async function readInputs(
  program: string,
  operands: readonly string[],
  context: ProcessContext,
): Promise<InputsRead> {
  const names = operands.length === 0 ? ['-'] : operands;
  const inputs: InputText[] = [];
  let failed = false;
  for (const name of names) {
    const text = name === '-' ? await context.stdin.readAll() : readVirtualFile(name, context);
    if (text === undefined) {
      context.stderr.write(`${program}: ${name}: No such file or directory\n`);
      failed = true;
    } else {
      inputs.push({ name: name === '-' ? '(standard input)' : name, text });
    }
  }
  return { inputs, failed };
}
