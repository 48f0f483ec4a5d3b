import { absolutePath, resolvePath } from '../rootfs/tree';
import { result, type ProcessContext, type ProcessResult } from './process';

/** `echo [-n] [ARG...]`. */
export function echo(args: readonly string[]): ProcessResult {
  const newline = args[0] !== '-n';
  const words = newline ? args : args.slice(1);
  return result(words.join(' ') + (newline ? '\n' : ''));
}

export function trueProgram(): ProcessResult {
  return result('');
}

export function falseProgram(): ProcessResult {
  return result('', '', 1);
}

function grepInputs(
  files: readonly string[],
  context: ProcessContext,
): { readonly inputs: readonly { name: string; text: string }[]; readonly stderr: string } {
  const inputs: { name: string; text: string }[] = [];
  let stderr = '';
  for (const name of files.length === 0 ? ['-'] : files) {
    if (name === '-') {
      inputs.push({ name: '(standard input)', text: context.stdin });
      continue;
    }
    const found = resolvePath(context.fs, absolutePath(context.cwd, name));
    if (!found.ok) stderr += `grep: ${name}: No such file or directory\n`;
    else if (found.entry.kind !== 'file') stderr += `grep: ${name}: Is a directory\n`;
    else inputs.push({ name, text: found.entry.text });
  }
  return { inputs, stderr };
}

/** `grep [-iv] PATTERN [FILE...]`: lines matching, exit 1 when none does, 2 on an error. */
export function grep(args: readonly string[], context: ProcessContext): ProcessResult {
  const flags = new Set<string>();
  const rest: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('-') && arg.length > 1 && rest.length === 0) {
      for (const flag of arg.slice(1)) flags.add(flag);
    } else rest.push(arg);
  }
  const [pattern, ...files] = rest;
  if (pattern === undefined) {
    return result('', 'Usage: grep [OPTION]... PATTERNS [FILE]...\n', 2);
  }
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, flags.has('i') ? 'i' : '');
  } catch {
    return result('', `grep: Unmatched ( or \\(\n`, 2);
  }
  const { inputs, stderr } = grepInputs(files, context);
  const prefix = inputs.length > 1;
  let stdout = '';
  for (const input of inputs) {
    const lines = input.text.endsWith('\n')
      ? input.text.slice(0, -1).split('\n')
      : input.text.split('\n');
    for (const line of input.text === '' ? [] : lines) {
      if (regex.test(line) !== flags.has('v'))
        stdout += `${prefix ? `${input.name}:` : ''}${line}\n`;
    }
  }
  const exitCode = stderr !== '' ? 2 : stdout === '' ? 1 : 0;
  return result(stdout, stderr, exitCode);
}
