import type { LogFrame } from '../../api/logs';
import { CliError } from '../command/errors';

/**
 * docker's `stdcopy.StdCopy`: each frame of the daemon's multiplexed log stream to stdout or
 * stderr; an error the daemon wrote into the stream ends the copy as the command's error.
 */
export async function stdCopy(
  frames: readonly LogFrame[],
  stdout: LogWriter,
  stderr: LogWriter,
): Promise<void> {
  for (const frame of frames) {
    if (frame.stream === 'systemerr') {
      throw new CliError(`error from daemon in stream: ${frame.text}`);
    }
    await (frame.stream === 'stdout' ? stdout : stderr).write(frame.text);
  }
}

/** Where one stream's lines go: a terminal stream, or a writer that rewrites them first. */
export interface LogWriter {
  write(text: string): void | Promise<void>;
}

/** How often a follow asks the daemon for what its container wrote since, in virtual ms. */
export const FOLLOW_POLL_MS = 500;

/** The client library's check of `--since` and `--until` (`invalid value for "since": …`). */
export function clientTimestamp(
  flag: 'since' | 'until',
  value: string,
  nowEpochMs: number,
  convert: (value: string, now: number) => string,
): string {
  if (value === '') return '';
  try {
    return convert(value, nowEpochMs);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError(`invalid value for "${flag}": ${detail}`);
  }
}
