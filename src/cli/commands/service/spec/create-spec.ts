import type {
  ContainerSpec,
  ResourceRequirements,
  RestartPolicy,
  ServiceMode,
  ServiceSpec,
  TaskSpec,
} from '../../../../api/service';
import { CliError } from '../../../command/errors';
import type { CreateOptions } from '../create';
import {
  anyChanged,
  defaultRestartPolicy,
  effectiveCapabilities,
  healthConfig,
  kvMap,
  makeEnv,
  omitEmpty,
  parseGenericResources,
  swarmHosts,
  type Changed,
} from './parts';
import { configFromFlags, updateConfigChanged, updateFlagValues } from './update-config';

/**
 * docker's serviceOptions.ToService for `service create` (cli/command/service/opts.go, 27.5.1):
 * the spec exactly as the CLI sends it, with Go's `omitempty` rules, so that inspect shows what
 * docker would store. Flags the simulation does not act on are carried all the same.
 */

type Writable<T> = { -readonly [K in keyof T]: T[K] };

export const RESTART_FLAGS = [
  'restart-delay',
  'restart-max-attempts',
  'restart-window',
  'restart-condition',
] as const;

/** serviceOptions.ToServiceMode, with docker's errors. */
function serviceMode(options: CreateOptions, changed: Changed): ServiceMode {
  const replicas = changed('replicas') ? options.replicas : undefined;
  const concurrent = changed('max-concurrent') ? options.maxConcurrent : undefined;
  const replicasError = 'replicas can only be used with replicated or replicated-job mode';
  const maxReplicasError =
    'replicas-max-per-node can only be used with replicated or replicated-job mode';
  const concurrentError = 'max-concurrent can only be used with replicated-job mode';
  switch (options.mode) {
    case 'global':
      if (replicas !== undefined) throw new CliError(replicasError);
      if (options.replicasMaxPerNode > 0) throw new CliError(maxReplicasError);
      if (concurrent !== undefined) throw new CliError(concurrentError);
      return { Global: {} };
    case 'replicated':
      if (concurrent !== undefined) throw new CliError(concurrentError);
      return { Replicated: replicas === undefined ? {} : { Replicas: replicas } };
    case 'replicated-job': {
      const maxConcurrent = concurrent ?? replicas;
      return {
        ReplicatedJob: {
          ...(maxConcurrent === undefined ? {} : { MaxConcurrent: maxConcurrent }),
          ...(replicas === undefined ? {} : { TotalCompletions: replicas }),
        },
      };
    }
    case 'global-job':
      if (options.replicasMaxPerNode > 0) throw new CliError(maxReplicasError);
      if (concurrent !== undefined) throw new CliError(concurrentError);
      if (replicas !== undefined) throw new CliError(replicasError);
      return { GlobalJob: {} };
    default:
      throw new CliError(`Unknown mode: ${options.mode}, only replicated and global supported`);
  }
}

/** restartPolicyOptions.ToRestartPolicy: only when a restart flag is given. */
function restartPolicy(options: CreateOptions, changed: Changed): RestartPolicy | undefined {
  if (!anyChanged(changed, ...RESTART_FLAGS)) return undefined;
  const policy: Writable<RestartPolicy> = defaultRestartPolicy();
  if (changed('restart-delay')) policy.Delay = Number(options.restartDelay);
  if (changed('restart-condition')) {
    policy.Condition = options.restartCondition;
  }
  if (changed('restart-max-attempts')) policy.MaxAttempts = options.restartMaxAttempts;
  if (changed('restart-window')) policy.Window = Number(options.restartWindow);
  return policy;
}

function resources(options: CreateOptions): ResourceRequirements {
  const generic = parseGenericResources(options.genericResource.values);
  return {
    Limits: {
      ...omitEmpty('NanoCPUs', options.limitCpu.nanoCpus),
      ...omitEmpty('MemoryBytes', options.limitMemory.value),
      ...omitEmpty('Pids', options.limitPids),
    },
    Reservations: {
      ...omitEmpty('NanoCPUs', options.reserveCpu.nanoCpus),
      ...omitEmpty('MemoryBytes', options.reserveMemory.value),
      ...omitEmpty('GenericResources', generic),
    },
  };
}

