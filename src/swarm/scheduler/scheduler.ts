import type { Task } from '../../api/task';
import { taskStateRank } from '../../api/task';
import type { ControlContext } from '../controlapi/context';
import { withStatus } from '../orchestrator/restart/supervisor';
import { TaskBatch } from '../orchestrator/task-batch';
import { allNodes, getService, type StoreAction, type TaskRecord } from '../store';
import { isActive, tasksOfServiceOn, type NodeInfo } from './node-info';
import { spreadOver } from './decision-tree';
import { Pipeline } from './pipeline';
import type { Candidate } from './filters/filter';

/**
 * The scheduler's pass (swarmkit manager/scheduler/scheduler.go): every PENDING task meant to
 * run (or, for a job, to complete) is placed on the best node that passes the filters (in the
 * branch its placement preferences choose) — fewest tasks of its service, then
 * fewest tasks in all, counting this pass's own choices — and becomes ASSIGNED; a task created
 * on its node (global) is only checked there. A task no node can take stays PENDING with the
 * reason in `Err`. Ties go to the lower node ID: swarmkit leaves them to a heap over a map.
 */
export function scheduleTasks(context: ControlContext): StoreAction[] {
  const batch = new TaskBatch(context.store);
  const infos = nodeInfos(batch);
  const pending = batch
    .tasks()
    .filter(
      ({ task }) =>
        task.Status.State === 'pending' &&
        taskStateRank(task.DesiredState ?? 'new') <= taskStateRank('complete'),
    );
  for (const record of pending) {
    const candidate: Candidate = { task: record.task, hostPorts: hostPortsOf(batch, record.task) };
    const preassigned = record.task.NodeID;
    if (preassigned !== undefined) {
      confirmPreassigned(batch, context, record, candidate, infos.get(preassigned));
      continue;
    }
    const pipeline = new Pipeline(candidate);
    const serviceId = record.task.ServiceID ?? '';
    const all = [...infos.values()];
    const passing = spreadOver(
      all,
      all.filter((node) => pipeline.process(node)),
      record.task.Spec.Placement?.Preferences ?? [],
      serviceId,
    );
    const best = [...passing].sort(
      (a, b) =>
        tasksOfServiceOn(a, serviceId) - tasksOfServiceOn(b, serviceId) ||
        a.tasks.length - b.tasks.length ||
        (a.record.node.ID < b.record.node.ID ? -1 : 1),
    )[0];
    if (best === undefined) {
      const explanation = pipeline.explain();
      noSuitableNode(
        batch,
        context,
        record,
        explanation === '' ? 'no suitable node' : `no suitable node (${explanation})`,
      );
      continue;
    }
    assign(batch, context, record, best, 'scheduler assigned task to node', candidate);
  }
  return batch.actions();
}

/** Every node with the tasks active on it, as a pass starts. */
export function nodeInfos(batch: TaskBatch): Map<string, NodeInfo> {
  const infos = new Map<string, NodeInfo>();
  for (const record of allNodes(batch.store)) {
    infos.set(record.node.ID, { record, tasks: [], hostPorts: new Set() });
  }
  for (const { task } of batch.tasks()) {
    const info = task.NodeID === undefined ? undefined : infos.get(task.NodeID);
    if (info === undefined || !isActive(task) || task.Status.State === 'pending') continue;
    info.tasks.push(task);
    for (const port of hostPortsOf(batch, task)) info.hostPorts.add(port);
  }
  return infos;
}

/** The fixed host-mode ports of the task's service (`tcp/8080`). */
export function hostPortsOf(batch: TaskBatch, task: Task): string[] {
  const service = getService(batch.store, task.ServiceID ?? '')?.service;
  return (service?.Spec.EndpointSpec?.Ports ?? [])
    .filter((port) => port.PublishMode === 'host' && (port.PublishedPort ?? 0) > 0)
    .map((port) => `${port.Protocol ?? 'tcp'}/${String(port.PublishedPort)}`);
}

/** `taskFitNode`: a global task is checked on its own node; its error is the bare explanation. */
function confirmPreassigned(
  batch: TaskBatch,
  context: ControlContext,
  record: TaskRecord,
  candidate: Candidate,
  node: NodeInfo | undefined,
): void {
  if (node === undefined) return;
  const pipeline = new Pipeline(candidate);
  if (!pipeline.process(node)) {
    noSuitableNode(batch, context, record, pipeline.explain());
    return;
  }
  assign(
    batch,
    context,
    record,
    node,
    'scheduler confirmed task can run on preassigned node',
    candidate,
  );
}

function assign(
  batch: TaskBatch,
  context: ControlContext,
  record: TaskRecord,
  node: NodeInfo,
  message: string,
  candidate: Candidate,
): void {
  const nodeId = node.record.node.ID;
  batch.update(record, (task) => ({
    ...withStatus(context, task, { State: 'assigned', Message: message }),
    NodeID: nodeId,
  }));
  node.tasks.push({ ...record.task, NodeID: nodeId });
  for (const port of candidate.hostPorts) node.hostPorts.add(port);
}

/** The reason stays on the task; it is written only when it changes, not on every pass. */
function noSuitableNode(
  batch: TaskBatch,
  context: ControlContext,
  record: TaskRecord,
  error: string,
): void {
  if (record.task.Status.Err === error) return;
  batch.update(record, (task) =>
    withStatus(context, task, {
      State: 'pending',
      Message: task.Status.Message ?? 'pending task scheduling',
      Err: error,
    }),
  );
}
