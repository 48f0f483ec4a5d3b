import type { Endpoint, ServiceSpec } from '../../api/service';
import type { PortConfig } from '../../api/task';
import { rpcError, type SwarmError } from '../errors';
import { allocateVirtualIPs } from '../networkallocator';
import { allServices, type StoreState } from '../store';

/** swarmkit allocator/portallocator: the dynamic range for ingress ports left unpublished. */
export const DYNAMIC_PORT_START = 30000;
export const DYNAMIC_PORT_END = 32767;

/**
 * Whether a published port of the spec is already taken by another service (swarmkit
 * controlapi/service.go `checkPortConflicts`): an ingress port conflicts with any port of the
 * same number and protocol; a host port only with an ingress one.
 */
export function portConflict(
  store: StoreState,
  spec: ServiceSpec,
  serviceId: string,
): SwarmError | null {
  const wanted = (spec.EndpointSpec?.Ports ?? []).filter((port) => (port.PublishedPort ?? 0) > 0);
  if (wanted.length === 0) return null;
  const key = (port: PortConfig): string => `${port.Protocol ?? 'tcp'}/${port.PublishedPort}`;
  const ingress = new Set(wanted.filter((p) => publishMode(p) === 'ingress').map(key));
  const host = new Set(wanted.filter((p) => publishMode(p) === 'host').map(key));
  for (const { service } of allServices(store)) {
    if (service.ID === serviceId) continue;
    const taken = [...(service.Spec.EndpointSpec?.Ports ?? []), ...(service.Endpoint.Ports ?? [])];
    for (const port of taken) {
      if ((port.PublishedPort ?? 0) === 0) continue;
      const name = service.Spec.Name;
      const published = String(port.PublishedPort);
      if (publishMode(port) === 'host' && ingress.has(key(port))) {
        return rpcError(
          'InvalidArgument',
          `port '${published}' is already in use by service '${name}' (${service.ID}) as a host-published port`,
        );
      }
      if (publishMode(port) === 'ingress' && (ingress.has(key(port)) || host.has(key(port)))) {
        return rpcError(
          'InvalidArgument',
          `port '${published}' is already in use by service '${name}' (${service.ID}) as an ingress port`,
        );
      }
    }
  }
  return null;
}

function publishMode(port: PortConfig): 'ingress' | 'host' {
  return port.PublishMode ?? 'ingress';
}

/**
 * The service's endpoint once its ports are allocated (swarmkit allocator `allocateService`):
 * an ingress port without a published port gets the lowest free one of 30000–32767; a host
 * port keeps what was asked (the node picks one when it is 0); and a virtual IP on each network
 * it attaches to (ingress first), unless it resolves by DNS round robin.
 */
export function allocateEndpoint(
  store: StoreState,
  spec: ServiceSpec,
  serviceId: string,
  previous: Endpoint | undefined,
): Endpoint {
  const endpointSpec = spec.EndpointSpec ?? {};
  const requested = endpointSpec.Ports ?? [];
  const vips = allocateVirtualIPs(store, spec, previous);
  const virtualIPs = vips.length === 0 ? {} : { VirtualIPs: vips };
  if (requested.length === 0) return { Spec: endpointSpec, ...virtualIPs };
  const used = new Set<string>();
  for (const { service } of allServices(store)) {
    if (service.ID === serviceId) continue;
    for (const port of service.Endpoint.Ports ?? []) {
      if (publishMode(port) === 'ingress')
        used.add(`${port.Protocol ?? 'tcp'}/${port.PublishedPort}`);
    }
  }
  for (const port of requested) {
    if ((port.PublishedPort ?? 0) > 0) used.add(`${port.Protocol ?? 'tcp'}/${port.PublishedPort}`);
  }
  const kept = previous?.Ports ?? [];
  const ports = requested.map((port): PortConfig => {
    if (publishMode(port) === 'host' || (port.PublishedPort ?? 0) > 0) return port;
    const protocol = port.Protocol ?? 'tcp';
    // An update keeps the port the service already had for the same target.
    const same = kept.find(
      (old) => old.TargetPort === port.TargetPort && (old.Protocol ?? 'tcp') === protocol,
    );
    let published = same?.PublishedPort ?? DYNAMIC_PORT_START;
    while (!same && used.has(`${protocol}/${published}`) && published < DYNAMIC_PORT_END) {
      published++;
    }
    used.add(`${protocol}/${published}`);
    return { ...port, PublishedPort: published };
  });
  return { Spec: endpointSpec, Ports: ports, ...virtualIPs };
}
