import type { Mount } from '../../../api/service';
import type { AssignedTask } from '../../../machine-api';
import { templateContext, type NodeFacts } from '../../template/context';
import { expandContainerSpec } from '../../template/expand';
import { containerConfigFacts, type ContainerConfigFacts } from './container-config';
import type { ProcessBehaviour } from './images';
import { commandProcess } from './command-process';
import { exitOf, imageProcess, type Userland } from './image-process';

/**
 * What the executor will run for a task (moby daemon/cluster/executor/container): the image to
 * pull, the command line (the spec's command and args over the image's entrypoint and cmd), and
 * how that process behaves: it runs until stopped, or exits after a while with a code.
 */
export interface RunPlan {
  /** The image as the node stores it once pulled. */
  readonly pullKey: string;
  readonly imageId: string;
  readonly command: readonly string[];
  readonly exposedPorts: readonly string[];
  /** Null for a process that runs until it is stopped. */
  readonly exitsAfterMs: number | null;
  readonly exitCode: number;
  /** The container's config: the spec's with the image's merged in. */
  readonly config: ContainerConfigFacts;
  readonly userland: Userland;
  /** What the process does and prints (its log): the image's, or the command's (command-process.ts). */
  readonly process: ProcessBehaviour;
  /** The spec's mounts, templates expanded. */
  readonly mounts: readonly Mount[];
}

export type PlanOutcome =
  | { readonly ok: true; readonly value: RunPlan }
  | {
      readonly ok: false;
      readonly error: string;
      /**
       * Where it failed: the executor could not build the task's controller (its templates do
       * not expand), or the image cannot be pulled.
       */
      readonly stage: 'controller' | 'pull';
    };

/** swarmkit api/naming: `<service>.<slot>.<task ID>`, the node ID in place of a global's slot. */
export function containerName(assigned: AssignedTask, nodeId: string): string {
  const { task } = assigned;
  const slot =
    task.Slot !== undefined && task.Slot > 0 ? String(task.Slot) : (task.NodeID ?? nodeId);
  return `${assigned.serviceName}.${slot}.${task.ID}`;
}

/**
 * The plan for a task on the node described by `node`: its container spec with swarmkit's
 * templates expanded (`{{.Node.Hostname}}`, `{{.Task.Slot}}`…, agent side, as moby's executor
 * does when it builds the task's controller), then the image's config and process under it.
 */
export function runPlanFor(assigned: AssignedTask, node: NodeFacts): PlanOutcome {
  const raw = assigned.task.Spec.ContainerSpec;
  let spec = raw;
  if (raw !== undefined) {
    const context = templateContext(assigned.task, assigned.serviceName, node);
    const expanded = expandContainerSpec(raw, context);
    if (!expanded.ok) return { ok: false, error: expanded.error, stage: 'controller' };
    spec = expanded.value;
  }
  const image = spec?.Image ?? '';
  const found = imageProcess(image, spec?.Env ?? []);
  if (!found.ok) return { ...found, stage: 'pull' };
  const facts = found.value;
  // Docker's rule: `Command` replaces the entrypoint, `Args` replaces the cmd.
  const entrypoint = spec?.Command ?? facts.entrypoint;
  const args = spec?.Args ?? (spec?.Command === undefined ? facts.cmd : []);
  const command = [...entrypoint, ...args];
  const custom = spec?.Command !== undefined || spec?.Args !== undefined;
  const process = custom ? commandProcess(command, facts) : facts.process;
  const behaviour = exitOf(process);
  return {
    ok: true,
    value: {
      pullKey: facts.pullKey,
      imageId: facts.imageId,
      command,
      exposedPorts: facts.exposedPorts,
      exitsAfterMs: behaviour.exitsAfterMs,
      exitCode: behaviour.exitCode,
      config: containerConfigFacts(spec, facts.config),
      userland: facts.userland,
      process,
      mounts: spec?.Mounts ?? [],
    },
  };
}
