import {
  getUnlockKey,
  listNodes,
  removeNode,
  resolveNode,
  updateCluster,
  updateNode,
} from '../controlapi';
import { daemonError, rpcError } from '../errors';
import { nodeWithManagerStatus } from '../raftmembers';
import { type Outcome } from '../result';
import { getCluster, type StoreProposal } from '../store';
import { okResponse, type DaemonRequest, type DaemonResponse } from '../../api/operations';
import { failure, leaderContext } from './daemon-helpers';
import type { Control, Reply, SwarmDaemonState } from './daemon-state';
import { filterNodes } from './node-filters';

/** The calls a follower forwards to the leader (everything but the node's own state). */
type ControlRequest = Exclude<
  DaemonRequest,
  {
    readonly op:
      'ping' | 'version' | 'info' | 'swarmInit' | 'swarmJoin' | 'swarmLeave' | 'swarmUnlock';
  }
>;

const LOCAL_OPS: ReadonlySet<string> = new Set([
  'ping',
  'version',
  'info',
  'swarmInit',
  'swarmJoin',
  'swarmLeave',
  'swarmUnlock',
]);

function isControlRequest(request: DaemonRequest): request is ControlRequest {
  return !LOCAL_OPS.has(request.op);
}

/** A control-API call on the leader: a read answers from the store, a write proposes. */
export function execute(
  daemon: SwarmDaemonState,
  control: Control,
  request: DaemonRequest,
  reply: Reply,
): void {
  const respond = (response: DaemonResponse): void => {
    reply(control, { type: 'proxy-reply', reqId: '', response });
  };
  const outcome = controlOutcome(daemon, control, request);
  if (outcome.kind === 'answer') {
    respond(outcome.response);
    return;
  }
  daemon.continuations.propose(control, outcome.proposal, (c, error) => {
    const response = error === null ? okResponse('nodeUpdate', null) : failure(error);
    reply(c, { type: 'proxy-reply', reqId: '', response });
  });
}

function controlOutcome(
  daemon: SwarmDaemonState,
  control: Control,
  request: DaemonRequest,
):
  | { readonly kind: 'answer'; readonly response: DaemonResponse }
  | { readonly kind: 'propose'; readonly proposal: StoreProposal } {
  const answer = (response: DaemonResponse) => ({ kind: 'answer' as const, response });
  const written = (outcome: Outcome<StoreProposal>) =>
    outcome.ok
      ? { kind: 'propose' as const, proposal: outcome.value }
      : answer(failure(outcome.error));
  if (!isControlRequest(request)) {
    return answer(failure(daemonError('internal', `${request.op} is not a control-API call`)));
  }
  const store = control.appState;
  const context = leaderContext(control, daemon.peers.activity);
  switch (request.op) {
    case 'swarmInspect': {
      const cluster = getCluster(store);
      return cluster === undefined
        ? answer(failure(rpcError('Internal', 'could not fetch cluster object')))
        : answer(okResponse('swarmInspect', cluster.swarm));
    }
    case 'swarmUnlockKey':
      return answer(okResponse('swarmUnlockKey', { UnlockKey: getUnlockKey(store) }));
    case 'taskList':
      return answer(okResponse('taskList', []));
    case 'nodeList': {
      const filtered = filterNodes(listNodes(store, context.members), request.filters);
      return answer(filtered.ok ? okResponse('nodeList', filtered.nodes) : failure(filtered.error));
    }
    case 'nodeInspect': {
      const found = resolveNode(store, request.id);
      return found.ok
        ? answer(okResponse('nodeInspect', nodeWithManagerStatus(found.value, context.members)))
        : answer(failure(found.error));
    }
    case 'nodeUpdate': {
      const found = resolveNode(store, request.id);
      if (!found.ok) return answer(failure(found.error));
      // The role manager looks at the change as soon as it is stored.
      if (daemon.leader !== null) daemon.leader.nextReconcileMs = control.nowMs;
      const nodeId = found.value.node.ID;
      return written(updateNode(context, { nodeId, version: request.version, spec: request.spec }));
    }
    case 'nodeRemove': {
      const found = resolveNode(store, request.id);
      if (!found.ok) return answer(failure(found.error));
      return written(removeNode(context, { nodeId: found.value.node.ID, force: request.force }));
    }
    case 'swarmUpdate':
      return written(
        updateCluster(context, {
          version: request.version,
          spec: request.spec,
          flags: request.flags,
        }),
      );
  }
}
