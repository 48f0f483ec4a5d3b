import type { HostFilesReader } from '../../machine-api';
import { rfc3339Nano } from '../../lib/go-time';
import type { Prng } from '../../lib/prng';
import {
  isTerminalState,
  taskStateRank,
  type NetworkAttachment,
  type TaskState,
  type TaskStatus,
} from '../../api/task';
import type {
  AssignedDependency,
  AssignedTask,
  SwarmChange,
  TaskChipView,
  TaskStatusUpdate,
} from '../../machine-api';
import type { DaemonFailure } from '../../api/operations';
import { containerName, runPlanFor, type RunPlan } from './exec/run-plan';
import type { Userland } from './exec/image-process';
import type { NodeFacts } from '../template/context';
import { freeBridgeAddress } from './exec/bridge';
import { bindMountError } from './exec/host-paths';
import { mountedFiles, type MountedFile } from './exec/secret-mounts';
import type { MountPoint } from '../../api/container';
import type { LocalVolume } from '../volume/local-volume';
import { mountTask, releaseVolumes } from '../volume/mount-points';

/** How long a step of the container's life takes, in virtual ms (a lab VM, images cached). */
export const PULL_MS = 1_500;
export const START_MS = 400;
export const STOP_MS = 300;
/** 128 + SIGKILL: what a killed process exits with. */
export const KILLED_EXIT_CODE = 137;

/**
 * One container the agent runs for a task, as `docker ps` and `docker inspect` show it. Plain
 * data: it moves with the daemon when its machine changes host.
 */
export interface ContainerRecord {
  /** 64 hex digits; `docker ps` shows the first 12. */
  readonly id: string;
  readonly name: string;
  readonly taskId: string;
  readonly serviceId: string;
  readonly serviceName: string;
  readonly image: string;
  /** The image's ID on this node: its manifest digest here. */
  readonly imageId: string;
  readonly command: readonly string[];
  /** Swarm's labels (`com.docker.swarm.*`) and the service's `--container-label`s. */
  readonly labels: Readonly<Record<string, string>>;
  /** What the image exposes (`80/tcp`): `docker ps` shows them in PORTS. */
  readonly exposedPorts: readonly string[];
  readonly createdAtMs: number;
  readonly startedAtMs: number | null;
  readonly finishedAtMs: number | null;
  readonly exitCode: number | null;
  readonly running: boolean;
  readonly pid: number;
  /** `Config.Hostname`: the spec's, or the ID's first 12 digits (moby's default). */
  readonly hostname: string;
  /** `Config.Env`: the spec's variables, then the image's it does not set. */
  readonly env: readonly string[];
  /** `Config.Entrypoint` and `Config.Cmd`, after the image's are merged in. */
  readonly entrypoint: readonly string[] | null;
  readonly cmd: readonly string[] | null;
  readonly workingDir: string;
  readonly user: string;
  readonly stopSignal: string | null;
  /** The image's userland, which answers `docker exec`. */
  readonly userland: Userland;
  /** Its address on the default bridge while it runs (172.17.0.x), else empty. */
  readonly ipAddress: string;
  /**
   * The secrets and configs mounted while it runs (a tmpfs, gone when it stops). Absent in a
   * container saved before they were simulated: none.
   */
  readonly files?: readonly MountedFile[];
  /** Its mounts in the spec's order, as `docker inspect` shows them; absent in older saves. */
  readonly mounts?: readonly MountPoint[];
}

/** What the agent knows of one assigned task (swarmkit agent/task.go's task manager). */
export interface TaskProgress {
  readonly assigned: AssignedTask;
  /** The state the agent has brought the task to. */
  readonly state: TaskState;
  /** When the step under way ends (a pull, a start, a stop, a process exiting); null if none. */
  readonly stepEndsAtMs: number | null;
  /** When a stop under way ends (the container's stop grace); null when not stopping. */
  readonly stopAtMs: number | null;
  readonly containerId: string | null;
}

