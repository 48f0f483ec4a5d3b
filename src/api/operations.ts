import type { EngineErrorKind } from './errors';
import type {
  Filters,
  InitRequest,
  JoinRequest,
  Node,
  NodeSpecUpdate,
  Swarm,
  SwarmInfo,
  SwarmSpec,
  UnlockKeyResponse,
  UnlockRequest,
  UpdateFlags,
} from './swarm';
import type {
  Service,
  ServiceCreateResponse,
  ServiceRollback,
  ServiceSpec,
  ServiceUpdateResponse,
} from './service';
import type { ContainerInspect, ContainerSummary, ExecResult } from './container';
import type { ContainerLogsResult, LogCursors, LogsQuery, ServiceLogsResult } from './logs';
import type { DistributionInspect } from './distribution';
import type { PingResult, SystemInfo, SystemVersion } from './system';
import type { Task } from './task';
import type { Config, ConfigSpec, DataObjectCreateResponse, Secret, SecretSpec } from './secret';
import type { Volume, VolumeCreateRequest, VolumePruneReport } from './volume';
import type {
  NetworkCreateRequest,
  NetworkCreateResponse,
  NetworkInspect,
  NetworkPruneReport,
} from './network';

/**
 * The daemon's operations, each declared once, here: its name, the fields of its request, what
 * the daemon answers, and what the Engine API client resolves with. Everything else derives from
 * this table: the request union (recorded as simulation inputs, replayed, sent across workers),
 * the typed answers, the `EngineApi` interface the CLI calls (./engine.ts), the client's dispatch
 * (src/sim/machine-engine.ts), the daemon's routers (src/swarm/node) and the test fake. Adding an
 * operation is adding a row here and its handler in the daemon.
 *
 * `route` says who answers: `local` calls are answered by the machine's own daemon (`/_ping`,
 * `/info`, joining and leaving the swarm); `control` calls go to the swarm's control API, on the
 * leader (a follower forwards them, swarmkit's raft proxy; semantics §1.2).
 */
