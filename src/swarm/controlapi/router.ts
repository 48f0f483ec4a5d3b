import {
  errorResponse,
  okResponse,
  type ControlOp,
  type DaemonRequestOf,
  type DaemonResponse,
} from '../../api/operations';
import { getCluster } from '../store';
import { rpcError } from '../errors';
import type { Outcome } from '../result';
import type { StoreProposal } from '../store';
import { getUnlockKey, updateCluster } from './cluster-update';
import type { LeaderContext } from './context';
import { nodeWithManagerStatus } from '../raftmembers';
import { listNodes } from './node-list';
import { filterNodes } from './node-filters';
import { refusedTaskFilter } from './task-filters';
import { resolveNode } from './node-lookup';
import { removeNode } from './node-remove';
import { updateNode } from './node-update';

/**
 * What the leader does with one control-API call: a read answers at once from the store; a
 * write proposes, and answers `applied` once its entry applies (the error applying it raised,
 * otherwise). `wakesRoleManager`: a call on a node that exists makes the role manager look again
 * at once, as swarmkit's watches the store, rather than on its next 5 s retry.
 */
export type ControlOutcome = (
  | { readonly kind: 'answer'; readonly response: DaemonResponse }
  | { readonly kind: 'propose'; readonly proposal: StoreProposal; readonly applied: DaemonResponse }
) & { readonly wakesRoleManager: boolean };

type ControlHandler<K extends ControlOp> = (
  context: LeaderContext,
  request: DaemonRequestOf<K>,
) => ControlOutcome;

/**
 * One handler per control-API operation of the table in src/api/operations.ts (swarmkit
 * `manager/controlapi`), over the leader's store and member list.
 */
const CONTROL_HANDLERS: { readonly [K in ControlOp]: ControlHandler<K> } = {
  swarmInspect: (context) => {
    const cluster = getCluster(context.store);
    return cluster === undefined
      ? refused(rpcError('Internal', 'could not fetch cluster object'))
      : answered(okResponse('swarmInspect', cluster.swarm));
  },
  swarmUpdate: (context, request) =>
    written(
      updateCluster(context, {
        version: request.version,
        spec: request.spec,
        flags: request.flags,
      }),
      okResponse('swarmUpdate', null),
    ),
  swarmUnlockKey: (context) =>
    answered(okResponse('swarmUnlockKey', { UnlockKey: getUnlockKey(context.store) })),
  nodeList: (context, request) => {
    const filtered = filterNodes(listNodes(context.store, context.members), request.filters);
    return filtered.ok
      ? answered(okResponse('nodeList', filtered.nodes))
      : answered(errorResponse(filtered.error));
  },
  nodeInspect: (context, request) => {
    const found = resolveNode(context.store, request.id);
    return found.ok
      ? answered(okResponse('nodeInspect', nodeWithManagerStatus(found.value, context.members)))
      : refused(found.error);
  },
  nodeUpdate: (context, request) => {
    const found = resolveNode(context.store, request.id);
    if (!found.ok) return refused(found.error);
    const nodeId = found.value.node.ID;
    const outcome = written(
      updateNode(context, { nodeId, version: request.version, spec: request.spec }),
      okResponse('nodeUpdate', null),
    );
    return { ...outcome, wakesRoleManager: true };
  },
  nodeRemove: (context, request) => {
    const found = resolveNode(context.store, request.id);
    if (!found.ok) return refused(found.error);
    return written(
      removeNode(context, { nodeId: found.value.node.ID, force: request.force }),
      okResponse('nodeRemove', null),
    );
  },
  // No task exists before the services issue: the list is honestly empty, once its filters
  // pass the daemon's checks.
  taskList: (_context, request) => {
    const refused = refusedTaskFilter(request.filters);
    return answered(refused === null ? okResponse('taskList', []) : errorResponse(refused));
  },
};

/** A control-API call on the leader, by the handler of its operation. */
export function routeControlCall<K extends ControlOp>(
  context: LeaderContext,
  request: DaemonRequestOf<K>,
): ControlOutcome {
  const handler: ControlHandler<K> = CONTROL_HANDLERS[request.op];
  return handler(context, request);
}

function answered(response: DaemonResponse): ControlOutcome {
  return { kind: 'answer', response, wakesRoleManager: false };
}

function refused(error: Parameters<typeof errorResponse>[0]): ControlOutcome {
  return answered(errorResponse(error));
}

function written(outcome: Outcome<StoreProposal>, applied: DaemonResponse): ControlOutcome {
  return outcome.ok
    ? { kind: 'propose', proposal: outcome.value, applied, wakesRoleManager: false }
    : refused(outcome.error);
}
