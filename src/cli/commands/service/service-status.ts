import type { Service, ServiceStatus } from '../../../api/service';
import type { DockerCli } from '../../command/cli';

/**
 * docker's AppendServiceStatus: a daemon of API ≥ 1.41 answers `status=true` with each
 * service's ServiceStatus; for any service still without one (an older daemon), the CLI counts
 * the tasks itself: desired = tasks not desired shut down, running = running tasks on nodes
 * that are not down. Jobs are skipped, as they came after ServiceStatus.
 */
export async function appendServiceStatus(
  cli: DockerCli,
  services: readonly Service[],
): Promise<Service[]> {
  const counted = new Map<string, { running: number; desired: number }>();
  const withStatus = services.map((service): Service => {
    if (service.ServiceStatus !== undefined) return service;
    const mode = service.Spec.Mode;
    if (mode.Replicated === undefined && mode.Global === undefined) return service;
    counted.set(service.ID, { running: 0, desired: 0 });
    const desired = mode.Replicated?.Replicas ?? 0;
    return {
      ...service,
      ServiceStatus: { RunningTasks: 0, DesiredTasks: desired, CompletedTasks: 0 },
    };
  });
  if (counted.size === 0) return withStatus;
  const tasks = await cli.engine.taskList(
    { filters: { service: [...counted.keys()] } },
    cli.cancel,
  );
  if (tasks.length === 0) return withStatus;
  const nodes = await cli.engine.nodeList({ filters: {} }, cli.cancel);
  const active = new Set(
    nodes.filter((node) => node.Status.State !== 'down').map((node) => node.ID),
  );
  for (const task of tasks) {
    const count = counted.get(task.ServiceID ?? '');
    if (count === undefined) continue;
    if (task.DesiredState !== 'shutdown') count.desired++;
    if (active.has(task.NodeID ?? '') && task.Status.State === 'running') count.running++;
  }
  return withStatus.map((service) => {
    const count = counted.get(service.ID);
    if (count === undefined) return service;
    const status: ServiceStatus = {
      RunningTasks: count.running,
      DesiredTasks: count.desired,
      CompletedTasks: 0,
    };
    return { ...service, ServiceStatus: status };
  });
}
