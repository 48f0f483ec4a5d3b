import type { ServiceSpec } from '../../src/api/service';

/**
 * A service spec for a plain image, with the given parts: what the daemon stores for `docker
 * service create nginx` (the CLI leaves `Isolation`, `Runtime` and the replica count to it).
 */
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
