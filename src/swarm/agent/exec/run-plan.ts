import type { AssignedTask } from '../../../machine-api';
import { templateContext, type NodeFacts } from '../../template/context';
import { expandContainerSpec } from '../../template/expand';
import { containerConfigFacts, type ContainerConfigFacts } from './container-config';
import { imageProcess, type ImageProcess, type Userland } from './image-process';

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
  const behaviour = custom ? commandBehaviour(command, facts) : facts.behaviour;
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
    },
  };
}

interface Behaviour {
  readonly exitsAfterMs: number | null;
  readonly exitCode: number;
}

const RUNS: Behaviour = { exitsAfterMs: null, exitCode: 0 };
const EXITS_AT_ONCE: Behaviour = { exitsAfterMs: 100, exitCode: 0 };

/**
 * What a command a lab types does (`alpine ping docker.com`, `busybox sleep 3600`,
 * `sh -c '…'`): a shell without a script exits at once (no TTY), `sleep N` after N seconds,
 * `echo`, `true` and `false` at once; `ping`, `tail -f`, `top` and servers run until stopped. The
 * image's own program (its entrypoint with other arguments) behaves as the image does.
 */
function commandBehaviour(command: readonly string[], facts: ImageProcess): Behaviour {
  const [program = '', ...args] = command;
  const name = program.split('/').pop() ?? program;
  if (SHELLS.has(name)) {
    const script = args[0] === '-c' ? args[1] : undefined;
    if (script !== undefined) return commandBehaviour(script.trim().split(/\s+/), facts);
    return args.length === 0 ? EXITS_AT_ONCE : RUNS;
  }
  if (name === 'sleep') {
    const seconds = parseDuration(args[0] ?? '');
    return seconds === null ? RUNS : { exitsAfterMs: Math.max(100, seconds * 1000), exitCode: 0 };
  }
  if (ONE_SHOT.has(name)) return EXITS_AT_ONCE;
  if (name === 'false') return { exitsAfterMs: 100, exitCode: 1 };
  if (name === 'exit') return { exitsAfterMs: 100, exitCode: Number(args[0] ?? '0') || 0 };
  return name === (facts.entrypoint[0] ?? '').split('/').pop() ? facts.behaviour : RUNS;
}

const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'ash']);
/** Programs that print and exit. */
const ONE_SHOT: ReadonlySet<string> = new Set([
  'echo',
  'true',
  'printf',
  'date',
  'hostname',
  'env',
  'ls',
  'cat',
]);

/** `sleep`'s argument: seconds, or with a unit (`10m`, `1h`, `1d`); `infinity` never ends. */
function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text);
  if (match === null) return null;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] ?? ''] ?? 1;
  return Number(match[1]) * unit;
}
