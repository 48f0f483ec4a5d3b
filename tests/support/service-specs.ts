import type { ServiceSpec } from '../../src/api/service';

/** A service spec as `docker service create` sends it for a plain image, with the given parts. */
export function serviceSpec(name: string, parts: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    Name: name,
    Labels: {},
    TaskTemplate: {
      ContainerSpec: { Image: 'nginx:latest', Init: false, DNSConfig: {}, Isolation: 'default' },
      Resources: { Limits: {}, Reservations: {} },
      Placement: {},
      ForceUpdate: 0,
      Runtime: 'container',
    },
    Mode: { Replicated: { Replicas: 1 } },
    EndpointSpec: { Mode: 'vip' },
    ...parts,
  };
}
