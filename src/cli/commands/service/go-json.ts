import type { ContainerSpec, Service, ServiceSpec, TaskSpec } from '../../../api/service';

/**
 * A service as encoding/json writes moby's swarm.Service: the daemon's object already has Go's
 * field order, but Go writes every map with its keys sorted, so label, sysctl and option maps
 * are sorted here.
 */
type StringMap = Readonly<Record<string, string>>;

function sorted(map: StringMap): Record<string, string> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A map, sorted; absent stays absent. Reassigning a key keeps its place in the object. */
function sortedMap(map: StringMap | undefined): { value?: Record<string, string> } {
  return map === undefined ? {} : { value: sorted(map) };
}

function containerSpec(container: ContainerSpec): ContainerSpec {
  const labels = sortedMap(container.Labels).value;
  const sysctls = sortedMap(container.Sysctls).value;
  return {
    ...container,
    ...(labels === undefined ? {} : { Labels: labels }),
    ...(sysctls === undefined ? {} : { Sysctls: sysctls }),
  };
}

function taskSpec(template: TaskSpec): TaskSpec {
  const container = template.ContainerSpec;
  const logDriver = template.LogDriver;
  const logOptions = sortedMap(logDriver?.Options).value;
  return {
    ...template,
    ...(container === undefined ? {} : { ContainerSpec: containerSpec(container) }),
    ...(logDriver === undefined
      ? {}
      : {
          LogDriver: { ...logDriver, ...(logOptions === undefined ? {} : { Options: logOptions }) },
        }),
    ...(template.Networks === undefined
      ? {}
      : {
          Networks: template.Networks.map((network) => {
            const options = sortedMap(network.DriverOpts).value;
            return { ...network, ...(options === undefined ? {} : { DriverOpts: options }) };
          }),
        }),
  };
}

function serviceSpec(spec: ServiceSpec): ServiceSpec {
  return { ...spec, Labels: sorted(spec.Labels), TaskTemplate: taskSpec(spec.TaskTemplate) };
}

export function goJsonService(service: Service): Service {
  return {
    ...service,
    Spec: serviceSpec(service.Spec),
    ...(service.PreviousSpec === undefined
      ? {}
      : { PreviousSpec: serviceSpec(service.PreviousSpec) }),
  };
}
