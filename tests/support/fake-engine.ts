import { refusingEngine, type EngineApi } from '../../src/api/engine';
import type { ClientResult, DaemonOp, OperationFields } from '../../src/api/operations';
import { ConnectionError, DaemonError } from '../../src/api/errors';
import type { ClusterInfo, Node, Swarm, SwarmInfo, SwarmSpec } from '../../src/api/swarm';
import { systemInfo, systemVersion, type MachineFacts } from '../../src/swarm/node';

/**
 * A fake Engine API with one function field per call (docker/cli's fakeClient). Defaults answer
 * as a running docker-ce 27.5.1 daemon on `manager1` that is not in a swarm: every swarm call
 * fails as it does on such a node. `fakeManagerEngine` answers as the leader of a small swarm.
 */
export type FakeEngineFunctions = { readonly [K in DaemonOp]?: FakeFunction<K> };

/** A fake of operation `K`: it takes the request's fields (src/api/operations.ts), if it has any. */
type FakeFunction<K extends DaemonOp> = keyof OperationFields<K> extends never
  ? () => Promise<ClientResult<K>>
  : (fields: OperationFields<K>) => Promise<ClientResult<K>>;

export const FAKE_MACHINE: MachineFacts = {
  hostname: 'manager1',
  engineId: '3f0c5e2a-6b7d-4c1e-9a8f-2d4b6c8e0a1f',
  cpuCount: 2,
  memoryBytes: 4_113_612_800,
  kernelAbi: 30,
  systemTime: '2026-11-25T08:11:31.059086123Z',
};

/** Daemon texts (reference docker-cli.md §10). */
export const NOT_IN_SWARM =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
export const WORKER_NODE =
  "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.";
export const NO_LEADER =
  "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.";
export const LOCKED =
  'Swarm is encrypted and needs to be unlocked before it can be used. Please use "docker swarm unlock" to unlock it.';

export function daemonError(message: string): Promise<never> {
  return Promise.reject(new DaemonError('failed-precondition', message));
}

const notManager = (): Promise<never> => daemonError(NOT_IN_SWARM);

/** What the fake answers to a call no test overrode: a daemon on a node in no swarm. */
const NOT_IN_SWARM_ENGINE: EngineApi = {
  ping: () => Promise.resolve({ apiVersion: '1.47', osType: 'linux', swarm: 'inactive' }),
  version: () => Promise.resolve(systemVersion(FAKE_MACHINE)),
  info: () => Promise.resolve(systemInfo(FAKE_MACHINE)),
  swarmInit: () => Promise.resolve(IDS.manager1),
  swarmJoin: () => Promise.resolve(),
  swarmLeave: () => daemonError('This node is not part of a swarm'),
  swarmInspect: notManager,
  swarmUpdate: notManager,
  swarmUnlock: notManager,
  swarmUnlockKey: notManager,
  nodeList: notManager,
  nodeInspect: notManager,
  nodeUpdate: notManager,
  nodeRemove: notManager,
  taskList: notManager,
  taskInspect: notManager,
  // No registry answers by default, as on a machine offline; a test sets the image it needs.
  distributionInspect: () =>
    Promise.reject(
      new DaemonError(
        'unavailable',
        'errors:\ndenied: requested access to the resource is denied\nunauthorized: authentication required\n',
      ),
    ),
  containerList: () => Promise.resolve([]),
  containerInspect: ({ id }) =>
    Promise.reject(new DaemonError('not-found', `No such container: ${id}`)),
  containerRemove: ({ id }) =>
    Promise.reject(new DaemonError('not-found', `No such container: ${id}`)),
  containerExec: ({ id }) =>
    Promise.reject(new DaemonError('not-found', `No such container: ${id}`)),
  containerLogs: (fields) =>
    Promise.reject(new DaemonError('not-found', `No such container: ${fields.container}`)),
  volumeCreate: ({ request }) =>
    Promise.resolve({
      CreatedAt: '2026-12-07T17:30:21Z',
      Driver: request.Driver,
      Labels: request.Labels,
      Mountpoint: `/var/lib/docker/volumes/${request.Name}/_data`,
      Name: request.Name,
      Options: request.DriverOpts,
      Scope: 'local',
    }),
  volumeList: () => Promise.resolve([]),
  volumeInspect: ({ name }) =>
    Promise.reject(new DaemonError('not-found', `get ${name}: no such volume`)),
  volumeRemove: ({ name }) =>
    Promise.reject(new DaemonError('not-found', `get ${name}: no such volume`)),
  volumePrune: () => Promise.resolve({ VolumesDeleted: [], SpaceReclaimed: 0 }),
  serviceCreate: notManager,
  serviceList: notManager,
  serviceInspect: notManager,
  serviceUpdate: notManager,
  serviceRemove: notManager,
  serviceLogs: notManager,
  secretCreate: notManager,
  secretList: notManager,
  secretInspect: notManager,
  secretUpdate: notManager,
  secretRemove: notManager,
  configCreate: notManager,
  configList: notManager,
  configInspect: notManager,
  configUpdate: notManager,
  configRemove: notManager,
  networkCreate: notManager,
  networkList: () => Promise.resolve([]),
  networkInspect: ({ id }) =>
    Promise.reject(new DaemonError('not-found', `network ${id} not found`)),
  networkRemove: ({ id }) =>
    Promise.reject(new DaemonError('not-found', `network ${id} not found`)),
  networkPrune: () => Promise.resolve({ NetworksDeleted: [] }),
  swarmNetworkCreate: notManager,
  swarmNetworkRemove: notManager,
  swarmNetworkPrune: notManager,
};

