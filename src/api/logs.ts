/**
 * The log stream of `GET /containers/{id}/logs` and `GET /services/{id}/logs` as plain data:
 * the frames of docker's multiplexed stream (stdcopy), each line already written as moby's
 * `WriteLogStream` writes it (timestamp, details, message, newline). A `systemerr` frame is the
 * daemon's error in the stream, which ends the client's copy.
 */
export const LOG_FRAME_STREAMS = ['stdout', 'stderr', 'systemerr'] as const;
export type LogFrameStream = (typeof LOG_FRAME_STREAMS)[number];

export interface LogFrame {
  readonly stream: LogFrameStream;
  readonly text: string;
}

/**
 * What both log endpoints take (moby `container.LogsOptions`), with `since` and `until` as the
 * client library sends them (`<seconds>.<nanoseconds>` or Unix seconds, '' when not given).
 */
export interface LogsQuery {
  readonly since: string;
  readonly timestamps: boolean;
  readonly details: boolean;
  /** As typed: a count, or anything else for all (moby reads a non-number as all). */
  readonly tail: string;
}

/**
 * Where a follow left off: how many lines of each container (by task ID for a service's log)
 * have been sent. The simulated stream is polled, so a later call asks only for what follows.
 */
export type LogCursors = Readonly<Record<string, number>>;

export interface ContainerLogsResult {
  readonly frames: readonly LogFrame[];
  /** Lines of the container's log sent so far, counting earlier calls of a follow. */
  readonly next: number;
  /** Whether the container still runs: a follow ends once it stopped and all was sent. */
  readonly running: boolean;
  /** Whether the log has a line after `until`: moby's follow ends at the first such line. */
  readonly untilPassed: boolean;
}

export interface ServiceLogsResult {
  readonly frames: readonly LogFrame[];
  readonly cursors: LogCursors;
}
