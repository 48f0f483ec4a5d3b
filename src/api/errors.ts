/**
 * The two ways a call to the Engine API fails, as the docker CLI tells them apart.
 *
 * - `DaemonError`: the daemon answered with an error. The CLI prints
 *   `Error response from daemon: <message>` (reference docker-cli.md §1.4).
 * - `ConnectionError`: nothing answered on the socket. The CLI prints
 *   `Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?`
 */
export type EngineErrorKind =
  | 'invalid-argument'
  | 'not-found'
  | 'already-exists'
  | 'failed-precondition'
  | 'deadline-exceeded'
  | 'unavailable'
  | 'unimplemented'
  | 'internal';

export class DaemonError extends Error {
  override readonly name = 'DaemonError';
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';
  constructor() {
    super(
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    );
  }
}

/**
 * The daemon side of a call the playground does not simulate yet. The CLI turns it into its one
 * line `docker <command>: not simulated in this playground yet` (exit 1), never a fake answer.
 */
export class NotSimulatedCall extends Error {
  override readonly name = 'NotSimulatedCall';
  constructor(readonly call: string) {
    super(`${call}: not simulated in this playground yet`);
  }
}