export function fakeEngine(functions: FakeEngineFunctions = {}): EngineApi {
  return { ...NOT_IN_SWARM_ENGINE, ...functions };
}

/** A machine whose daemon is stopped: every call fails as a closed socket does. */
export function stoppedEngine(): EngineApi {
  return refusingEngine(() => new ConnectionError());
}

// ---------------------------------------------------------------------------------------------
// A swarm: manager1 (leader, this machine), manager2, manager3 (unreachable), worker1, worker2
// ---------------------------------------------------------------------------------------------

export const IDS = {
  cluster: 'rkx3ehb0u4x2pyn1t0oopbzrz',
  manager1: '4xbxjb0o2z4p8fvl5g0vbnk7x',
  manager2: 'm7cdq0x8w4ykr5s1jz2v9pn3e',
  manager3: 'b9t2kf6h3u0qs8rx1wy5nlc7d',
  worker1: 'l8rxm3ms0jfo7bvlbx1bfq6kd',
  worker2: 'q3ckgnpwpk0v7wwgfi9wn3ynb',
} as const;

const CA_PART = '3vi7ajem0jed8guusgvyl98nfg18ibg4pclify6wzac6ucrhg3';
export const TOKENS = {
  worker: `SWMTKN-1-${CA_PART}-0117z3s2ytr6egmmnlr6gd37n`,
  manager: `SWMTKN-1-${CA_PART}-bz3mqyd4z0e1vfm7u5x8lq2ko`,
} as const;
export const UNLOCK_KEY = 'SWMKEY-1-7c37Cc8654o6p38HnroywCi19pllOnGtbdZEgtKxZu8';

const TRUST_ROOT =
  '-----BEGIN CERTIFICATE-----\nMIIBajCCARCgAwIBAgIUbQ2Fz0bkl3CHHtoY+6zqTq8jEy4wCgYIKoZIzj0EAwIw\nEzERMA8GA1UEAxMIc3dhcm0tY2EwHhcNMjYxMTI1MDgwNzAwWhcNNDYxMTIwMDgw\n-----END CERTIFICATE-----\n';