/** The worker as plain data, for a move to another host. */
export interface WorkerVolatile {
  readonly tasks: readonly TaskProgress[];
  readonly containers: readonly ContainerRecord[];
  /** Images this node has pulled (`docker image ls`). */
  readonly images: readonly string[];
  /** Reports not yet acknowledged by the dispatcher, oldest first. */
  readonly unreported: readonly TaskStatusUpdate[];
  /** The dispatcher term of the assignments last taken. */
  readonly term: number;
  readonly assignmentsDigest: string;
  /**
   * The secrets and configs of the latest assignments (swarmkit worker.go's dependency
   * manager), which a task's container mounts when it is created. Absent in a worker saved
   * before they were simulated: none.
   */
  readonly dependencies?: readonly AssignedDependency[];
  /**
   * The node's own network attachments of the latest assignments (its ingress-sbox and
   * load-balancer addresses). Absent in a worker saved before networks: none.
   */
  readonly attachments?: readonly NetworkAttachment[];
}

export const EMPTY_WORKER: WorkerVolatile = {
  tasks: [],
  containers: [],
  images: [],
  unreported: [],
  term: 0,
  assignmentsDigest: '',
  dependencies: [],
};

export interface WorkerContext {
  readonly nowMs: number;
  readonly epochMs: number;
  readonly prng: Prng;
  readonly nodeId: string;
  /** The node as task templates see it (`{{.Node.Hostname}}`, `{{.Node.Platform.OS}}`). */
  readonly node: NodeFacts;
  /** The machine's own files, for a bind mount's source. */
  readonly files: HostFilesReader;
  /** The node's local volumes, which the daemon keeps on its disk. */
  readonly volumes: VolumeTable;
}

/** The daemon's volume list as the worker reads and replaces it when a container is created. */
export interface VolumeTable {
  read(): readonly LocalVolume[];
  replace(volumes: readonly LocalVolume[]): void;
}

/**
 * The agent's worker (swarmkit agent/worker.go and agent/exec's controller): it takes the
 * dispatcher's assignments and moves each task through ACCEPTED, PREPARING (the image pull),
 * READY, STARTING and RUNNING, never past the task's desired state, then to COMPLETE or FAILED
 * when its process exits, or SHUTDOWN when it is told to stop. Each change is a report for the
 * dispatcher. A task that leaves the assignments has its container removed.
 */
