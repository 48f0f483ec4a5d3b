import { ConnectionError, DaemonError } from '../../api/errors';

/**
 * The text docker prints for a failed call, as its API client words errors: the daemon's message
 * behind `Error response from daemon: `, or the socket error as is.
 */
export function engineErrorText(error: unknown): string {
  if (error instanceof DaemonError) return `Error response from daemon: ${error.message.trim()}`;
  if (error instanceof ConnectionError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