export const DAEMON_OPERATIONS = {
  /** `GET /_ping`: whether a daemon answers, and this node's swarm role (for hidden commands). */
  ping: local<NoFields, PingResult>(),
  /** `GET /version`: the client builds it from the machine's facts once the daemon answered. */
  version: local<NoFields, null, SystemVersion>(),
  /** `GET /info`: the daemon answers its swarm section; the client adds the machine's facts. */
  info: local<NoFields, SwarmInfo, SystemInfo>(),
  /** `POST /swarm/init`: resolves to this node's new ID. */
  swarmInit: local<{ readonly request: InitRequest }, string>(),
  /** `POST /swarm/join`: resolves once the node has joined (or the join timed out: rejects). */
  swarmJoin: localWrite<{ readonly request: JoinRequest }>(),
  /** `POST /swarm/leave?force=…`. */
  swarmLeave: localWrite<{ readonly force: boolean }>(),
  /** `POST /swarm/unlock`. */
  swarmUnlock: localWrite<{ readonly request: UnlockRequest }>(),
  /** `GET /swarm`: the cluster with its join tokens (managers only). */
  swarmInspect: control<NoFields, Swarm>(),
  /** `POST /swarm/update?version=…&rotateWorkerToken=…`: `version` is `Swarm.Version.Index`. */
  swarmUpdate: controlWrite<{
    readonly version: number;
    readonly spec: SwarmSpec;
    readonly flags: UpdateFlags;
  }>(),
  /** `GET /swarm/unlockkey`. */
  swarmUnlockKey: control<NoFields, UnlockKeyResponse>(),
  /** `GET /nodes?filters=…`; the daemon checks the filter keys. */
  nodeList: control<{ readonly filters: Filters }, readonly Node[]>(),
  /**
   * `GET /nodes/{id}`: `id` as the user typed it; the daemon resolves a full ID, an exact
   * hostname or a unique ID prefix (`node x not found`, `node x is ambiguous (N matches found)`).
   */
  nodeInspect: control<{ readonly id: string }, Node>(),
  /** `POST /nodes/{id}/update?version=…`: the daemon checks Role and Availability. */
  nodeUpdate: controlWrite<{
    readonly id: string;
    readonly version: number;
    readonly spec: NodeSpecUpdate;
  }>(),
  /** `DELETE /nodes/{id}?force=…`. */
  nodeRemove: controlWrite<{ readonly id: string; readonly force: boolean }>(),
  /** `GET /tasks?filters=…` (`node ps` filters on `node`, `service ps` on `service`). */
  taskList: control<{ readonly filters: Filters }, readonly Task[]>(),
  /** `GET /tasks/{id}`: a full task ID or a unique prefix (`docker inspect`). */
  taskInspect: control<{ readonly id: string }, Task>(),
  /**
   * `GET /distribution/{image}/json`: the node asks the registry for the image's digest and
   * platforms. The client library calls it before `serviceCreate` and `serviceUpdate` to pin the
   * image (moby client `imageDigestAndPlatforms`); the simulated registry is the image catalogue.
   */
  distributionInspect: local<{ readonly image: string }, DistributionInspect>(),
  /**
   * `GET /containers/json?all=…&filters=…`: the containers of this machine, newest first; only
   * running ones unless `all`. The daemon checks and applies the filters.
   */
  containerList: local<
    { readonly all: boolean; readonly filters: Filters },
    readonly ContainerSummary[]
  >(),
  /**
   * `GET /containers/{id}/json`: `id` as typed; the daemon resolves a full ID, an exact name or
   * a unique ID prefix (`No such container: x`).
   */
  containerInspect: local<{ readonly id: string }, ContainerInspect>(),
  /** `DELETE /containers/{id}?force=…`: a running one only with `force` (killed first). */
  containerRemove: localWrite<{ readonly id: string; readonly force: boolean }>(),
  /**
   * `POST /containers/{id}/exec`, then `POST /exec/{id}/start` and `GET /exec/{id}/json`, as one
   * call: the command runs to its end in the container, and the answer is what its attached
   * streams carried and its exit code (a start failure is written on stdout, exit 126).
   */
  containerExec: local<
    {
      readonly id: string;
      readonly cmd: readonly string[];
      readonly env: readonly string[];
      readonly workdir: string;
      readonly user: string;
      readonly tty: boolean;
      /** What `-i` sends on its stdin: a pipe's text; a terminal sends none here. */
      readonly stdin: string;
    },
    ExecResult
  >(),
  /**
   * `GET /containers/{id}/logs`: `container` as typed (a full ID, a name or a unique ID prefix);
   * `after` skips the lines a follow already printed, and `tail` is then ignored.
   */
  containerLogs: local<
    LogsQuery & {
      readonly container: string;
      readonly until: string;
      readonly after: number | null;
    },
    ContainerLogsResult
  >(),
  /** `POST /volumes/create`: a local volume on this node (an existing one is answered as is). */
  volumeCreate: local<{ readonly request: VolumeCreateRequest }, Volume>(),
  /** `GET /volumes?filters=…`: this node's volumes; the daemon checks and applies the filters. */
  volumeList: local<{ readonly filters: Filters }, readonly Volume[]>(),
  /** `GET /volumes/{name}`: by exact name (`get x: no such volume`). */
  volumeInspect: local<{ readonly name: string }, Volume>(),
  /** `DELETE /volumes/{name}?force=…`: one in use by a container is refused, even with force. */
  volumeRemove: localWrite<{ readonly name: string; readonly force: boolean }>(),
  /** `POST /volumes/prune?filters=…`: unused volumes; only anonymous ones unless `all=true`. */
  volumePrune: local<{ readonly filters: Filters }, VolumePruneReport>(),
  /** `POST /services/create`. */
  serviceCreate: control<{ readonly spec: ServiceSpec }, ServiceCreateResponse>(),
  /** `GET /services?filters=…&status=…`: with `status`, each service has its `ServiceStatus`. */
  serviceList: control<
    { readonly filters: Filters; readonly status: boolean },
    readonly Service[]
  >(),
  /**
   * `GET /services/{id}?insertDefaults=…`: `id` as typed; the daemon resolves a full ID, an exact
   * name or a unique ID prefix (`service x not found`, `service x is ambiguous (N matches found)`).
   */
  serviceInspect: control<{ readonly id: string; readonly insertDefaults: boolean }, Service>(),
  /**
   * `POST /services/{id}/update?version=…&rollback=…`: `version` is the `Version.Index` read;
   * with `rollback: 'previous'` the daemon swaps the spec and the previous spec (the `spec` sent
   * is then ignored, as the CLI sends the current one).
   */
  serviceUpdate: control<
    {
      readonly id: string;
      readonly version: number;
      readonly spec: ServiceSpec;
      readonly rollback: ServiceRollback;
    },
    ServiceUpdateResponse
  >(),
  /** `DELETE /services/{id}`. */
  serviceRemove: controlWrite<{ readonly id: string }>(),
  /**
   * `GET /services/{id}/logs` and `GET /tasks/{id}/logs` (`task` says which): the leader's log
   * broker gathers the lines of the tasks' containers from the nodes that ran them. A follow
   * polls: `cursors` says what each task's container already sent, and `follow` that tasks not
   * running yet count and the broker's warnings are not told (a follow never completes).
   */
  serviceLogs: control<
    LogsQuery & {
      readonly target: string;
      readonly task: boolean;
      readonly follow: boolean;
      readonly cursors: LogCursors | null;
    },
    ServiceLogsResult
  >(),
  /** `POST /secrets/create`: answers the new ID; the data never comes back. */
  secretCreate: control<{ readonly spec: SecretSpec }, DataObjectCreateResponse>(),
  /** `GET /secrets?filters=…`: `names`, `name`, `id` and `label`; without their data. */
  secretList: control<{ readonly filters: Filters }, readonly Secret[]>(),
  /** `GET /secrets/{id}`: a full ID, an exact name or a unique ID prefix; without its data. */
  secretInspect: control<{ readonly id: string }, Secret>(),
  /** `POST /secrets/{id}/update?version=…`: only the labels may change. */
  secretUpdate: controlWrite<{
    readonly id: string;
    readonly version: number;
    readonly spec: SecretSpec;
  }>(),
  /** `DELETE /secrets/{id}`: refused while a service uses it. */
  secretRemove: controlWrite<{ readonly id: string }>(),
  /** `POST /configs/create`. */
  configCreate: control<{ readonly spec: ConfigSpec }, DataObjectCreateResponse>(),
  /** `GET /configs?filters=…`: `name`, `id` and `label`; with their data. */
  configList: control<{ readonly filters: Filters }, readonly Config[]>(),
  /** `GET /configs/{id}`: a full ID, an exact name or a unique ID prefix. */
  configInspect: control<{ readonly id: string }, Config>(),
  /** `POST /configs/{id}/update?version=…`: only the labels may change. */
  configUpdate: controlWrite<{
    readonly id: string;
    readonly version: number;
    readonly spec: ConfigSpec;
  }>(),
  /** `DELETE /configs/{id}`: refused while a service uses it. */
  configRemove: controlWrite<{ readonly id: string }>(),
  /**
   * `POST /networks/create`: the node checks the request; a swarm-scoped (overlay) one goes on a
   * manager to the control API (`swarmNetworkCreate`), as libnetwork's redirect to the manager.
   */
  networkCreate: local<{ readonly request: NetworkCreateRequest }, NetworkCreateResponse>(),
  /** `GET /networks?filters=…`: the swarm's networks (managers) and this node's own. */
  networkList: local<{ readonly filters: Filters }, readonly NetworkInspect[]>(),
  /**
   * `GET /networks/{id}?scope=…`: a full ID, a full name or a unique ID prefix, local copy
   * first; `scope` (empty for any) keeps only networks of that scope.
   */
  networkInspect: local<{ readonly id: string; readonly scope: string }, NetworkInspect>(),
  /** `DELETE /networks/{id}`: a swarm network through the control API (`swarmNetworkRemove`). */
  networkRemove: localWrite<{ readonly id: string }>(),
  /** `POST /networks/prune?filters=…`: on a manager, the unused swarm networks too. */
  networkPrune: local<{ readonly filters: Filters }, NetworkPruneReport>(),
  /** swarmkit `CreateNetwork`, which a manager's daemon calls for `networkCreate`. */
  swarmNetworkCreate: control<{ readonly request: NetworkCreateRequest }, NetworkCreateResponse>(),
  /** swarmkit `RemoveNetwork` after moby's `getNetwork`, for `networkRemove`. */
  swarmNetworkRemove: controlWrite<{ readonly id: string }>(),
  /** moby `clusterNetworksPrune`, for `networkPrune` on a manager. */
  swarmNetworkPrune: control<{ readonly filters: Filters }, NetworkPruneReport>(),
};