export class Worker {
  #state: WorkerVolatile = EMPTY_WORKER;
  /**
   * The chips last built, and the tasks and containers they were built from: kept while those
   * stay the same.
   */
  #chips: {
    readonly from: readonly TaskProgress[];
    readonly containers: readonly ContainerRecord[];
    readonly chips: readonly TaskChipView[];
  } = { from: EMPTY_WORKER.tasks, containers: EMPTY_WORKER.containers, chips: [] };
  /**
   * What the worker did that the event log tells (files mounted and unmounted), until the
   * agent takes it after the call that made it: never kept across calls, so never exported.
   */
  #changes: SwarmChange[] = [];

  get state(): WorkerVolatile {
    return this.#state;
  }

  /**
   * The tasks for the graph, sorted by name. The same array while no task changed, so that a
   * machine's status keeps its identity through an idle tick.
   */
  chips(nodeId: string): readonly TaskChipView[] {
    const { tasks, containers } = this.#state;
    if (this.#chips.from === tasks && this.#chips.containers === containers) {
      return this.#chips.chips;
    }
    const chips = tasks
      .filter((progress) => progress.state !== 'remove')
      .map((progress): TaskChipView => {
        const { task } = progress.assigned;
        const container = containers.find((c) => c.id === progress.containerId);
        const slot =
          task.Slot !== undefined && task.Slot > 0 ? String(task.Slot) : (task.NodeID ?? nodeId);
        return {
          taskId: task.ID,
          name: `${progress.assigned.serviceName}.${slot}`,
          serviceName: progress.assigned.serviceName,
          state: progress.state,
          desiredState: task.DesiredState ?? 'running',
          // Which files, never what they hold: the view reaches the page and its saves.
          files: (container?.files ?? []).map(({ source, name, path }) => ({ source, name, path })),
        };
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.taskId < b.taskId ? -1 : 1));
    this.#chips = { from: tasks, containers, chips };
    return chips;
  }

  /** The changes made since the last call, for the machine's trace; empties the list. */
  takeChanges(): SwarmChange[] {
    const changes = this.#changes;
    this.#changes = [];
    return changes;
  }

  load(state: WorkerVolatile): void {
    this.#state = state;
  }

  /** A daemon stop: every container dies with it, and nothing is left to report. */
  reset(): void {
    this.#state = { ...EMPTY_WORKER, images: this.#state.images };
  }

  /** The latest assignments from the dispatcher of Raft term `term` (an older one's are late). */
  assign(
    context: WorkerContext,
    term: number,
    digest: string,
    assigned: readonly AssignedTask[],
    dependencies: readonly AssignedDependency[],
    attachments: readonly NetworkAttachment[] = [],
  ): void {
    if (term < this.#state.term) return;
    const known = new Map(
      this.#state.tasks.map((progress) => [progress.assigned.task.ID, progress]),
    );
    const next: TaskProgress[] = [];
    const updates: TaskStatusUpdate[] = [];
    for (const entry of assigned) {
      const progress = known.get(entry.task.ID);
      if (progress !== undefined) {
        next.push({ ...progress, assigned: entry });
        continue;
      }
      const reported = entry.task.Status.State ?? 'assigned';
      const fresh = { assigned: entry, stepEndsAtMs: null, stopAtMs: null, containerId: null };
      if (taskStateRank(reported) <= taskStateRank('assigned')) {
        next.push({ ...fresh, state: 'assigned' });
      } else if (isTerminalState(reported)) {
        next.push({ ...fresh, state: reported });
      } else {
        // A task this node ran before its daemon restarted: its container went with the daemon.
        const name = containerName(entry, context.nodeId);
        updates.push(
          this.#report(context, entry, 'failed', 'started', `No such container: ${name}`),
        );
        next.push({ ...fresh, state: 'failed' });
      }
    }
    const keep = new Set(next.map((progress) => progress.containerId));
    const containers = this.#state.containers.filter((container) => keep.has(container.id));
    const volumes = context.volumes.read();
    const released = releaseVolumes(
      volumes,
      this.#state.containers
        .filter((container) => !keep.has(container.id))
        .map((container) => container.mounts ?? []),
      containers.map((container) => container.mounts ?? []),
    );
    if (released !== volumes) context.volumes.replace(released);
    this.#state = {
      ...this.#state,
      tasks: next,
      containers,
      unreported: [...this.#state.unreported, ...updates],
      term,
      assignmentsDigest: digest,
      dependencies,
      attachments,
    };
    this.advance(context);
  }

  /** Moves every task as far as its steps allow at `context.nowMs`. */
  advance(context: WorkerContext): void {
    // Each task steps until it must wait; the task list is replaced only when one moved, so an
    // idle tick leaves the worker's state (and the machine's status) as it was.
    for (;;) {
      const before = this.#state.tasks;
      const tasks: TaskProgress[] = [];
      let changed = false;
      for (const progress of before) {
        const moved = this.#step(context, progress);
        changed ||= moved !== progress;
        tasks.push(moved);
      }
      if (!changed) return;
      this.#state = { ...this.#state, tasks };
    }
  }

  /** The reports to send now, oldest first; they stay until `acknowledged`. */
  reports(): readonly TaskStatusUpdate[] {
    return this.#state.unreported;
  }

  /** The dispatcher wrote the first `count` reports. */
  acknowledged(count: number): void {
    this.#state = { ...this.#state, unreported: this.#state.unreported.slice(count) };
  }

  /** The earliest instant a step ends, for the daemon's tick; null when nothing waits. */
  nextStepMs(): number | null {
    const times = this.#state.tasks.flatMap((progress) =>
      [progress.stepEndsAtMs, progress.stopAtMs].filter((ms): ms is number => ms !== null),
    );
    return times.length === 0 ? null : Math.min(...times);
  }

  /**
   * `docker rm` of container `id` (moby daemon/delete.go): a running one is refused unless
   * `force`, which kills it (SIGKILL, exit 137) first. The task it ran then fails as swarmkit's
   * controller sees its container exit (`task: non-zero exit (137)`), or, had it not started,
   * as its container vanished; the orchestrator replaces it as its restart policy says.
   */
  removeContainer(
    context: WorkerContext,
    id: string,
    force: boolean,
  ): { readonly ok: true } | { readonly ok: false; readonly error: DaemonFailure } {
    const container = this.#state.containers.find((c) => c.id === id);
    if (container === undefined) {
      return { ok: false, error: { kind: 'not-found', message: `No such container: ${id}` } };
    }
    if (container.running && !force) {
      const message = `cannot remove container "/${container.name}": container is running: stop the container before removing or force remove`;
      return { ok: false, error: { kind: 'failed-precondition', message } };
    }
    const killed = container.running;
    const task = this.#state.tasks.find((progress) => progress.containerId === id);
    if (killed && task !== undefined) {
      this.#tellFiles('file-unmounted', context, task, container.files ?? []);
    }
    if (killed) {
      this.#updateContainer(id, (c) => ({
        ...c,
        running: false,
        finishedAtMs: context.nowMs,
        exitCode: KILLED_EXIT_CODE,
        ipAddress: '',
        files: [],
      }));
    }
    const tasks = this.#state.tasks.map((progress) => {
      if (progress.containerId !== id || isTerminalState(progress.state)) return progress;
      const err = killed
        ? `task: non-zero exit (${String(KILLED_EXIT_CODE)})`
        : `No such container: ${container.name}`;
      return this.#to(context, progress, 'failed', killed ? 'started' : progress.state, null, err);
    });
    this.#state = {
      ...this.#state,
      tasks,
      containers: this.#state.containers.filter((c) => c.id !== id),
    };
    return { ok: true };
  }

  /** One transition of one task, or the task unchanged when it must wait. */
  #step(context: WorkerContext, progress: TaskProgress): TaskProgress {
    if (isTerminalState(progress.state)) return progress;
    const desired = progress.assigned.task.DesiredState ?? 'running';
    if (taskStateRank(desired) >= taskStateRank('shutdown')) return this.#stop(context, progress);
    const due = progress.stepEndsAtMs === null || progress.stepEndsAtMs <= context.nowMs;
    const state = progress.state;
    if (state === 'assigned') return this.#accept(context, progress);
    if (state === 'accepted') return this.#pull(context, progress);
    if (state === 'preparing') return due ? this.#create(context, progress) : progress;
    if (state === 'ready') {
      // A task waits at READY while its desired state is READY (a restart's delay).
      if (taskStateRank(desired) < taskStateRank('running')) return progress;
      return this.#to(context, progress, 'starting', 'starting', context.nowMs + START_MS);
    }
    if (state === 'starting') return due ? this.#start(context, progress) : progress;
    if (state === 'running' && progress.stepEndsAtMs !== null && due) {
      return this.#exit(context, progress);
    }
    return progress;
  }

  /**
   * ACCEPTED once the executor has a controller for the task; REJECTED when it cannot build
   * one (a template that does not expand on this node), as swarmkit's exec.Resolve says.
   */
  #accept(context: WorkerContext, progress: TaskProgress): TaskProgress {
    const plan = runPlanFor(progress.assigned, context.node);
    if (!plan.ok && plan.stage === 'controller') {
      return this.#to(
        context,
        progress,
        'rejected',
        'resolving controller failed',
        null,
        plan.error,
      );
    }
    return this.#to(context, progress, 'accepted', 'accepted', null);
  }

  /** PREPARING: the image is pulled unless the node has it; one the registry lacks is refused. */
  #pull(context: WorkerContext, progress: TaskProgress): TaskProgress {
    const plan = runPlanFor(progress.assigned, context.node);
    if (!plan.ok) return this.#to(context, progress, 'rejected', 'preparing', null, plan.error);
    const cached = this.#state.images.includes(plan.value.pullKey);
    const endsAtMs = cached ? context.nowMs : context.nowMs + PULL_MS;
    return this.#to(context, progress, 'preparing', 'preparing', endsAtMs);
  }

  /** READY: pulled, and the container created. */
  #create(context: WorkerContext, progress: TaskProgress): TaskProgress {
    const plan = runPlanFor(progress.assigned, context.node);
    if (!plan.ok) return this.#to(context, progress, 'rejected', 'preparing', null, plan.error);
    // moby refuses to create a container whose bind source is missing on this node.
    const badMount = bindMountError(plan.value.mounts, context.files);
    if (badMount !== null) {
      return this.#to(context, progress, 'rejected', 'preparing', null, badMount);
    }
    // moby creates a volume mount's volume on this node when it has none of that name.
    const mounted = mountTask(
      context.volumes.read(),
      plan.value.mounts,
      context.nowMs,
      context.prng,
    );
    if (!mounted.ok) {
      return this.#to(context, progress, 'rejected', 'preparing', null, mounted.error.message);
    }
    if (mounted.value.volumes !== context.volumes.read()) {
      context.volumes.replace(mounted.value.volumes);
    }
    const container = {
      ...this.#createContainer(context, progress.assigned, plan.value),
      mounts: mounted.value.mountPoints,
    };
    const images = this.#state.images;
    this.#state = {
      ...this.#state,
      images: images.includes(plan.value.pullKey) ? images : [...images, plan.value.pullKey],
      containers: [...this.#state.containers, container],
    };
    return { ...this.#to(context, progress, 'ready', 'prepared', null), containerId: container.id };
  }

  /**
   * RUNNING: the process started, its secrets and configs mounted from the node's dependency
   * store (a start fails when one is missing); one that exits by itself is timed.
   */
  #start(context: WorkerContext, progress: TaskProgress): TaskProgress {
    const files = mountedFiles(progress.assigned, this.#state.dependencies ?? []);
    if (!files.ok) {
      // moby's task controller wraps whatever stops ContainerStart (executor controller.go).
      const error = `starting container failed: ${files.error}`;
      return this.#to(context, progress, 'failed', 'starting', null, error);
    }
    const plan = runPlanFor(progress.assigned, context.node);
    const exitsAfterMs = plan.ok ? plan.value.exitsAfterMs : null;
    const pid = context.prng.intInclusive(1000, 32000);
    // A task on swarm networks is attached to them (and to docker_gwbridge), not to the bridge.
    const onNetworks = (progress.assigned.task.NetworksAttachments ?? []).length > 0;
    const ipAddress = onNetworks ? '' : freeBridgeAddress(this.#state.containers);
    this.#updateContainer(progress.containerId, (container) => ({
      ...container,
      running: true,
      startedAtMs: context.nowMs,
      pid,
      ipAddress,
      files: files.files,
    }));
    this.#tellFiles('file-mounted', context, progress, files.files);
    const exitAtMs = exitsAfterMs === null ? null : context.nowMs + exitsAfterMs;
    return this.#to(context, progress, 'running', 'started', exitAtMs);
  }

  /** The process exited by itself: COMPLETE with code 0, FAILED otherwise. */
  #exit(context: WorkerContext, progress: TaskProgress): TaskProgress {
    const plan = runPlanFor(progress.assigned, context.node);
    const exitCode = plan.ok ? plan.value.exitCode : 1;
    this.#tellFiles('file-unmounted', context, progress, this.#filesOf(progress));
    this.#updateContainer(progress.containerId, (container) => ({
      ...container,
      running: false,
      finishedAtMs: context.nowMs,
      exitCode,
      ipAddress: '',
      files: [],
    }));
    return exitCode === 0
      ? this.#to(context, progress, 'complete', 'finished', null)
      : this.#to(context, progress, 'failed', 'started', null, `task: non-zero exit (${exitCode})`);
  }

  /** Desired SHUTDOWN or REMOVE: a started container stops (its grace), anything else at once. */
  #stop(context: WorkerContext, progress: TaskProgress): TaskProgress {
    if (progress.state === 'running' || progress.state === 'starting') {
      if (progress.stopAtMs === null) return { ...progress, stopAtMs: context.nowMs + STOP_MS };
      if (progress.stopAtMs > context.nowMs) return progress;
      this.#tellFiles('file-unmounted', context, progress, this.#filesOf(progress));
      this.#updateContainer(progress.containerId, (container) => ({
        ...container,
        running: false,
        finishedAtMs: context.nowMs,
        exitCode: 0,
        ipAddress: '',
        files: [],
      }));
    }
    return { ...this.#to(context, progress, 'shutdown', 'shutdown', null), stopAtMs: null };
  }

  #to(
    context: WorkerContext,
    progress: TaskProgress,
    state: TaskState,
    message: string,
    stepEndsAtMs: number | null,
    err?: string,
  ): TaskProgress {
    const update = this.#report(
      context,
      progress.assigned,
      state,
      message,
      err,
      progress.containerId,
    );
    this.#state = { ...this.#state, unreported: [...this.#state.unreported, update] };
    return { ...progress, state, stepEndsAtMs };
  }

  #report(
    context: WorkerContext,
    assigned: AssignedTask,
    state: TaskState,
    message: string,
    err?: string,
    containerId: string | null = null,
  ): TaskStatusUpdate {
    const container = this.#state.containers.find((c) => c.id === containerId);
    const status: TaskStatus = {
      Timestamp: rfc3339Nano(context.epochMs + context.nowMs),
      State: state,
      Message: message,
      ...(err === undefined ? {} : { Err: err }),
      ...(container === undefined
        ? {}
        : {
            ContainerStatus: {
              ContainerID: container.id,
              PID: container.running ? container.pid : 0,
              ExitCode: container.exitCode ?? 0,
            },
          }),
      PortStatus: {},
    };
    return { taskId: assigned.task.ID, status };
  }

  #createContainer(context: WorkerContext, assigned: AssignedTask, plan: RunPlan): ContainerRecord {
    const hex = Array.from({ length: 8 }, () =>
      context.prng.nextUint32().toString(16).padStart(8, '0'),
    ).join('');
    return {
      id: hex,
      name: containerName(assigned, context.nodeId),
      taskId: assigned.task.ID,
      serviceId: assigned.task.ServiceID ?? '',
      serviceName: assigned.serviceName,
      image: assigned.task.Spec.ContainerSpec?.Image ?? '',
      imageId: plan.imageId,
      command: plan.command,
      labels: {
        ...plan.config.imageLabels,
        ...assigned.task.Spec.ContainerSpec?.Labels,
        'com.docker.swarm.node.id': context.nodeId,
        'com.docker.swarm.service.id': assigned.task.ServiceID ?? '',
        'com.docker.swarm.service.name': assigned.serviceName,
        'com.docker.swarm.task': '',
        'com.docker.swarm.task.id': assigned.task.ID,
        'com.docker.swarm.task.name': containerName(assigned, context.nodeId),
      },
      exposedPorts: plan.exposedPorts,
      createdAtMs: context.nowMs,
      startedAtMs: null,
      finishedAtMs: null,
      exitCode: null,
      running: false,
      pid: 0,
      hostname: plan.config.hostname === '' ? hex.slice(0, 12) : plan.config.hostname,
      env: plan.config.env,
      entrypoint: plan.config.entrypoint,
      cmd: plan.config.cmd,
      workingDir: plan.config.workingDir,
      user: plan.config.user,
      stopSignal: plan.config.stopSignal,
      userland: plan.userland,
      ipAddress: '',
    };
  }

  /** The event log's lines for a container's files, mounted or unmounted. */
  #tellFiles(
    kind: 'file-mounted' | 'file-unmounted',
    context: WorkerContext,
    progress: TaskProgress,
    files: readonly MountedFile[],
  ): void {
    const { task } = progress.assigned;
    const slot = task.Slot !== undefined && task.Slot > 0 ? String(task.Slot) : context.nodeId;
    for (const file of files) {
      this.#changes.push({
        kind,
        hostname: context.node.hostname,
        task: `${progress.assigned.serviceName}.${slot}`,
        source: file.source,
        name: file.name,
        path: file.path,
      });
    }
  }

  /** The files of the container a task runs in, which its stop unmounts. */
  #filesOf(progress: TaskProgress): readonly MountedFile[] {
    return this.#state.containers.find((c) => c.id === progress.containerId)?.files ?? [];
  }

  #updateContainer(
    id: string | null,
    change: (container: ContainerRecord) => ContainerRecord,
  ): void {
    if (id === null) return;
    this.#state = {
      ...this.#state,
      containers: this.#state.containers.map((container) =>
        container.id === id ? change(container) : container,
      ),
    };
  }
}
