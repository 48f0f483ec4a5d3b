import { resolvePath, type HostFiles } from '../../lib/filesystem';
import type { ProcessContext } from '../process';
import { parseOptions, tryHelp, type OptionSpec, type ParsedOptions } from './options';

/**
 * What the file programs (`ls`, `mkdir`, `rm`, `touch`) share: their options, the machine's
 * files, and operands resolved against the working directory.
 */
export interface FileProgramStart {
  readonly options: ParsedOptions;
  readonly files: HostFiles;
  /** An operand as an absolute path. */
  readonly resolve: (operand: string) => string;
}

export function startFileProgram(
  context: ProcessContext,
  spec: OptionSpec,
): FileProgramStart | number {
  const parsed = parseOptions(context.args, spec);
  if (parsed.kind === 'error') {
    context.stderr.write(`${parsed.message}\n${tryHelp(spec.program)}`);
    return 1;
  }
  const { files } = context.host;
  if (files === undefined) {
    context.stderr.write(`${spec.program}: this machine has no files in this playground\n`);
    return 1;
  }
  const cwd = context.host.cwd ?? '/root';
  return { options: parsed.options, files, resolve: (operand) => resolvePath(operand, cwd) };
}

/** coreutils' `Try 'x --help'` after a missing operand. */
export function missingOperand(context: ProcessContext, program: string, what = 'operand'): number {
  context.stderr.write(`${program}: missing ${what}\n${tryHelp(program)}`);
  return 1;
}
