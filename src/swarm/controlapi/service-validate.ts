import { refusedFileReferences } from './file-references';
import {
  isJobKind,
  serviceModeKind,
  type ServiceMode,
  type ServiceSpec,
  type UpdateConfig,
} from '../../api/service';
import { parseConstraints } from '../constraint';
import { daemonError, rpcError, type SwarmError } from '../errors';
import { expandContainerSpec } from '../template/expand';
import type { TemplateContext } from '../template/context';

/**
 * What swarmkit checks of a service spec before it writes anything (controlapi/service.go
 * `validateServiceSpec`, common.go `validateAnnotations`), in its order, with its texts. The
 * first failing check answers; null when the spec passes.
 */
export function refusedServiceSpec(spec: ServiceSpec): SwarmError | null {
  return (
    refusedByMoby(spec) ??
    refusedName(spec.Name) ??
    refusedTaskSpec(spec) ??
    refusedMode(spec.Mode) ??
    (isJobMode(spec.Mode) ? refusedJob(spec) : refusedUpdateConfig(spec.UpdateConfig))
  );
}

/** The stand-in task and node swarmkit expands a new spec's templates over. */
const VALIDATION_CONTEXT: TemplateContext = {
  Service: { ID: 'serviceid', Name: 'servicename', Labels: {} },
  Node: {
    ID: 'nodeid',
    Hostname: 'nodeHostname',
    Platform: { Architecture: 'architecture', OS: 'os' },
  },
  Task: { ID: '', Name: 'taskname', Slot: '1' },
};

const DNS_NAME_COMPONENT = /^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$/;

function refusedName(name: string): SwarmError | null {
  if (name === '') return invalid('meta: name must be provided');
  if (!DNS_NAME_COMPONENT.test(name)) return invalid('name must be valid as a DNS name component');
  if (name.length > 63) return invalid('name must be 63 characters or fewer');
  return null;
}

/**
 * `validateTaskSpec` in its order: placement, the secret and config references, then the
 * runtime and the container spec.
 */
function refusedTaskSpec(spec: ServiceSpec): SwarmError | null {
  // validatePlacement returns constraint.Parse's plain error, which gRPC sends as Unknown.
  const parsed = parseConstraints(spec.TaskTemplate.Placement?.Constraints ?? []);
  if (!parsed.ok) return rpcError('Unknown', parsed.message);
  const container = spec.TaskTemplate.ContainerSpec;
  const references = container === undefined ? null : refusedFileReferences(container);
  if (references !== null) return references;
  if (container === undefined) return invalid('TaskSpec: missing runtime');
  // A best-effort expansion of the templates over a stand-in task, as validateContainerSpec does.
  const expanded = expandContainerSpec(container, VALIDATION_CONTEXT);
  if (!expanded.ok) return invalid(expanded.error);
  const image = expanded.value.Image ?? '';
  if (image === '') return invalid('ContainerSpec: image reference must be provided');
  const targets = new Set<string>();
  for (const mount of expanded.value.Mounts ?? []) {
    const target = mount.Target ?? '';
    if (targets.has(target)) return invalid(`ContainerSpec: duplicate mount point: ${target}`);
    targets.add(target);
  }
  return null;
}

/**
 * What moby refuses while it converts the Engine API spec for swarmkit
 * (daemon/cluster/convert/container.go and service.go), before swarmkit sees it: its own
 * errors, without an rpc prefix, in the order it converts the parts.
 */
function refusedByMoby(spec: ServiceSpec): SwarmError | null {
  const refused = refusedByMobyInTask(spec);
  if (refused !== null) return refused;
  const mode = spec.EndpointSpec?.Mode;
  if (mode !== undefined && mode !== '' && mode !== 'vip' && mode !== 'dnsrr') {
    return mobyError(`invalid resolution mode: "${mode}"`);
  }
  if (modeCount(spec) > 1) return mobyError('must specify only one service mode');
  for (const config of [spec.UpdateConfig, spec.RollbackConfig]) {
    const action = config?.FailureAction ?? '';
    if (!FAILURE_ACTIONS.has(action))
      return mobyError(`unrecognized update failure action ${action}`);
    const order = config?.Order ?? '';
    if (!ORDERS.has(order)) return mobyError(`unrecognized update order ${order}`);
  }
  return null;
}

