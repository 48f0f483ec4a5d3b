import type {
  ContainerSpec,
  DNSConfig,
  EndpointSpec,
  HealthConfig,
  Placement,
  ResourceRequirements,
  RestartPolicy,
  ServiceSpec,
  TaskSpec,
  UpdateConfig,
} from '../../../../api/service';
import { omitEmpty } from './parts';

/**
 * A spec as encoding/json writes moby's ServiceSpec, which is what docker's CLI sends after
 * editing the struct: fields in Go's declaration order, `omitempty` fields left out when empty,
 * pointer fields kept whenever set (an empty `Limits: {}` stays). `service update` edits the
 * spec it read and sends it through this, so a field it adds lands where docker puts it.
 */

/** A pointer field: present whenever it is set, even when it points at an empty struct. */
function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  const field: { [P in K]?: V } = {};
  if (value !== undefined) field[key] = value;
  return field;
}

function health(config: HealthConfig): HealthConfig {
  return {
    ...omitEmpty('Test', config.Test),
    ...omitEmpty('Interval', config.Interval),
    ...omitEmpty('Timeout', config.Timeout),
    ...omitEmpty('StartPeriod', config.StartPeriod),
    ...omitEmpty('StartInterval', config.StartInterval),
    ...omitEmpty('Retries', config.Retries),
  };
}

function dns(config: DNSConfig): DNSConfig {
  return {
    ...omitEmpty('Nameservers', config.Nameservers),
    ...omitEmpty('Search', config.Search),
    ...omitEmpty('Options', config.Options),
  };
}

function containerHead(spec: ContainerSpec): ContainerSpec {
  return {
    ...omitEmpty('Image', spec.Image),
    ...omitEmpty('Labels', spec.Labels),
    ...omitEmpty('Command', spec.Command),
    ...omitEmpty('Args', spec.Args),
    ...omitEmpty('Hostname', spec.Hostname),
    ...omitEmpty('Env', spec.Env),
    ...omitEmpty('Dir', spec.Dir),
    ...omitEmpty('User', spec.User),
    ...omitEmpty('Groups', spec.Groups),
    ...defined('Privileges', spec.Privileges),
    ...defined('Init', spec.Init),
    ...omitEmpty('StopSignal', spec.StopSignal),
    ...omitEmpty('TTY', spec.TTY),
    ...omitEmpty('OpenStdin', spec.OpenStdin),
    ...omitEmpty('ReadOnly', spec.ReadOnly),
  };
}

function containerTail(spec: ContainerSpec): ContainerSpec {
  return {
    ...omitEmpty('Mounts', spec.Mounts),
    ...defined('StopGracePeriod', spec.StopGracePeriod),
    ...defined(
      'Healthcheck',
      spec.Healthcheck === undefined ? undefined : health(spec.Healthcheck),
    ),
    ...omitEmpty('Hosts', spec.Hosts),
    ...defined('DNSConfig', spec.DNSConfig === undefined ? undefined : dns(spec.DNSConfig)),
    ...omitEmpty('Secrets', spec.Secrets),
    ...omitEmpty('Configs', spec.Configs),
    ...omitEmpty('Isolation', spec.Isolation),
    ...omitEmpty('Sysctls', spec.Sysctls),
    ...omitEmpty('CapabilityAdd', spec.CapabilityAdd),
    ...omitEmpty('CapabilityDrop', spec.CapabilityDrop),
    ...omitEmpty('Ulimits', spec.Ulimits),
    ...omitEmpty('OomScoreAdj', spec.OomScoreAdj),
  };
}

export function canonicalContainerSpec(spec: ContainerSpec): ContainerSpec {
  return { ...containerHead(spec), ...containerTail(spec) };
}

function resources(requirements: ResourceRequirements): ResourceRequirements {
  const limits = requirements.Limits;
  const reservations = requirements.Reservations;
  return {
    ...defined(
      'Limits',
      limits === undefined
        ? undefined
        : {
            ...omitEmpty('NanoCPUs', limits.NanoCPUs),
            ...omitEmpty('MemoryBytes', limits.MemoryBytes),
            ...omitEmpty('Pids', limits.Pids),
          },
    ),
    ...defined(
      'Reservations',
      reservations === undefined
        ? undefined
        : {
            ...omitEmpty('NanoCPUs', reservations.NanoCPUs),
            ...omitEmpty('MemoryBytes', reservations.MemoryBytes),
            ...omitEmpty('GenericResources', reservations.GenericResources),
          },
    ),
  };
}

function restartPolicy(policy: RestartPolicy): RestartPolicy {
  return {
    ...omitEmpty('Condition', policy.Condition),
    ...defined('Delay', policy.Delay),
    ...defined('MaxAttempts', policy.MaxAttempts),
    ...defined('Window', policy.Window),
  };
}

function placement(value: Placement): Placement {
  return {
    ...omitEmpty('Constraints', value.Constraints),
    ...omitEmpty('Preferences', value.Preferences),
    ...omitEmpty('MaxReplicas', value.MaxReplicas),
    ...omitEmpty('Platforms', value.Platforms),
  };
}

function taskSpec(template: TaskSpec): TaskSpec {
  const container = template.ContainerSpec;
  return {
    ...defined(
      'ContainerSpec',
      container === undefined ? undefined : canonicalContainerSpec(container),
    ),
    ...defined(
      'Resources',
      template.Resources === undefined ? undefined : resources(template.Resources),
    ),
    ...defined(
      'RestartPolicy',
      template.RestartPolicy === undefined ? undefined : restartPolicy(template.RestartPolicy),
    ),
    ...defined(
      'Placement',
      template.Placement === undefined ? undefined : placement(template.Placement),
    ),
    ...omitEmpty('Networks', template.Networks),
    ...defined('LogDriver', template.LogDriver),
    ForceUpdate: template.ForceUpdate,
    ...omitEmpty('Runtime', template.Runtime),
  };
}

function updateConfig(config: UpdateConfig): UpdateConfig {
  return {
    Parallelism: config.Parallelism,
    ...omitEmpty('Delay', config.Delay),
    ...omitEmpty('FailureAction', config.FailureAction),
    ...omitEmpty('Monitor', config.Monitor),
    MaxFailureRatio: config.MaxFailureRatio,
    Order: config.Order,
  };
}

function endpointSpec(spec: EndpointSpec): EndpointSpec {
  return { ...omitEmpty('Mode', spec.Mode), ...omitEmpty('Ports', spec.Ports) };
}

export function canonicalServiceSpec(spec: ServiceSpec): ServiceSpec {
  return {
    Name: spec.Name,
    Labels: spec.Labels,
    TaskTemplate: taskSpec(spec.TaskTemplate),
    Mode: spec.Mode,
    ...defined(
      'UpdateConfig',
      spec.UpdateConfig === undefined ? undefined : updateConfig(spec.UpdateConfig),
    ),
    ...defined(
      'RollbackConfig',
      spec.RollbackConfig === undefined ? undefined : updateConfig(spec.RollbackConfig),
    ),
    ...defined(
      'EndpointSpec',
      spec.EndpointSpec === undefined ? undefined : endpointSpec(spec.EndpointSpec),
    ),
  };
}
