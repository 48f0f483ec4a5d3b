import type { Task } from '../../src/api/task';
import type { ContainerRecord, TaskProgress, VolumeTable } from '../../src/swarm/agent';
import type { LocalVolume } from '../../src/swarm/volume/local-volume';

/** A task of service `svc1` on `node1`, running `command` in busybox. */
export function runningTask(id: string, command: readonly string[], slot = 1): Task {
  return {
    ID: id,
    Version: { Index: 10 },
    CreatedAt: '2026-11-25T09:00:00Z',
    UpdatedAt: '2026-11-25T09:00:00Z',
    Labels: {},
    Spec: { ContainerSpec: { Image: 'busybox:latest', Command: [...command] }, ForceUpdate: 0 },
    ServiceID: 'svc1',
    Slot: slot,
    NodeID: 'node1',
    Status: { State: 'running', PortStatus: {} },
    DesiredState: 'running',
    Volumes: null,
  };
}

/** The agent's progress on `task`, with its container `containerId`. */
export function progressOf(task: Task, containerId: string): TaskProgress {
  return {
    assigned: { task, serviceName: 'web' },
    state: 'running',
    stepEndsAtMs: null,
    stopAtMs: null,
    containerId,
  };
}

/** The container a task runs in, started at 2 s of virtual time. */
export function containerOf(task: Task, id: string): ContainerRecord {
  return {
    id,
    name: `web.${task.Slot ?? 0}.${task.ID}`,
    taskId: task.ID,
    serviceId: task.ServiceID ?? '',
    serviceName: 'web',
    image: 'busybox:latest',
    imageId: 'sha256:1',
    command: task.Spec.ContainerSpec?.Command ?? [],
    labels: {},
    exposedPorts: [],
    createdAtMs: 1_000,
    startedAtMs: 2_000,
    finishedAtMs: null,
    exitCode: null,
    running: true,
    pid: 77,
    hostname: id.slice(0, 12),
    env: [],
    entrypoint: [],
    cmd: task.Spec.ContainerSpec?.Command ?? [],
    workingDir: '',
    user: '',
    stopSignal: '',
    userland: 'busybox',
    // None, so that the log's address is the one drawn from the ID (what a stopped one shows).
    ipAddress: '',
  };
}

/** A node's volume list held in memory, as the daemon's disk holds it. */
export function volumeTable(initial: readonly LocalVolume[] = []): VolumeTable {
  let volumes = initial;
  return {
    read: () => volumes,
    replace: (next) => {
      volumes = next;
    },
  };
}
