import type { ConfigSpec, SecretSpec } from '../../api/secret';
import { taskStateRank, type NetworkAttachment } from '../../api/task';
import type { AssignedDependency, AssignedTask } from '../../machine-api';
import { allTasks, getConfig, getNode, getSecret, tasksOfNode, type StoreState } from '../store';

/**
 * What the dispatcher assigns a node (swarmkit dispatcher.go `Assignments`): its tasks from
 * ASSIGNED on, whatever their desired state, so that the agent starts what it should run and
 * stops what it should not. A task deleted from the store leaves the set, and its container goes.
 */
export function assignmentsFor(store: StoreState, nodeId: string): AssignedTask[] {
  return tasksOfNode(store, nodeId)
    .filter(
      (record) => taskStateRank(record.task.Status.State ?? 'new') >= taskStateRank('assigned'),
    )
    .map((record) => ({ task: record.task, serviceName: record.serviceName }));
}

/** Every node's assignments at once, by node ID: one pass over the tasks. */
export function assignmentsByNode(store: StoreState): Map<string, AssignedTask[]> {
  const byNode = new Map<string, AssignedTask[]>();
  for (const record of allTasks(store)) {
    const { task } = record;
    if (task.NodeID === undefined) continue;
    if (taskStateRank(task.Status.State ?? 'new') < taskStateRank('assigned')) continue;
    const tasks = byNode.get(task.NodeID) ?? [];
    tasks.push({ task, serviceName: record.serviceName });
    byNode.set(task.NodeID, tasks);
  }
  return byNode;
}

/**
 * What identifies a node's assignments: each task's ID and store version, which changes with
 * every write to it, and the node's own network addresses. The leader sends the set again when this changes.
 */
export function assignmentsDigest(
  tasks: readonly AssignedTask[],
  attachments: readonly NetworkAttachment[] = [],
): string {
  const digest = tasks.map(({ task }) => `${task.ID}@${String(task.Version.Index)}`).join(',');
  if (attachments.length === 0) return digest;
  // The node's own attachments too, so a new ingress or load-balancer address is sent.
  const own = attachments.map((a) => `${a.Network.ID}=${(a.Addresses ?? []).join('+')}`);
  return `${digest}|${own.join(',')}`;
}

/** The node's own network attachments, as the store has them. */
export function nodeAttachments(store: StoreState, nodeId: string): readonly NetworkAttachment[] {
  return getNode(store, nodeId)?.attachments ?? [];
}

/**
 * The secrets and configs a node's assigned tasks use (swarmkit dispatcher.go's assignment set
 * adds each task's dependencies), while the task is still to run: a task told to shut down or
 * be removed no longer keeps them on the node. Each once, secrets first, in the tasks' order.
 */
export function dependenciesOf(
  store: StoreState,
  tasks: readonly AssignedTask[],
): AssignedDependency[] {
  const secrets = new Map<string, AssignedDependency>();
  const configs = new Map<string, AssignedDependency>();
  for (const { task } of tasks) {
    if (taskStateRank(task.DesiredState ?? 'running') > taskStateRank('running')) continue;
    const container = task.Spec.ContainerSpec;
    for (const reference of container?.Secrets ?? []) {
      const secret = getSecret(store, reference.SecretID)?.secret;
      if (secret === undefined || secrets.has(secret.ID)) continue;
      secrets.set(secret.ID, {
        kind: 'secret',
        id: secret.ID,
        name: secret.Spec.Name,
        data: secret.Spec.Data ?? '',
        ...templatingOf(secret.Spec),
      });
    }
    for (const reference of container?.Configs ?? []) {
      const config = getConfig(store, reference.ConfigID)?.config;
      if (config === undefined || configs.has(config.ID)) continue;
      configs.set(config.ID, {
        kind: 'config',
        id: config.ID,
        name: config.Spec.Name,
        data: config.Spec.Data ?? '',
        ...templatingOf(config.Spec),
      });
    }
  }
  return [...secrets.values(), ...configs.values()];
}

function templatingOf(spec: SecretSpec | ConfigSpec): { templating?: string } {
  return spec.Templating === undefined ? {} : { templating: spec.Templating.Name };
}
