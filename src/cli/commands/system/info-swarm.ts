import type { ClusterInfo, SwarmInfo } from '../../../api/swarm';
import { humanDuration } from './go-units';

/** docker/cli printSwarmInfo: the lines under ` Swarm: <state>` in `docker info`. */
export function swarmInfoLines(swarm: SwarmInfo): string[] {
  if (swarm.LocalNodeState === 'inactive' || swarm.LocalNodeState === 'locked') return [];
  const lines = [`  NodeID: ${swarm.NodeID}`];
  if (swarm.Error !== '') lines.push(`  Error: ${swarm.Error}`);
  lines.push(`  Is Manager: ${String(swarm.ControlAvailable)}`);
  const healthy = swarm.Error === '' && swarm.LocalNodeState !== 'error';
  if (swarm.Cluster !== undefined && swarm.ControlAvailable && healthy) {
    lines.push(...clusterLines(swarm, swarm.Cluster));
  }
  lines.push(`  Node Address: ${swarm.NodeAddr}`);
  const managers = (swarm.RemoteManagers ?? []).map((peer) => peer.Addr).sort();
  if (managers.length > 0) {
    lines.push('  Manager Addresses:', ...managers.map((address) => `   ${address}`));
  }
  return lines;
}

function clusterLines(swarm: SwarmInfo, cluster: ClusterInfo): string[] {
  const spec = cluster.Spec;
  const lines = [
    `  ClusterID: ${cluster.ID}`,
    `  Managers: ${swarm.Managers ?? 0}`,
    `  Nodes: ${swarm.Nodes ?? 0}`,
    // Each pool is followed by two spaces, trailing ones included.
    `  Default Address Pool: ${cluster.DefaultAddrPool.map((pool) => `${pool}  `).join('')}`,
    `  SubnetSize: ${cluster.SubnetSize}`,
  ];
  if (cluster.DataPathPort > 0) lines.push(`  Data Path Port: ${cluster.DataPathPort}`);
  lines.push(
    '  Orchestration:',
    `   Task History Retention Limit: ${spec.Orchestration.TaskHistoryRetentionLimit ?? 0}`,
    '  Raft:',
    `   Snapshot Interval: ${spec.Raft.SnapshotInterval ?? 0}`,
  );
  if (spec.Raft.KeepOldSnapshots !== undefined) {
    lines.push(`   Number of Old Snapshots to Retain: ${spec.Raft.KeepOldSnapshots}`);
  }
  lines.push(
    `   Heartbeat Tick: ${spec.Raft.HeartbeatTick}`,
    `   Election Tick: ${spec.Raft.ElectionTick}`,
    '  Dispatcher:',
    `   Heartbeat Period: ${humanDuration(spec.Dispatcher.HeartbeatPeriod ?? 0)}`,
    '  CA Configuration:',
    `   Expiry Duration: ${humanDuration(spec.CAConfig.NodeCertExpiry ?? 0)}`,
    `   Force Rotate: ${spec.CAConfig.ForceRotate ?? 0}`,
  );
  const signingCert = (spec.CAConfig.SigningCACert ?? '').trim();
  if (signingCert !== '') lines.push(`   Signing CA Certificate: \n${signingCert}\n`);
  const externalCAs = spec.CAConfig.ExternalCAs ?? [];
  if (externalCAs.length > 0) {
    lines.push('   External CAs:', ...externalCAs.map((ca) => `     ${ca.Protocol}: ${ca.URL}`));
  }
  lines.push(
    `  Autolock Managers: ${String(spec.EncryptionConfig.AutoLockManagers)}`,
    `  Root Rotation In Progress: ${String(cluster.RootRotationInProgress)}`,
  );
  return lines;
}