/** The task template's part of moby's conversion: the mounts, then the restart policy. */
function refusedByMobyInTask(spec: ServiceSpec): SwarmError | null {
  const task = spec.TaskTemplate;
  const badMount = (task.ContainerSpec?.Mounts ?? []).find(
    (mount) => (mount.Type ?? '') !== '' && !MOUNT_TYPES.has((mount.Type ?? '').toLowerCase()),
  );
  if (badMount !== undefined) return mobyError(`invalid MountType: "${badMount.Type ?? ''}"`);
  const condition = task.RestartPolicy?.Condition;
  if (condition !== undefined && !RESTART_CONDITIONS.has(condition)) {
    return mobyError(`invalid RestartCondition: "${condition}"`);
  }
  return null;
}

function modeCount(spec: ServiceSpec): number {
  return Object.values(spec.Mode).filter((value) => value !== undefined).length;
}

const MOUNT_TYPES: ReadonlySet<string> = new Set([
  'bind',
  'volume',
  'tmpfs',
  'npipe',
  'cluster',
  'image',
]);
const RESTART_CONDITIONS: ReadonlySet<string> = new Set(['none', 'on-failure', 'any']);
const FAILURE_ACTIONS: ReadonlySet<string> = new Set(['', 'pause', 'continue', 'rollback']);
const ORDERS: ReadonlySet<string> = new Set(['', 'stop-first', 'start-first']);

function mobyError(message: string): SwarmError {
  return daemonError('invalid-argument', message);
}

function refusedMode(mode: ServiceMode): SwarmError | null {
  const set = [mode.Replicated, mode.Global, mode.ReplicatedJob, mode.GlobalJob].filter(
    (value) => value !== undefined,
  );
  // moby gives a spec without a mode one replica (withMobyDefaults) before swarmkit checks.
  if (set.length !== 1) return invalid('Unrecognized service mode');
  if ((mode.Replicated?.Replicas ?? 0) < 0)
    return invalid('Number of replicas must be non-negative');
  return null;
}

export function isJobMode(mode: ServiceMode): boolean {
  return isJobKind(serviceModeKind(mode));
}

function refusedJob(spec: ServiceSpec): SwarmError | null {
  return spec.UpdateConfig === undefined ? null : invalid('Jobs may not have an update config');
}

function refusedUpdateConfig(update: UpdateConfig | undefined): SwarmError | null {
  if (update === undefined) return null;
  if (update.MaxFailureRatio < 0 || update.MaxFailureRatio > 1) {
    return invalid('TaskSpec: update-maxfailureratio cannot be less than 0 or bigger than 1');
  }
  return null;
}

function invalid(desc: string): SwarmError {
  return rpcError('InvalidArgument', desc);
}

/**
 * What moby fills in while it converts the spec for swarmkit (daemon/cluster/convert/service.go
 * `ServiceSpecToGRPC`): a replicated service without a count gets 1; a replicated job without
 * them gets a concurrency of 1 and as many completions. swarmkit stores the numbers, so
 * `docker service inspect` shows them.
 */
export function withMobyDefaults(spec: ServiceSpec): ServiceSpec {
  const mode = spec.Mode;
  // Two modes at once are refused first (`must specify only one service mode`).
  if (modeCount(spec) > 1) return spec;
  if (
    modeCount(spec) === 0 ||
    (mode.Replicated !== undefined && mode.Replicated.Replicas === undefined)
  ) {
    return { ...spec, Mode: { Replicated: { Replicas: 1 } } };
  }
  const job = mode.ReplicatedJob;
  if (
    job !== undefined &&
    (job.MaxConcurrent === undefined || job.TotalCompletions === undefined)
  ) {
    const concurrent = job.MaxConcurrent ?? 1;
    return {
      ...spec,
      Mode: {
        ReplicatedJob: {
          MaxConcurrent: concurrent,
          TotalCompletions: job.TotalCompletions ?? concurrent,
        },
      },
    };
  }
  return spec;
}