/** A request without fields. */
export type NoFields = object;

export type OperationRoute = 'local' | 'control';

/**
 * One row of the table. The request and result types live only in the phantom `types` field,
 * which is never set: it lets each row carry its types without a value of them.
 */
export interface Operation<Route extends OperationRoute, Request, Result, ClientResult> {
  readonly route: Route;
  readonly types?: (request: Request) => { daemon: Result; client: ClientResult };
}

/** An operation the machine's own daemon answers. */
function local<Request, Result, ClientResult = Result>(): Operation<
  'local',
  Request,
  Result,
  ClientResult
> {
  return { route: 'local' };
}

/** A write the machine's own daemon answers: the daemon answers null, the client resolves. */
function localWrite<Request>(): Operation<'local', Request, null, void> {
  return { route: 'local' };
}

/** A write of the swarm's control API: answered on the leader once its entry applies. */
function controlWrite<Request>(): Operation<'control', Request, null, void> {
  return { route: 'control' };
}

/** An operation of the swarm's control API, answered on the leader. */
function control<Request, Result, ClientResult = Result>(): Operation<
  'control',
  Request,
  Result,
  ClientResult
> {
  return { route: 'control' };
}

type Table = typeof DAEMON_OPERATIONS;

export type DaemonOp = keyof Table;

