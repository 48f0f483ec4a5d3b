import { taskStateRank, type NetworkAttachment } from '../../api/task';
import { withStatus } from '../orchestrator/restart/supervisor';
import { TaskBatch } from '../orchestrator/task-batch';
import type { ControlContext } from '../controlapi/context';
import {
  allNodes,
  allTasks,
  nodeObject,
  updateAction,
  type NodeRecord,
  type StoreAction,
  type StoreState,
} from '../store';
import { AddressBook, ingressNetwork, serviceNetworks } from '../networkallocator';

/**
 * The allocator's pass (swarmkit manager/allocator): a NEW task gets an address on each network
 * its service attaches to (ingress first when it publishes an ingress port) and moves to
 * PENDING, `pending task scheduling`, where the scheduler takes it; then each node gets its own
 * attachments: its `ingress-sbox` address on ingress, and a load-balancer address on each
 * overlay network a live task of it uses (swarmkit `allocateNode` over `getNodeNetworks`). A
 * service's VIPs and published ports are allocated with the service, by the control API.
 */
export function allocateTasks(context: ControlContext): StoreAction[] {
  const book = new AddressBook(context.store);
  const batch = new TaskBatch(context.store);
  for (const record of batch.tasks()) {
    if (record.task.Status.State !== 'new') continue;
    const service = batch.service(record.task.ServiceID ?? '')?.service;
    const attachments: NetworkAttachment[] =
      service === undefined
        ? []
        : serviceNetworks(context.store, service.Spec).map((network) => {
            const address = book.take(network.ID);
            return { Network: network, Addresses: address === null ? [] : [address] };
          });
    batch.update(record, (task) => ({
      ...withStatus(context, task, { State: 'pending', Message: 'pending task scheduling' }),
      ...(attachments.length === 0 ? {} : { NetworksAttachments: attachments }),
    }));
  }
  return [...batch.actions(), ...allocateNodes(context.store, book)];
}

/** The node attachments that changed, as updates of their nodes, in node ID order. */
function allocateNodes(store: StoreState, book: AddressBook): StoreAction[] {
  const ingress = ingressNetwork(store);
  const wanted = nodeNetworks(store);
  const actions: StoreAction[] = [];
  for (const record of allNodes(store)) {
    // A node gets its addresses once it is Ready: while it registers, the dispatcher writes
    // its record, and two writers of one node at once would fail one of them.
    if (record.node.Status.State !== 'ready') continue;
    const ids = [
      ...(ingress === undefined ? [] : [ingress.ID]),
      ...(wanted.get(record.node.ID) ?? []),
    ].filter((id) => book.network(id) !== undefined);
    const current = record.attachments ?? [];
    const kept = current.filter((attachment) => ids.includes(attachment.Network.ID));
    const added = ids
      .filter((id) => !kept.some((attachment) => attachment.Network.ID === id))
      .flatMap((id): NetworkAttachment[] => {
        const network = book.network(id);
        const address = book.take(id);
        return network === undefined || address === null
          ? []
          : [{ Network: network, Addresses: [address] }];
      });
    if (added.length === 0 && kept.length === current.length) continue;
    const updated: NodeRecord = { ...record, attachments: [...kept, ...added] };
    actions.push(updateAction(nodeObject(updated)));
  }
  return actions;
}

/**
 * For each node, the overlay networks (besides ingress) its assigned tasks that are not past
 * RUNNING attach to, in the tasks' order.
 */
function nodeNetworks(store: StoreState): Map<string, string[]> {
  const byNode = new Map<string, string[]>();
  for (const record of allTasks(store)) {
    const { task } = record;
    if (task.NodeID === undefined) continue;
    if (taskStateRank(task.Status.State ?? 'new') > taskStateRank('running')) continue;
    for (const attachment of task.NetworksAttachments ?? []) {
      if (attachment.Network.Spec.Ingress === true) continue;
      const ids = byNode.get(task.NodeID) ?? [];
      if (!ids.includes(attachment.Network.ID)) ids.push(attachment.Network.ID);
      byNode.set(task.NodeID, ids);
    }
  }
  return byNode;
}
