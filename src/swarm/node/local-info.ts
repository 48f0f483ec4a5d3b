import type { SwarmInfo } from '../../api/swarm';
import {
  ERR_NOT_MANAGER_INACTIVE,
  ERR_NOT_MANAGER_WORKER,
  ERR_SWARM_LOCKED,
  leaderlessCall,
} from '../controlapi';
import { daemonError, rpcError } from '../errors';
import { allMembers, allNodes, getCluster } from '../store';
import type { DaemonFailure } from '../../api/operations';
import type { SwarmDaemonState } from './daemon-state';
import type { Control } from '../runtime/control';

/**
 * What every daemon tells of its own swarm state without asking anyone: the ping header, the
 * swarm section of `docker info`, and why it refuses control-API calls.
 */

export function pingState(
  daemon: SwarmDaemonState,
): 'inactive' | 'locked' | 'active/worker' | 'active/manager' {
  const node = daemon.disk.node;
  if (node === null) return 'inactive';
  if (daemon.locked) return 'locked';
  return node.role === 'manager' ? 'active/manager' : 'active/worker';
}

/** Why this node cannot take a control-API call at all, or null if it is a usable manager. */
export function controlRefusal(daemon: SwarmDaemonState): DaemonFailure | null {
  const node = daemon.disk.node;
  if (node === null) return daemonError('failed-precondition', ERR_NOT_MANAGER_INACTIVE);
  if (daemon.locked) return daemonError('unavailable', ERR_SWARM_LOCKED);
  if (node.role !== 'manager') return daemonError('failed-precondition', ERR_NOT_MANAGER_WORKER);
  return null;
}

export function swarmInfo(daemon: SwarmDaemonState, control: Control): SwarmInfo {
  const node = daemon.disk.node;
  if (node === null) {
    return {
      NodeID: '',
      NodeAddr: '',
      LocalNodeState: 'inactive',
      ControlAvailable: false,
      Error: '',
      RemoteManagers: null,
    };
  }
  if (daemon.locked) {
    return {
      NodeID: '',
      NodeAddr: node.addr,
      LocalNodeState: 'locked',
      ControlAvailable: false,
      Error: '',
      RemoteManagers: null,
    };
  }
  const store = control.appState;
  const isManager = node.role === 'manager';
  const members = allMembers(store);
  const remote = isManager
    ? members.map((member) => ({ NodeID: member.nodeId, Addr: member.addr }))
    : node.managers.map((addr) => ({ NodeID: '', Addr: addr }));
  const base: SwarmInfo = {
    NodeID: node.nodeId,
    NodeAddr: node.addr,
    LocalNodeState: 'active',
    ControlAvailable: isManager,
    Error:
      isManager && leaderlessCall(daemon.ticksNoLeader) !== 'wait'
        ? rpcError('Unknown', 'x').message.replace('x', '') + lostQuorumText(daemon)
        : '',
    RemoteManagers: remote,
  };
  if (!isManager) return base;
  const cluster = getCluster(store);
  const nodes = allNodes(store);
  const managers = nodes.filter((record) => record.role === 'manager').length;
  const warnings =
    managers === 2
      ? [
          'WARNING: Running Swarm in a two-manager configuration. This configuration provides\n  no fault tolerance, and poses a high risk to lose control over the cluster.\n  Refer to https://docs.docker.com/engine/swarm/admin_guide/ to configure the\n  Swarm for fault-tolerance.',
        ]
      : undefined;
  return {
    ...base,
    Nodes: nodes.length,
    Managers: managers,
    ...(cluster === undefined
      ? {}
      : {
          Cluster: {
            ID: cluster.swarm.ID,
            Version: cluster.swarm.Version,
            CreatedAt: cluster.swarm.CreatedAt,
            UpdatedAt: cluster.swarm.UpdatedAt,
            Spec: cluster.swarm.Spec,
            TLSInfo: cluster.swarm.TLSInfo,
            RootRotationInProgress: cluster.swarm.RootRotationInProgress,
            DefaultAddrPool: cluster.swarm.DefaultAddrPool,
            SubnetSize: cluster.swarm.SubnetSize,
            DataPathPort: cluster.swarm.DataPathPort,
          },
        }),
    ...(warnings === undefined ? {} : { Warnings: warnings }),
  };
}

function lostQuorumText(daemon: SwarmDaemonState): string {
  const error = leaderlessCall(daemon.ticksNoLeader);
  return error === 'wait' ? '' : error.message.replace(/^rpc error: code = Unknown desc = /, '');
}