type TypesOf<K extends DaemonOp> = NonNullable<Table[K]['types']>;

/** The fields of operation `K`'s request, besides `op`. */
export type OperationFields<K extends DaemonOp> = Parameters<TypesOf<K>>[0];

/** What the daemon answers to operation `K`. */
export type OperationResult<K extends DaemonOp> = ReturnType<TypesOf<K>>['daemon'];

/** What the Engine API client resolves with for operation `K`. */
export type ClientResult<K extends DaemonOp> = ReturnType<TypesOf<K>>['client'];

type RequestMap = { readonly [K in DaemonOp]: { readonly op: K } & OperationFields<K> };

/** One call of operation `K` as plain data. */
export type DaemonRequestOf<K extends DaemonOp> = RequestMap[K];

/**
 * One Engine API call as plain data, so that it can be recorded in the input log, replayed, and
 * sent across the worker boundary.
 */
export type DaemonRequest = RequestMap[DaemonOp];

export type LocalOp = { [K in DaemonOp]: Table[K]['route'] extends 'local' ? K : never }[DaemonOp];
export type ControlOp = Exclude<DaemonOp, LocalOp>;

/** A call of the swarm's control API, which a follower forwards to the leader. */
export type ControlRequest = DaemonRequestOf<ControlOp>;

/** Whether `request` is a control-API call (answered on the leader), not the node's own. */
export function isControlRequest(request: DaemonRequest): request is ControlRequest {
  return DAEMON_OPERATIONS[request.op].route === 'control';
}

/** A daemon error as plain data: the client turns it back into `DaemonError`. */
export interface DaemonFailure {
  readonly kind: EngineErrorKind;
  readonly message: string;
}

/** A successful answer to operation `K`: it names its operation, so the client can check it. */
export interface OkResponse<K extends DaemonOp> {
  readonly status: 'ok';
  readonly op: K;
  readonly value: OperationResult<K>;
}

/**
 * The answer to a call. `connection` is a closed /var/run/docker.sock (the client raises
 * `ConnectionError`); `cancelled` is a call dropped by Ctrl+C.
 */
export type DaemonResponse =
  | { [K in DaemonOp]: OkResponse<K> }[DaemonOp]
  | { readonly status: 'error'; readonly error: DaemonFailure }
  | { readonly status: 'connection' }
  | { readonly status: 'cancelled' };

export function okResponse<K extends DaemonOp>(op: K, value: OperationResult<K>): OkResponse<K> {
  return { status: 'ok', op, value };
}

export function errorResponse(error: DaemonFailure): DaemonResponse {
  return { status: 'error', error: { kind: error.kind, message: error.message } };
}

/**
 * Whether `response` is a successful answer to operation `op`: the op it names is checked, so the
 * value is typed by the operation that asked for it. (`OkResponse<K>` in the parameter's type only
 * lets the predicate name a generic member of the union.)
 */
export function isOkResponseTo<K extends DaemonOp>(
  op: K,
  response: DaemonResponse | OkResponse<K>,
): response is OkResponse<K> {
  return response.status === 'ok' && response.op === op;
}

export function isDaemonOp(value: unknown): value is DaemonOp {
  return typeof value === 'string' && Object.hasOwn(DAEMON_OPERATIONS, value);
}
