import type { InputStream, OutputStream } from '../process';
import { discardedOutput, textInput } from './streams';
import type { Redirection } from './syntax';

/**
 * Applies a command's redirections, left to right as bash does, so `>/dev/null 2>&1` silences
 * both streams while `2>&1 >/dev/null` keeps errors on the terminal. The playground has no file
 * system: only the /dev files exist, and anything else says so instead of pretending to write.
 */

export interface CommandStreams {
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

export type RedirectionResult =
  | { readonly kind: 'ok'; readonly streams: CommandStreams }
  /** The command does not run; `stderr` is where bash would print the error at that point. */
  | { readonly kind: 'error'; readonly message: string; readonly stderr: OutputStream };

/** A redirection with its target word already expanded. */
export interface ExpandedRedirection extends Omit<Redirection, 'target'> {
  readonly target: string;
}

export function applyRedirections(
  streams: CommandStreams,
  redirections: readonly ExpandedRedirection[],
): RedirectionResult {
  const outputs = new Map<number, OutputStream>([
    [1, streams.stdout],
    [2, streams.stderr],
  ]);
  let stdin = streams.stdin;
  for (const redirection of redirections) {
    const failure = applyOne(redirection, outputs, (input) => (stdin = input));
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
  };
}

/** Applies one redirection; returns bash's error text, or null. */
function applyOne(
  redirection: ExpandedRedirection,
  outputs: Map<number, OutputStream>,
  setStdin: (input: InputStream) => void,
): string | null {
  const { operator, target } = redirection;
  switch (operator) {
    case '<':
      return redirection.duplicate ? null : readFrom(target, setStdin);
    case '<<<':
      setStdin(textInput(`${target}\n`));
      return null;
    case '<<':
      return 'bash: here-documents (<<) are not simulated in this playground; use echo ... | command';
    case '<>':
      return `bash: ${target}: opening files for reading and writing is not simulated in this playground`;
    case '&>':
    case '&>>':
      return writeBoth(target, outputs);
    case '>':
    case '>>':
    case '>|':
      return writeTo(redirection, outputs);
  }
}

function writeTo(
  redirection: ExpandedRedirection,
  outputs: Map<number, OutputStream>,
): string | null {
  const fd = redirection.fd ?? 1;
  const { target } = redirection;
  if (!redirection.duplicate)
    return openOutput(target, outputs, (stream) => outputs.set(fd, stream));
  if (target === '-') {
    outputs.delete(fd);
    return null;
  }
  if (!/^[0-9]+$/.test(target)) {
    // `>&word` with a word that is not a descriptor means `&>word` in bash.
    return redirection.fd === null
      ? writeBoth(target, outputs)
      : `bash: ${target}: ambiguous redirect`;
  }
  const source = outputs.get(Number(target));
  if (source === undefined) return `bash: ${target}: Bad file descriptor`;
  outputs.set(fd, source);
  return null;
}

function writeBoth(target: string, outputs: Map<number, OutputStream>): string | null {
  return openOutput(target, outputs, (stream) => {
    outputs.set(1, stream);
    outputs.set(2, stream);
  });
}

function openOutput(
  target: string,
  outputs: ReadonlyMap<number, OutputStream>,
  use: (stream: OutputStream) => void,
): string | null {
  const stream = deviceOutput(target, outputs);
  if (stream === undefined) {
    return `bash: ${target}: files are not simulated in this playground; only /dev/null can be written`;
  }
  use(stream);
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

function readFrom(target: string, setStdin: (input: InputStream) => void): string | null {
  if (target === '/dev/null') {
    setStdin(textInput(''));
    return null;
  }
  return `bash: ${target}: reading files is not simulated in this playground; use echo ... | command`;
}
