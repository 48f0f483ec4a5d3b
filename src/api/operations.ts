import type { PingResult } from './engine';
import type { EngineErrorKind } from './errors';
import type {
  Filters,
  InitRequest,
  JoinRequest,
  Node,
  NodeSpecUpdate,
  Swarm,
  SwarmSpec,
  UnlockKeyResponse,
  UnlockRequest,
  UpdateFlags,
} from './swarm';
import type { SwarmInfo } from './system';
import type { Task } from './task';

/**
 * One Engine API call as plain data (one variant per `EngineApi` method), so that it can be
 * recorded in the input log, replayed, and sent across the worker boundary.
 */
export type DaemonRequest =
  | { readonly op: 'ping' }
  | { readonly op: 'version' }
  | { readonly op: 'info' }
  | { readonly op: 'swarmInit'; readonly request: InitRequest }
  | { readonly op: 'swarmJoin'; readonly request: JoinRequest }
  | { readonly op: 'swarmLeave'; readonly force: boolean }
  | { readonly op: 'swarmInspect' }
  | {
      readonly op: 'swarmUpdate';
      readonly version: number;
      readonly spec: SwarmSpec;
      readonly flags: UpdateFlags;
    }
  | { readonly op: 'swarmUnlock'; readonly request: UnlockRequest }
  | { readonly op: 'swarmUnlockKey' }
  | { readonly op: 'nodeList'; readonly filters: Filters }
  | { readonly op: 'nodeInspect'; readonly id: string }
  | {
      readonly op: 'nodeUpdate';
      readonly id: string;
      readonly version: number;
      readonly spec: NodeSpecUpdate;
    }
  | { readonly op: 'nodeRemove'; readonly id: string; readonly force: boolean }
  | { readonly op: 'taskList'; readonly filters: Filters };

export type DaemonOp = DaemonRequest['op'];

/** What each call resolves to. */
export interface DaemonResults {
  readonly ping: PingResult;
  /** The page builds `GET /version` from the machine's facts once the daemon answered. */
  readonly version: null;
  /** The daemon's swarm section; the page adds the machine's facts (`systemInfo`). */
  readonly info: SwarmInfo;
  readonly swarmInit: string;
  readonly swarmJoin: null;
  readonly swarmLeave: null;
  readonly swarmInspect: Swarm;
  readonly swarmUpdate: null;
  readonly swarmUnlock: null;
  readonly swarmUnlockKey: UnlockKeyResponse;
  readonly nodeList: readonly Node[];
  readonly nodeInspect: Node;
  readonly nodeUpdate: null;
  readonly nodeRemove: null;
  readonly taskList: readonly Task[];
}

/** A daemon error as plain data: the page turns it back into `DaemonError`. */
export interface DaemonFailure {
  readonly kind: EngineErrorKind;
  readonly message: string;
}

/**
 * The answer to a call. `connection` is a closed /var/run/docker.sock (the page raises
 * `ConnectionError`); `cancelled` is a call dropped by Ctrl+C.
 */
export type DaemonResponse =
  | { readonly status: 'ok'; readonly value: DaemonResults[DaemonOp] }
  | { readonly status: 'error'; readonly error: DaemonFailure }
  | { readonly status: 'connection' }
  | { readonly status: 'cancelled' };

export function okResponse<K extends DaemonOp>(_op: K, value: DaemonResults[K]): DaemonResponse {
  return { status: 'ok', value };
}

export function errorResponse(error: DaemonFailure): DaemonResponse {
  return { status: 'error', error: { kind: error.kind, message: error.message } };
}

const OPS: ReadonlySet<string> = new Set<DaemonOp>([
  'ping',
  'version',
  'info',
  'swarmInit',
  'swarmJoin',
  'swarmLeave',
  'swarmInspect',
  'swarmUpdate',
  'swarmUnlock',
  'swarmUnlockKey',
  'nodeList',
  'nodeInspect',
  'nodeUpdate',
  'nodeRemove',
  'taskList',
]);

/** A shallow check of a request that arrived from outside (a worker message, a save). */
export function isDaemonRequest(value: unknown): value is DaemonRequest {
  if (typeof value !== 'object' || value === null) return false;
  const op = (value as Record<string, unknown>).op;
  return typeof op === 'string' && OPS.has(op);
}
