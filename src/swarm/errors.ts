import { DaemonError, type EngineErrorKind } from '../api/errors';

/**
 * The gRPC status codes swarmkit answers with. The daemon passes them through as text:
 * `rpc error: code = FailedPrecondition desc = …` (reference docker-cli.md §1.4, the named form
 * of Docker 27.5.1).
 */
export type GrpcCode =
  | 'InvalidArgument'
  | 'NotFound'
  | 'AlreadyExists'
  | 'FailedPrecondition'
  | 'PermissionDenied'
  | 'Unknown'
  | 'Unavailable'
  | 'DeadlineExceeded'
  | 'Internal'
  | 'Aborted'
  | 'Unimplemented';

/**
 * An error as the daemon reports it. `message` is exactly what the CLI prints after
 * `Error response from daemon: `. Plain data, unlike `DaemonError`, so it can be stored in a trace
 * or sent between workers; `toDaemonError` makes the thrown form.
 */
export interface SwarmError {
  readonly kind: EngineErrorKind;
  /** The gRPC code when swarmkit raised the error; null for the daemon's own errors. */
  readonly grpcCode: GrpcCode | null;
  readonly message: string;
}

/**
 * The engine error kind for a gRPC code. `Unknown` (what a plain Go error becomes, e.g. the
 * store's "update out of sequence") and `Aborted` have no kind of their own in src/api, so they
 * map to `internal`; the printed text is unaffected.
 */
function kindOf(code: GrpcCode): EngineErrorKind {
  switch (code) {
    case 'InvalidArgument':
      return 'invalid-argument';
    case 'NotFound':
      return 'not-found';
    case 'AlreadyExists':
      return 'already-exists';
    case 'FailedPrecondition':
    case 'PermissionDenied':
      return 'failed-precondition';
    case 'Unavailable':
      return 'unavailable';
    case 'DeadlineExceeded':
      return 'deadline-exceeded';
    case 'Unimplemented':
      return 'unimplemented';
    case 'Unknown':
    case 'Internal':
    case 'Aborted':
      return 'internal';
  }
}

/** An error swarmkit returned over gRPC, printed with its `rpc error:` prefix. */
export function rpcError(code: GrpcCode, desc: string): SwarmError {
  return {
    kind: kindOf(code),
    grpcCode: code,
    message: `rpc error: code = ${code} desc = ${desc}`,
  };
}

/** An error the daemon raises itself (moby `daemon/cluster`): no gRPC prefix. */
export function daemonError(kind: EngineErrorKind, message: string): SwarmError {
  return { kind, grpcCode: null, message };
}

export function toDaemonError(error: SwarmError): DaemonError {
  return new DaemonError(error.kind, error.message);
}