const TLS_INFO = {
  TrustRoot: TRUST_ROOT,
  CertIssuerSubject: 'MBMxETAPBgNVBAMTCHN3YXJtLWNh',
  CertIssuerPublicKey: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEmFDs3kWSb5U0Wv8v7rmNHGuD1Y3p',
};

export const SWARM_SPEC: SwarmSpec = {
  Name: 'default',
  Labels: {},
  Orchestration: { TaskHistoryRetentionLimit: 5 },
  Raft: {
    SnapshotInterval: 10000,
    KeepOldSnapshots: 0,
    LogEntriesForSlowFollowers: 500,
    ElectionTick: 10,
    HeartbeatTick: 1,
  },
  Dispatcher: { HeartbeatPeriod: 5_000_000_000 },
  CAConfig: { NodeCertExpiry: 7_776_000_000_000_000 },
  TaskDefaults: {},
  EncryptionConfig: { AutoLockManagers: false },
};

export const SWARM: Swarm = {
  ID: IDS.cluster,
  Version: { Index: 10 },
  CreatedAt: '2026-11-25T08:07:31.059086123Z',
  UpdatedAt: '2026-11-25T08:07:32.5Z',
  Spec: SWARM_SPEC,
  TLSInfo: TLS_INFO,
  RootRotationInProgress: false,
  DefaultAddrPool: ['10.0.0.0/8'],
  SubnetSize: 24,
  DataPathPort: 4789,
  JoinTokens: { Worker: TOKENS.worker, Manager: TOKENS.manager },
};

const PLUGINS = [
  { Type: 'Log', Name: 'awslogs' },
  { Type: 'Log', Name: 'json-file' },
  { Type: 'Network', Name: 'bridge' },
  { Type: 'Network', Name: 'overlay' },
  { Type: 'Volume', Name: 'local' },
];

interface NodeFixture {
  readonly id: string;
  readonly hostname: string;
  readonly address: string;
  readonly role: 'manager' | 'worker';
  readonly state?: 'ready' | 'down' | 'unknown';
  readonly availability?: 'active' | 'pause' | 'drain';
  readonly reachability?: 'reachable' | 'unreachable';
  readonly leader?: boolean;
  readonly labels?: Readonly<Record<string, string>>;
  readonly message?: string;
}

function fixtureNode(fixture: NodeFixture): Node {
  const node: Node = {
    ID: fixture.id,
    Version: { Index: 9 },
    CreatedAt: '2026-11-25T08:11:31.059086123Z',
    UpdatedAt: '2026-11-25T09:10:31.059086123Z',
    Spec: {
      Labels: fixture.labels ?? {},
      Role: fixture.role,
      Availability: fixture.availability ?? 'active',
    },
    Description: {
      Hostname: fixture.hostname,
      Platform: { Architecture: 'x86_64', OS: 'linux' },
      Resources: { NanoCPUs: 2_000_000_000, MemoryBytes: 4_113_612_800 },
      Engine: { EngineVersion: '27.5.1', Plugins: PLUGINS },
      TLSInfo: TLS_INFO,
    },
    Status: {
      State: fixture.state ?? 'ready',
      ...(fixture.message === undefined ? {} : { Message: fixture.message }),
      Addr: fixture.address,
    },
  };
  if (fixture.role === 'worker') return node;
  return {
    ...node,
    ManagerStatus: {
      ...(fixture.leader === true ? { Leader: true } : {}),
      Reachability: fixture.reachability ?? 'reachable',
      Addr: `${fixture.address}:2377`,
    },
  };
}