function identityFields(options: CreateOptions, image: string, args: readonly string[]) {
  return {
    ...omitEmpty('Image', image),
    ...omitEmpty('Labels', kvMap(options.containerLabel.values)),
    ...omitEmpty('Command', options.entrypoint.words),
    ...omitEmpty('Args', args),
    ...omitEmpty('Hostname', options.hostname),
    ...omitEmpty('Env', makeEnv(options.env.values)),
    ...omitEmpty('Dir', options.workdir),
    ...omitEmpty('User', options.user),
    ...omitEmpty('Groups', options.group.values),
    ...(options.credentialSpec.source === ''
      ? {}
      : {
          Privileges: {
            CredentialSpec: options.credentialSpec.spec(),
            SELinuxContext: null,
            NoNewPrivileges: false,
          },
        }),
  };
}

function runtimeFields(options: CreateOptions, changed: Changed) {
  return {
    Init: options.init,
    ...omitEmpty('StopSignal', options.stopSignal),
    ...omitEmpty('TTY', options.tty),
    ...omitEmpty('ReadOnly', options.readOnly),
    ...omitEmpty('Mounts', options.mount.mounts),
    ...(changed('stop-grace-period') ? { StopGracePeriod: Number(options.stopGracePeriod) } : {}),
    ...omitEmpty('Healthcheck', healthConfig(options)),
    ...omitEmpty('Hosts', swarmHosts(options.host.values)),
    DNSConfig: {
      ...omitEmpty('Nameservers', options.dns.values),
      ...omitEmpty('Search', options.dnsSearch.values),
      ...omitEmpty('Options', options.dnsOption.values),
    },
  };
}

function kernelFields(options: CreateOptions) {
  const caps = effectiveCapabilities(options.capAdd.values, options.capDrop.values);
  return {
    ...omitEmpty('Isolation', options.isolation),
    ...omitEmpty('Sysctls', kvMap(options.sysctl.values)),
    ...omitEmpty('CapabilityAdd', caps.add),
    ...omitEmpty('CapabilityDrop', caps.drop),
    ...omitEmpty('Ulimits', options.ulimit.list()),
    ...omitEmpty('OomScoreAdj', options.oomScoreAdj),
  };
}

/** The container spec in moby's field order. */
function containerSpec(
  options: CreateOptions,
  changed: Changed,
  image: string,
  args: readonly string[],
): ContainerSpec {
  return {
    ...identityFields(options, image, args),
    ...runtimeFields(options, changed),
    ...kernelFields(options),
  };
}

function taskTemplate(
  options: CreateOptions,
  changed: Changed,
  image: string,
  args: readonly string[],
): TaskSpec {
  const container = containerSpec(options, changed, image, args);
  const resourceRequirements = resources(options);
  const restart = restartPolicy(options, changed);
  const logDriver =
    options.logDriver === ''
      ? undefined
      : { Name: options.logDriver, ...omitEmpty('Options', kvMap(options.logOpt.values)) };
  return {
    ContainerSpec: container,
    Resources: resourceRequirements,
    ...(restart === undefined ? {} : { RestartPolicy: restart }),
    Placement: {
      ...omitEmpty('Constraints', options.constraint.values),
      ...omitEmpty('Preferences', options.placementPref.prefs),
      ...omitEmpty('MaxReplicas', options.replicasMaxPerNode),
    },
    ...(logDriver === undefined ? {} : { LogDriver: logDriver }),
    ForceUpdate: 0,
  };
}

/**
 * The spec, in docker's order of checks: environment, health check, mode, job update configs;
 * the networks, secrets and configs, which need lookups the playground cannot do yet, are the
 * caller's (create.ts).
 */
export function createServiceSpec(
  options: CreateOptions,
  changed: Changed,
  image: string,
  args: readonly string[],
): ServiceSpec {
  const mode = serviceMode(options, changed);
  const flagValues = updateFlagValues(options);
  const update = updateConfigChanged('update', changed)
    ? configFromFlags('update', flagValues.update, changed)
    : undefined;
  const rollback = updateConfigChanged('rollback', changed)
    ? configFromFlags('rollback', flagValues.rollback, changed)
    : undefined;
  const isJob = mode.ReplicatedJob !== undefined || mode.GlobalJob !== undefined;
  if (isJob && (update !== undefined || rollback !== undefined)) {
    throw new CliError('update and rollback configuration is not supported for jobs');
  }
  const template = taskTemplate(options, changed, image, args);
  const endpointMode = options.endpointMode.toLowerCase();
  return {
    Name: options.name,
    Labels: kvMap(options.label.values),
    TaskTemplate: template,
    Mode: mode,
    ...(update === undefined ? {} : { UpdateConfig: update }),
    ...(rollback === undefined ? {} : { RollbackConfig: rollback }),
    EndpointSpec: {
      ...(endpointMode === '' ? {} : { Mode: endpointMode }),
      ...omitEmpty('Ports', options.publish.ports),
    },
  };
}
