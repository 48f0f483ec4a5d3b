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
import { createService } from './service-create';
import { serviceWithDefaults } from './service-defaults';
import { listServices } from './service-list';
import { resolveService } from './service-lookup';
import { removeService } from './service-remove';
import { subscribeLogs, type LogSubscription } from './service-logs';
import { updateService } from './service-update';
import { listTasks } from './task-list';
import { resolveTask } from './task-lookup';
import { resolveNode } from './node-lookup';
import { removeNode } from './node-remove';
import { updateNode } from './node-update';
import {
  CONFIG_KIND,
  createDataObject,
  listDataObjects,
  removeDataObject,
  resolveDataObject,
  SECRET_KIND,
  updateDataObject,
} from './secret-config';
import { createNetwork, pruneNetworks, removeNetwork, resolveNetwork } from './network';
import { pruneKeeps } from './network-prune-filters';

/**
 * What the leader does with one control-API call: a read answers at once from the store; a
 * write proposes, and answers `applied` once its entry applies (the error applying it raised,
 * otherwise). `wakesRoleManager`: a call on a node that exists makes the role manager look again
 * at once, as swarmkit's watches the store, rather than on its next 5 s retry.
 */
export type ControlOutcome = (
  | { readonly kind: 'answer'; readonly response: DaemonResponse }
  | { readonly kind: 'propose'; readonly proposal: StoreProposal; readonly applied: DaemonResponse }
  /** A log subscription: the leader's broker gathers the lines from the nodes, then answers. */
  | { readonly kind: 'logs'; readonly subscription: LogSubscription }
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
  taskList: (context, request) => {
    const listed = listTasks(context.store, request.filters);
    return listed.ok ? answered(okResponse('taskList', listed.value)) : refused(listed.error);
  },
  taskInspect: (context, request) => {
    const found = resolveTask(context.store, request.id);
    return found.ok ? answered(okResponse('taskInspect', found.value.task)) : refused(found.error);
  },
  serviceCreate: (context, request) => {
    const created = createService(context, request.spec);
    if (!created.ok) return refused(created.error);
    const applied = okResponse('serviceCreate', { ID: created.value.serviceId });
    return { kind: 'propose', proposal: created.value.proposal, applied, wakesRoleManager: false };
  },
  serviceList: (context, request) => {
    const listed = listServices(context.store, request.filters, request.status);
    return listed.ok
      ? answered(okResponse('serviceList', listed.services))
      : answered(errorResponse(listed.error));
  },
  serviceInspect: (context, request) => {
    const found = resolveService(context.store, request.id);
    if (!found.ok) return refused(found.error);
    const service = found.value.service;
    return answered(
      okResponse('serviceInspect', request.insertDefaults ? serviceWithDefaults(service) : service),
    );
  },
  serviceUpdate: (context, request) => {
    const found = resolveService(context.store, request.id);
    if (!found.ok) return refused(found.error);
    return written(
      updateService(context, {
        record: found.value,
        version: request.version,
        spec: request.spec,
        rollback: request.rollback,
      }),
      okResponse('serviceUpdate', {}),
    );
  },
  serviceRemove: (context, request) => {
    const found = resolveService(context.store, request.id);
    if (!found.ok) return refused(found.error);
    return written(removeService(context, found.value), okResponse('serviceRemove', null));
  },
  serviceLogs: (context, request) => {
    const subscribed = subscribeLogs(context.store, request);
    return subscribed.ok
      ? { kind: 'logs', subscription: subscribed.value, wakesRoleManager: false }
      : refused(subscribed.error);
  },
  secretCreate: (context, request) => {
    const created = createDataObject(context, SECRET_KIND, request.spec);
    if (!created.ok) return refused(created.error);
    const applied = okResponse('secretCreate', { ID: created.value.id });
    return { kind: 'propose', proposal: created.value.proposal, applied, wakesRoleManager: false };
  },
  secretList: (context, request) => {
    const listed = listDataObjects(context.store, SECRET_KIND, request.filters);
    return listed.ok ? answered(okResponse('secretList', listed.value)) : refused(listed.error);
  },
  secretInspect: (context, request) => {
    const found = resolveDataObject(context.store, SECRET_KIND, request.id);
    return found.ok
      ? answered(okResponse('secretInspect', SECRET_KIND.shown(found.value)))
      : refused(found.error);
  },
  secretUpdate: (context, request) => {
    const found = resolveDataObject(context.store, SECRET_KIND, request.id);
    if (!found.ok) return refused(found.error);
    return written(
      updateDataObject(context, SECRET_KIND, {
        object: found.value,
        version: request.version,
        spec: request.spec,
      }),
      okResponse('secretUpdate', null),
    );
  },
  secretRemove: (context, request) => {
    const found = resolveDataObject(context.store, SECRET_KIND, request.id);
    if (!found.ok) return refused(found.error);
    return written(
      removeDataObject(context, SECRET_KIND, found.value),
      okResponse('secretRemove', null),
    );
  },
  configCreate: (context, request) => {
    const created = createDataObject(context, CONFIG_KIND, request.spec);
    if (!created.ok) return refused(created.error);
    const applied = okResponse('configCreate', { ID: created.value.id });
    return { kind: 'propose', proposal: created.value.proposal, applied, wakesRoleManager: false };
  },
  configList: (context, request) => {
    const listed = listDataObjects(context.store, CONFIG_KIND, request.filters);
    return listed.ok ? answered(okResponse('configList', listed.value)) : refused(listed.error);
  },
  configInspect: (context, request) => {
    const found = resolveDataObject(context.store, CONFIG_KIND, request.id);
    return found.ok
      ? answered(okResponse('configInspect', CONFIG_KIND.shown(found.value)))
      : refused(found.error);
  },
  configUpdate: (context, request) => {
    const found = resolveDataObject(context.store, CONFIG_KIND, request.id);
    if (!found.ok) return refused(found.error);
    return written(
      updateDataObject(context, CONFIG_KIND, {
        object: found.value,
        version: request.version,
        spec: request.spec,
      }),
      okResponse('configUpdate', null),
    );
  },
  configRemove: (context, request) => {
    const found = resolveDataObject(context.store, CONFIG_KIND, request.id);
    if (!found.ok) return refused(found.error);
    return written(
      removeDataObject(context, CONFIG_KIND, found.value),
      okResponse('configRemove', null),
    );
  },
  swarmNetworkCreate: (context, request) => {
    const created = createNetwork(context, request.request);
    if (!created.ok) return refused(created.error);
    const applied = okResponse('swarmNetworkCreate', { Id: created.value.id, Warning: '' });
    return { kind: 'propose', proposal: created.value.proposal, applied, wakesRoleManager: false };
  },
  swarmNetworkRemove: (context, request) => {
    const found = resolveNetwork(context.store, request.id);
    if (!found.ok) return refused(found.error);
    return written(removeNetwork(context, found.value), okResponse('swarmNetworkRemove', null));
  },
  swarmNetworkPrune: (context, request) => {
    const keeps = pruneKeeps(request.filters, context.nowMs);
    if (!keeps.ok) return refused(keeps.error);
    const pruned = pruneNetworks(context, keeps.value);
    const applied = okResponse('swarmNetworkPrune', { NetworksDeleted: pruned.names });
    return pruned.proposal === null
      ? answered(applied)
      : { kind: 'propose', proposal: pruned.proposal, applied, wakesRoleManager: false };
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
