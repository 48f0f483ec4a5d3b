import { errorText, resolvePath, type HostFiles } from '../../lib/filesystem';
import type { InputStream, OutputStream } from '../process';
import { discardedOutput, textInput } from './streams';
import type { Redirection } from './syntax';

/**
 * Applies a command's redirections, left to right as bash does, so `>/dev/null 2>&1` silences
 * both streams while `2>&1 >/dev/null` keeps errors on the terminal. The /dev files are the
 * shell's; any other path is the machine's file (`files`), opened (created or truncated) before
 * the command runs, as bash opens it, and written when the command ends.
 */

/** Where redirections to files go: the machine's files, relative to the working directory. */
export interface FileTargets {
  readonly files: HostFiles | undefined;
  readonly cwd: string;
}

/** A file a command writes to: what it wrote, appended to the file once it ends. */
export class FileOutput implements OutputStream {
  text = '';
  constructor(readonly path: string) {}

  write(text: string): void {
    this.text += text;
  }
}

export interface CommandStreams {
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

export type RedirectionResult =
  | {
      readonly kind: 'ok';
      readonly streams: CommandStreams;
      /** The files to write once the command ends, in the order they were opened. */
      readonly fileOutputs: readonly FileOutput[];
    }
  /** The command does not run; `stderr` is where bash would print the error at that point. */
  | { readonly kind: 'error'; readonly message: string; readonly stderr: OutputStream };

/** A redirection with its target word already expanded. */
export interface ExpandedRedirection extends Omit<Redirection, 'target'> {
  readonly target: string;
}

export async function applyRedirections(
  streams: CommandStreams,
  redirections: readonly ExpandedRedirection[],
  targets: FileTargets = { files: undefined, cwd: '/root' },
): Promise<RedirectionResult> {
  const outputs = new Map<number, OutputStream>([
    [1, streams.stdout],
    [2, streams.stderr],
  ]);
  let stdin = streams.stdin;
  const fileOutputs: FileOutput[] = [];
  const context: RedirectionContext = {
    outputs,
    setStdin: (input) => (stdin = input),
    targets,
    opened: (output) => fileOutputs.push(output),
  };
  for (const redirection of redirections) {
    const failure = await applyOne(redirection, context);
    if (failure !== null) {
      return { kind: 'error', message: failure, stderr: outputs.get(2) ?? streams.stderr };
    }
  }
  return {
    kind: 'ok',
    streams: {
      stdin,
      stdout: outputs.get(1) ?? discardedOutput,
      stderr: outputs.get(2) ?? discardedOutput,
    },
    fileOutputs,
  };
}

interface RedirectionContext {
  readonly outputs: Map<number, OutputStream>;
  readonly setStdin: (input: InputStream) => void;
  readonly targets: FileTargets;
  readonly opened: (output: FileOutput) => void;
}

/**
 * Writes what a command wrote to its files; bash's text for a write that failed (a full disk),
 * or null.
 */
export async function flushFileOutputs(
  outputs: readonly FileOutput[],
  files: HostFiles | undefined,
): Promise<string | null> {
  if (files === undefined) return null;
  for (const output of outputs) {
    if (output.text === '') continue;
    const answer = await files.write(output.path, output.text, true);
    if (!answer.ok) return `bash: write error: ${errorText(answer.error)}`;
  }
  return null;
}

/** Applies one redirection; returns bash's error text, or null. */
async function applyOne(
  redirection: ExpandedRedirection,
  context: RedirectionContext,
): Promise<string | null> {
  const { operator, target } = redirection;
  switch (operator) {
    case '<':
      return redirection.duplicate ? null : readFrom(target, context);
    case '<<<':
      context.setStdin(textInput(`${target}\n`));
      return null;
    case '<<':
      // The lexer put the here-document's body in place of its delimiter.
      context.setStdin(textInput(target));
      return null;
    case '<>':
      return `bash: ${target}: opening files for reading and writing is not simulated in this playground`;
    case '&>':
    case '&>>':
      return writeBoth(target, operator === '&>>', context);
    case '>':
    case '>>':
    case '>|':
      return writeTo(redirection, context);
  }
}

async function writeTo(
  redirection: ExpandedRedirection,
  context: RedirectionContext,
): Promise<string | null> {
  const { outputs } = context;
  const fd = redirection.fd ?? 1;
  const { target } = redirection;
  if (!redirection.duplicate) {
    return openOutput(target, redirection.operator === '>>', context, (stream) =>
      outputs.set(fd, stream),
    );
  }
  if (target === '-') {
    outputs.delete(fd);
    return null;
  }
  if (!/^[0-9]+$/.test(target)) {
    // `>&word` with a word that is not a descriptor means `&>word` in bash.
    return redirection.fd === null
      ? writeBoth(target, false, context)
      : `bash: ${target}: ambiguous redirect`;
  }
  const source = outputs.get(Number(target));
  if (source === undefined) return `bash: ${target}: Bad file descriptor`;
  outputs.set(fd, source);
  return null;
}

function writeBoth(
  target: string,
  append: boolean,
  context: RedirectionContext,
): Promise<string | null> {
  return openOutput(target, append, context, (stream) => {
    context.outputs.set(1, stream);
    context.outputs.set(2, stream);
  });
}

/** Opens `target` for writing as bash does before the command runs: created, or truncated. */
async function openOutput(
  target: string,
  append: boolean,
  context: RedirectionContext,
  use: (stream: OutputStream) => void,
): Promise<string | null> {
  const device = deviceOutput(target, context.outputs);
  if (device !== undefined) {
    use(device);
    return null;
  }
  const { files, cwd } = context.targets;
  if (files === undefined) {
    return `bash: ${target}: files are not simulated in this playground; only /dev/null can be written`;
  }
  if (target === '') return 'bash: : No such file or directory';
  const path = resolvePath(target, cwd);
  const opened = await files.write(path, '', append);
  if (!opened.ok) return `bash: ${target}: ${errorText(opened.error)}`;
  const output = new FileOutput(path);
  context.opened(output);
  use(output);
  return null;
}

function deviceOutput(
  target: string,
  outputs: ReadonlyMap<number, OutputStream>,
): OutputStream | undefined {
  switch (target) {
    case '/dev/null':
      return discardedOutput;
    case '/dev/stdout':
      return outputs.get(1) ?? discardedOutput;
    case '/dev/stderr':
      return outputs.get(2) ?? discardedOutput;
    default:
      return undefined;
  }
}

async function readFrom(target: string, context: RedirectionContext): Promise<string | null> {
  if (target === '/dev/null') {
    context.setStdin(textInput(''));
    return null;
  }
  const { files, cwd } = context.targets;
  if (files === undefined) {
    return `bash: ${target}: reading files is not simulated in this playground; use echo ... | command`;
  }
  const read = await files.read(resolvePath(target, cwd));
  if (!read.ok) return `bash: ${target}: ${errorText(read.error)}`;
  context.setStdin(textInput(read.value));
  return null;
}
