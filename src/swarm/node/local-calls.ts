import type { InitRequest, JoinRequest, Node } from '../../api/swarm';
import { ERR_INVALID_UNLOCK_KEY, ERR_NOT_LOCKED, newDiskKey, unlockKek } from '../autolock';
import {
  ERR_JOIN_TIMEOUT,
  ERR_NO_SWARM,
  ERR_NOT_MANAGER_WORKER,
  ERR_SWARM_EXISTS,
  ERR_SWARM_LOCKED,
  SWARM_REQUEST_TIMEOUT_MS,
  forceNewCluster,
  initCluster,
  leaveRefusal,
} from '../controlapi';
import { daemonError } from '../errors';
import { createAction, memberObject } from '../store';
import { settle } from './applied';
import { isOkResponseTo, okResponse, type DaemonResponse } from '../../api/operations';
import {
  SWARM_PORT,
  failure,
  nodeDescription,
  storeContext,
  stripPort,
  tell,
} from '../runtime/control';
import { resetVolatile, type SwarmDaemonState } from './daemon-state';
import type { Control, Reply } from '../runtime/control';
import { diskVolumes, EMPTY_DISK } from './disk';
import { campaignIfSoleMember } from './own-node';
import { dispatch } from './routing';

/**
 * The calls on the node's own swarm membership, which every daemon answers itself (moby
 * `daemon/cluster`): `swarm init` (also `--force-new-cluster`), `join`, `leave` and `unlock`.
 */

export function init(
  daemon: SwarmDaemonState,
  control: Control,
  callId: string,
  request: InitRequest,
): void {
  const node = daemon.disk.node;
  if (node !== null && !request.ForceNewCluster) {
    control.answer(callId, failure(daemonError('unavailable', ERR_SWARM_EXISTS)));
    return;
  }
  if (node !== null) {
    if (node.role !== 'manager') {
      control.answer(callId, failure(daemonError('failed-precondition', ERR_NOT_MANAGER_WORKER)));
      return;
    }
    if (daemon.locked) {
      control.answer(callId, failure(daemonError('unavailable', ERR_SWARM_LOCKED)));
      return;
    }
    control.restartRaftAlone();
    daemon.continuations.whenLeader((c) => {
      const result = forceNewCluster(storeContext(c), c.machineId);
      const done = (): void => {
        c.answer(callId, okResponse('swarmInit', node.nodeId));
      };
      if (result.proposal === null) done();
      else
        daemon.continuations.propose(c, result.proposal, () => {
          done();
        });
    });
    settle(daemon, control);
    return;
  }
  const advertise = stripPort(request.AdvertiseAddr);
  const advertiseIp = advertise === '' || !/^\d/.test(advertise) ? control.address : advertise;
  control.startRaft([control.machineId]);
  control.raft()?.campaign();
  control.settle();
  daemon.initPending = true;
  daemon.continuations.whenLeader((c) => {
    const result = initCluster(storeContext(c), {
      request,
      description: nodeDescription(c),
      advertiseIp,
      advertisePort: SWARM_PORT,
    });
    // Our Raft core is addressed by machine id: the member record names that id.
    const actions = result.proposal.actions.map((action) =>
      action.kind === 'create' && action.object.table === 'member'
        ? createAction(memberObject({ ...action.object.record, raftId: c.machineId }))
        : action,
    );
    daemon.continuations.propose(c, { ...result.proposal, actions }, (c2, error) => {
      daemon.initPending = false;
      if (error !== null) {
        c2.answer(callId, failure(error));
        return;
      }
      daemon.disk = {
        ...daemon.disk,
        node: {
          nodeId: result.nodeId,
          role: 'manager',
          addr: advertiseIp,
          managers: [`${advertiseIp}:${SWARM_PORT}`],
        },
      };
      c2.setDiskKey(newDiskKey(c2.prng, result.unlockKey));
      daemon.agent.start(c2.nowMs);
      c2.answer(callId, okResponse('swarmInit', result.nodeId));
    });
  });
  settle(daemon, control);
}

