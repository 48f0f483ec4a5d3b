import type { SwarmSpec, UpdateFlags } from '../../api/swarm';
import { daemonError, rpcError } from '../errors';
import { generateJoinToken, generateUnlockKey } from '../identity';
import { fail, ok, type Outcome } from '../result';
import {
  clusterObject,
  ERR_SEQUENCE_CONFLICT,
  getCluster,
  updateAction,
  type ClusterRecord,
  type StoreProposal,
  type StoreState,
} from '../store';
import { proposal, timestamp, type ControlContext } from './context';
import { DEFAULT_CLUSTER_NAME, MIN_NODE_CERT_EXPIRY_NS } from './cluster-spec';

/**
 * `docker swarm update`, `join-token --rotate` and `unlock-key --rotate` (moby
 * `daemon/cluster/swarm.go` `Update`; swarmkit `controlapi/cluster.go` `UpdateCluster`). The
 * client sends the whole spec back with its changes and the version it read.
 *
 * Autolock: turning it on creates an unlock key, turning it off drops it, and a rotation makes
 * a new one only while it is on. Token rotation keeps the CA digest and draws a new secret.
 */
export interface UpdateClusterInput {
  readonly version: number;
  readonly spec: SwarmSpec;
  readonly flags: UpdateFlags;
}

function validateSpec(spec: SwarmSpec): Outcome<SwarmSpec> {
  const name = spec.Name ?? '';
  if (name !== '' && name !== DEFAULT_CLUSTER_NAME) {
    return fail(daemonError('invalid-argument', 'swarm spec must be named "default"'));
  }
  const expiryNs = spec.CAConfig.NodeCertExpiry;
  if (expiryNs !== undefined && expiryNs !== 0 && expiryNs < MIN_NODE_CERT_EXPIRY_NS) {
    return fail(rpcError('InvalidArgument', 'minimum certificate expiry time is: 1h0m0s'));
  }
  const periodNs = spec.Dispatcher.HeartbeatPeriod;
  if (periodNs !== undefined && periodNs < 0) {
    return fail(rpcError('InvalidArgument', 'heartbeat time period cannot be a negative duration'));
  }
  return ok({ ...spec, Name: DEFAULT_CLUSTER_NAME });
}

function nextUnlockKey(
  context: ControlContext,
  cluster: ClusterRecord,
  spec: SwarmSpec,
  rotate: boolean,
): string | null {
  if (!spec.EncryptionConfig.AutoLockManagers) return null;
  if (cluster.unlockKey === null || rotate) return generateUnlockKey(context.prng);
  return cluster.unlockKey;
}

export function updateCluster(
  context: ControlContext,
  input: UpdateClusterInput,
): Outcome<StoreProposal> {
  const spec = validateSpec(input.spec);
  if (!spec.ok) return spec;
  const cluster = getCluster(context.store);
  if (cluster === undefined) return fail(rpcError('Internal', 'could not fetch cluster object'));
  if (cluster.swarm.Version.Index !== input.version) {
    return fail(rpcError('Unknown', ERR_SEQUENCE_CONFLICT));
  }
  const { prng } = context;
  const tokens = cluster.swarm.JoinTokens;
  const joinTokens = {
    Worker: input.flags.RotateWorkerToken
      ? generateJoinToken(cluster.rootDigestHex, prng)
      : tokens.Worker,
    Manager: input.flags.RotateManagerToken
      ? generateJoinToken(cluster.rootDigestHex, prng)
      : tokens.Manager,
  };
  const updated: ClusterRecord = {
    ...cluster,
    swarm: {
      ...cluster.swarm,
      UpdatedAt: timestamp(context),
      Spec: spec.value,
      JoinTokens: joinTokens,
    },
    unlockKey: nextUnlockKey(context, cluster, spec.value, input.flags.RotateManagerUnlockKey),
  };
  return ok(proposal(context, [updateAction(clusterObject(updated))]));
}

/** `GET /swarm/unlockkey` (swarmkit CA `GetUnlockKey`): the key, or '' when autolock is off. */
export function getUnlockKey(store: StoreState): string {
  return getCluster(store)?.unlockKey ?? '';
}
