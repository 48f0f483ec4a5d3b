import type { InitRequest, JoinTokens, NodeDescription, Swarm } from '../../api/swarm';
import {
  generateJoinToken,
  generateUnlockKey,
  newObjectId,
  newRaftId,
  newRootDigestHex,
} from '../identity';
import {
  clusterObject,
  createAction,
  emptyStore,
  memberObject,
  networkObject,
  nodeObject,
  type ClusterRecord,
  type MemberRecord,
  type NodeRecord,
  type StoreProposal,
} from '../store';
import { proposal, timestamp, type ControlContext } from './context';
import {
  DEFAULT_ADDR_POOL,
  DEFAULT_DATA_PATH_PORT,
  DEFAULT_SUBNET_SIZE,
  defaultSwarmSpec,
  mergeInitSpec,
} from './cluster-spec';
import { INGRESS_SPEC, newNetwork } from './network';
import { newRootTlsInfo } from './tls-info';

/**
 * `docker swarm init`: the first manager creates the cluster object, its own node and its Raft
 * membership (swarmkit `manager/manager.go` `defaultClusterObject`, node/node.go bootstrap).
 * The store is empty, so this is the first entry the new one-member Raft group commits; it also
 * creates the `ingress` network, which takes the first subnet of the cluster's address pool.
 */
export interface InitInput {
  readonly request: InitRequest;
  /** What the node's engine reports (hostname, platform, resources, engine version). */
  readonly description: NodeDescription;
  /** The advertise IP the daemon resolved (moby `resolveAdvertiseAddr`). */
  readonly advertiseIp: string;
  /** The advertise port: the listen port, 2377 unless the user chose another. */
  readonly advertisePort: number;
}

export interface InitResult {
  readonly proposal: StoreProposal;
  readonly clusterId: string;
  readonly nodeId: string;
  /** The Raft ID the host starts this manager's Raft member with, as the only voter. */
  readonly raftId: number;
  readonly joinTokens: JoinTokens;
  /** `SWMKEY-1-…` when `--autolock` was given. */
  readonly unlockKey: string | null;
}

function newCluster(context: ControlContext, request: InitRequest): ClusterRecord {
  const { prng } = context;
  const clusterId = newObjectId(prng);
  const rootDigestHex = newRootDigestHex(prng);
  const tlsInfo = newRootTlsInfo(prng);
  const joinTokens = {
    Worker: generateJoinToken(rootDigestHex, prng),
    Manager: generateJoinToken(rootDigestHex, prng),
  };
  const spec = mergeInitSpec(defaultSwarmSpec(request.AutoLockManagers), request.Spec);
  const now = timestamp(context);
  const swarm: Swarm = {
    ID: clusterId,
    Version: { Index: 0 },
    CreatedAt: now,
    UpdatedAt: now,
    Spec: spec,
    TLSInfo: tlsInfo,
    RootRotationInProgress: false,
    DefaultAddrPool:
      request.DefaultAddrPool.length > 0 ? request.DefaultAddrPool : DEFAULT_ADDR_POOL,
    SubnetSize: request.SubnetSize > 0 ? request.SubnetSize : DEFAULT_SUBNET_SIZE,
    DataPathPort: request.DataPathPort > 0 ? request.DataPathPort : DEFAULT_DATA_PATH_PORT,
    JoinTokens: joinTokens,
  };
  return {
    swarm,
    rootDigestHex,
    unlockKey: request.AutoLockManagers ? generateUnlockKey(prng) : null,
    blacklistedNodeIds: [],
  };
}

/**
 * The first node is created Ready: the daemon's `init` returns only once the local agent has
 * registered with its own dispatcher, so no one ever sees it in another state.
 */
function firstNode(context: ControlContext, input: InitInput, cluster: ClusterRecord): NodeRecord {
  const now = timestamp(context);
  const tlsInfo = cluster.swarm.TLSInfo;
  return {
    node: {
      ID: newObjectId(context.prng),
      Version: { Index: 0 },
      CreatedAt: now,
      UpdatedAt: now,
      Spec: {
        Labels: {},
        Role: 'manager',
        Availability: input.request.Availability === '' ? 'active' : input.request.Availability,
      },
      Description: { ...input.description, TLSInfo: tlsInfo },
      Status: { State: 'ready', Addr: input.advertiseIp },
    },
    role: 'manager',
  };
}

export function initCluster(context: ControlContext, input: InitInput): InitResult {
  const cluster = newCluster(context, input.request);
  const node = firstNode(context, input, cluster);
  const member: MemberRecord = {
    raftId: newRaftId(context.prng, new Set()),
    nodeId: node.node.ID,
    addr: `${input.advertiseIp}:${input.advertisePort}`,
  };
  const withCluster = { ...emptyStore(), clusters: { [cluster.swarm.ID]: cluster } };
  const ingress = newNetwork(context, withCluster, INGRESS_SPEC);
  return {
    proposal: proposal(context, [
      createAction(clusterObject(cluster)),
      createAction(nodeObject(node)),
      createAction(memberObject(member)),
      createAction(networkObject({ network: ingress })),
    ]),
    clusterId: cluster.swarm.ID,
    nodeId: node.node.ID,
    raftId: member.raftId,
    joinTokens: cluster.swarm.JoinTokens,
    unlockKey: cluster.unlockKey,
  };
}