export function join(
  daemon: SwarmDaemonState,
  control: Control,
  callId: string,
  request: JoinRequest,
): void {
  if (daemon.disk.node !== null) {
    control.answer(callId, failure(daemonError('unavailable', ERR_SWARM_EXISTS)));
    return;
  }
  const remote = request.RemoteAddrs[0] ?? '';
  const advertise = stripPort(request.AdvertiseAddr);
  const advertiseIp = advertise === '' || !/^\d/.test(advertise) ? control.address : advertise;
  const reqId = daemon.requests.newReqId(control);
  daemon.requests.forward(reqId, {
    kind: 'continuation',
    deadlineMs: control.nowMs + SWARM_REQUEST_TIMEOUT_MS,
    onTimeout: (c) => {
      c.answer(callId, failure(daemonError('deadline-exceeded', ERR_JOIN_TIMEOUT)));
    },
    reply: (c, body) => {
      if (body.type !== 'join-reply') return;
      if (body.response.status !== 'ok') {
        c.answer(callId, body.response);
        return;
      }
      daemon.disk = {
        ...daemon.disk,
        node: {
          nodeId: body.nodeId,
          role: body.role,
          addr: advertiseIp,
          managers: body.managers,
        },
      };
      if (body.role === 'manager') {
        c.startRaft([]);
        // The cluster's unlock key, if any, comes with the cluster object it applies.
        c.setDiskKey(newDiskKey(c.prng, null));
      }
      daemon.agent.start(c.nowMs);
      c.answer(callId, okResponse('swarmJoin', null));
    },
  });
  control.send({
    from: control.address,
    to: stripPort(remote),
    body: {
      type: 'join',
      reqId,
      token: request.JoinToken,
      availability: request.Availability,
      machineId: control.machineId,
      advertiseAddr: advertiseIp,
    },
  });
}

/**
 * moby reads the manager counts of its warning with `ListNodes` through the raft proxy, so
 * they are the leader's reachability, not this follower's (which hears from no other follower).
 * A list that fails just leaves the counts out, as moby's `managerStats` error does.
 */
export function leaveAsked(
  daemon: SwarmDaemonState,
  control: Control,
  callId: string,
  force: boolean,
): void {
  const node = daemon.disk.node;
  const asksLeader =
    !force && !daemon.locked && node?.role === 'manager' && (control.raft()?.lead ?? 0) !== 0;
  if (!asksLeader) {
    control.answer(callId, leave(daemon, control, force, null));
    return;
  }
  const reply: Reply = (c, body) => {
    if (body.type !== 'proxy-reply') return;
    const listed = body.response;
    const nodes = isOkResponseTo('nodeList', listed) ? listed.value : [];
    c.answer(callId, leave(daemon, c, force, nodes));
  };
  dispatch(daemon, control, { op: 'nodeList', filters: {} }, { kind: 'continuation', reply });
  settle(daemon, control);
}

function leave(
  daemon: SwarmDaemonState,
  control: Control,
  force: boolean,
  nodes: readonly Node[] | null,
): DaemonResponse {
  const node = daemon.disk.node;
  const refusal = leaveRefusal({
    inSwarm: node !== null,
    force,
    locked: daemon.locked,
    isManager: node?.role === 'manager',
    activeManager: (control.raft()?.lead ?? 0) !== 0,
    selfNodeId: node?.nodeId ?? '',
    nodes: nodes ?? [],
  });
  if (refusal !== null) return failure(refusal);
  control.dropRaft();
  // /var/lib/docker/swarm goes; the node's volumes stay.
  daemon.disk = { ...EMPTY_DISK, volumes: diskVolumes(daemon.disk) };
  resetVolatile(daemon);
  return okResponse('swarmLeave', null);
}

/**
 * `docker swarm unlock`: the key is right exactly when it opens the DEK the storage rests
 * under, which the machine's cipher tries within this call (moby `Unlock`, swarmkit
 * `KeyReadWriter` failing to decrypt is `invalid key provided`).
 */
export function unlock(
  daemon: SwarmDaemonState,
  control: Control,
  callId: string,
  keyText: string,
): void {
  const node = daemon.disk.node;
  if (node === null) {
    control.answer(callId, failure(daemonError('failed-precondition', ERR_NO_SWARM)));
    return;
  }
  if (!daemon.locked || !control.storageLocked) {
    control.answer(callId, failure(daemonError('failed-precondition', ERR_NOT_LOCKED)));
    return;
  }
  const kek = unlockKek(keyText);
  if (!kek.ok) {
    control.answer(callId, failure(kek.error));
    return;
  }
  control.unlockStorage(kek.value, (c, opened) => {
    if (!opened) {
      c.answer(callId, failure(daemonError('invalid-argument', ERR_INVALID_UNLOCK_KEY)));
      return;
    }
    daemon.locked = false;
    c.resumeRaft();
    campaignIfSoleMember(c);
    daemon.agent.start(c.nowMs);
    tell(c, { kind: 'manager-unlocked', hostname: c.hostname });
    c.answer(callId, okResponse('swarmUnlock', null));
  });
}
