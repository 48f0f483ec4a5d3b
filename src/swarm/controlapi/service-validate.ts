import type { ServiceMode, ServiceSpec, UpdateConfig } from '../../api/service';
import { parseConstraints } from '../constraint';
import { daemonError, rpcError, type SwarmError } from '../errors';

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

const DNS_NAME_COMPONENT = /^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$/;

function refusedName(name: string): SwarmError | null {
  if (name === '') return invalid('meta: name must be provided');
  if (!DNS_NAME_COMPONENT.test(name)) return invalid('name must be valid as a DNS name component');
  if (name.length > 63) return invalid('name must be 63 characters or fewer');
  return null;
}

/** `validateTaskSpec` in its order: placement, then the runtime, then the container spec. */
function refusedTaskSpec(spec: ServiceSpec): SwarmError | null {
  // validatePlacement returns constraint.Parse's plain error, which gRPC sends as Unknown.
  const parsed = parseConstraints(spec.TaskTemplate.Placement?.Constraints ?? []);
  if (!parsed.ok) return rpcError('Unknown', parsed.message);
  const container = spec.TaskTemplate.ContainerSpec;
  if (container === undefined) return invalid('TaskSpec: missing runtime');
  const image = container.Image ?? '';
  if (image === '') return invalid('ContainerSpec: image reference must be provided');
  const targets = new Set<string>();
  for (const mount of container.Mounts ?? []) {
    const target = mount.Target ?? '';
    if (targets.has(target)) return invalid(`ContainerSpec: duplicate mount point: ${target}`);
    targets.add(target);
  }
  return null;
}

/**
 * What moby refuses while it converts the Engine API spec for swarmkit
 * (daemon/cluster/convert/service.go), before swarmkit sees it: its own errors, no rpc prefix.
 * The condition arrives as typed: the API's type names the three, the wire carries any text.
 */
function refusedByMoby(spec: ServiceSpec): SwarmError | null {
  const condition: string | undefined = spec.TaskTemplate.RestartPolicy?.Condition;
  if (condition !== undefined && !['none', 'on-failure', 'any'].includes(condition)) {
    return daemonError('invalid-argument', `invalid RestartCondition: "${condition}"`);
  }
  return null;
}

function refusedMode(mode: ServiceMode): SwarmError | null {
  const set = [mode.Replicated, mode.Global, mode.ReplicatedJob, mode.GlobalJob].filter(
    (value) => value !== undefined,
  );
  if (set.length !== 1) return invalid('Unrecognized service mode');
  if ((mode.Replicated?.Replicas ?? 0) < 0)
    return invalid('Number of replicas must be non-negative');
  return null;
}

export function isJobMode(mode: ServiceMode): boolean {
  return mode.ReplicatedJob !== undefined || mode.GlobalJob !== undefined;
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
  if (mode.Replicated !== undefined && mode.Replicated.Replicas === undefined) {
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