/** The fixture swarm's nodes, in store order (not sorted by hostname). */
export const NODES: readonly Node[] = [
  fixtureNode({
    id: IDS.worker2,
    hostname: 'worker2',
    address: '192.168.0.21',
    role: 'worker',
    state: 'down',
    availability: 'drain',
    message: 'heartbeat failure',
  }),
  fixtureNode({
    id: IDS.manager1,
    hostname: 'manager1',
    address: '192.168.0.10',
    role: 'manager',
    leader: true,
  }),
  fixtureNode({
    id: IDS.worker1,
    hostname: 'worker1',
    address: '192.168.0.20',
    role: 'worker',
    labels: { zone: 'b', ssd: '' },
  }),
  fixtureNode({
    id: IDS.manager3,
    hostname: 'manager3',
    address: '192.168.0.12',
    role: 'manager',
    state: 'down',
    reachability: 'unreachable',
  }),
  fixtureNode({ id: IDS.manager2, hostname: 'manager2', address: '192.168.0.11', role: 'manager' }),
];

export function managerSwarmInfo(): SwarmInfo {
  const cluster: ClusterInfo = {
    ID: SWARM.ID,
    Version: SWARM.Version,
    CreatedAt: SWARM.CreatedAt,
    UpdatedAt: SWARM.UpdatedAt,
    Spec: SWARM.Spec,
    TLSInfo: SWARM.TLSInfo,
    RootRotationInProgress: SWARM.RootRotationInProgress,
    DefaultAddrPool: SWARM.DefaultAddrPool,
    SubnetSize: SWARM.SubnetSize,
    DataPathPort: SWARM.DataPathPort,
  };
  return {
    NodeID: IDS.manager1,
    NodeAddr: '192.168.0.10',
    LocalNodeState: 'active',
    ControlAvailable: true,
    Error: '',
    RemoteManagers: [
      { NodeID: IDS.manager2, Addr: '192.168.0.11:2377' },
      { NodeID: IDS.manager1, Addr: '192.168.0.10:2377' },
      { NodeID: IDS.manager3, Addr: '192.168.0.12:2377' },
    ],
    Nodes: NODES.length,
    Managers: 3,
    Cluster: cluster,
  };
}

/** The daemon's node lookup: full ID, exact hostname, then a unique ID prefix. */
export function findNode(nodes: readonly Node[], ref: string): Promise<Node> {
  const byId = nodes.find((node) => node.ID === ref);
  if (byId !== undefined) return Promise.resolve(byId);
  const byName = nodes.filter((node) => node.Description.Hostname === ref);
  if (byName.length === 1 && byName[0] !== undefined) return Promise.resolve(byName[0]);
  const byPrefix = nodes.filter((node) => node.ID.startsWith(ref));
  if (byPrefix.length === 1 && byPrefix[0] !== undefined) return Promise.resolve(byPrefix[0]);
  if (byPrefix.length > 1) {
    return Promise.reject(
      new DaemonError(
        'invalid-argument',
        `node ${ref} is ambiguous (${byPrefix.length} matches found)`,
      ),
    );
  }
  return Promise.reject(new DaemonError('not-found', `node ${ref} not found`));
}

/** The leader of the fixture swarm, as `manager1` answers; `functions` override single calls. */
export function fakeManagerEngine(functions: FakeEngineFunctions = {}): EngineApi {
  return fakeEngine({
    ping: () => Promise.resolve({ apiVersion: '1.47', osType: 'linux', swarm: 'active/manager' }),
    info: () => Promise.resolve(systemInfo(FAKE_MACHINE, managerSwarmInfo())),
    swarmInit: () =>
      daemonError(
        'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.',
      ),
    swarmJoin: () =>
      daemonError(
        'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.',
      ),
    swarmLeave: () => Promise.resolve(),
    swarmInspect: () => Promise.resolve(SWARM),
    swarmUpdate: () => Promise.resolve(),
    swarmUnlock: () => Promise.resolve(),
    swarmUnlockKey: () => Promise.resolve({ UnlockKey: '' }),
    nodeList: () => Promise.resolve(NODES),
    nodeInspect: ({ id }) => findNode(NODES, id),
    nodeUpdate: () => Promise.resolve(),
    nodeRemove: () => Promise.resolve(),
    taskList: () => Promise.resolve([]),
    serviceList: () => Promise.resolve([]),
    ...functions,
  });
}
