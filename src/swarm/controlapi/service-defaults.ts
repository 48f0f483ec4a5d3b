import type { Service, ServiceSpec, UpdateConfig } from '../../api/service';

/** swarmkit api/defaults/service.go, in the Engine API's units (nanoseconds). */
const SECOND_NS = 1_000_000_000;
const DEFAULT_STOP_GRACE_PERIOD_NS = 10 * SECOND_NS;
const DEFAULT_RESTART_DELAY_NS = 5 * SECOND_NS;
const DEFAULT_MONITOR_NS = 5 * SECOND_NS;

const DEFAULT_UPDATE_CONFIG: UpdateConfig = {
  Parallelism: 1,
  FailureAction: 'pause',
  Monitor: DEFAULT_MONITOR_NS,
  MaxFailureRatio: 0,
  Order: 'stop-first',
};

/**
 * The spec as `GET /services/{id}?insertDefaults=true` shows it (swarmkit
 * `defaults.InterpolateService`): what the user left out, filled with what the orchestrator
 * uses. The stored spec keeps only what was asked for.
 */
export function specWithDefaults(spec: ServiceSpec): ServiceSpec {
  const task = spec.TaskTemplate;
  const container = task.ContainerSpec;
  const restart = task.RestartPolicy;
  return {
    ...spec,
    TaskTemplate: {
      ...task,
      ...(container === undefined
        ? {}
        : {
            ContainerSpec: {
              ...container,
              StopGracePeriod: container.StopGracePeriod ?? DEFAULT_STOP_GRACE_PERIOD_NS,
              DNSConfig: container.DNSConfig ?? {},
            },
          }),
      Resources: task.Resources ?? {},
      RestartPolicy:
        restart === undefined
          ? { Condition: 'any', Delay: DEFAULT_RESTART_DELAY_NS, MaxAttempts: 0 }
          : { ...restart, Delay: restart.Delay ?? DEFAULT_RESTART_DELAY_NS },
      Placement: task.Placement ?? {},
    },
    UpdateConfig: withMonitor(spec.UpdateConfig),
    RollbackConfig: withMonitor(spec.RollbackConfig),
  };
}

function withMonitor(config: UpdateConfig | undefined): UpdateConfig {
  if (config === undefined) return DEFAULT_UPDATE_CONFIG;
  return { ...config, Monitor: config.Monitor ?? DEFAULT_MONITOR_NS };
}

/** The service with both specs interpolated, as inspect with defaults answers it. */
export function serviceWithDefaults(service: Service): Service {
  return {
    ...service,
    Spec: specWithDefaults(service.Spec),
    ...(service.PreviousSpec === undefined
      ? {}
      : { PreviousSpec: specWithDefaults(service.PreviousSpec) }),
  };
}
