import type { ServiceSpec } from '../../api/service';
import { isIngressNetwork, needsIngress, ingressNetwork } from '../networkallocator';
import { rpcError } from '../errors';
import { fail, ok, type Outcome } from '../result';
import type { StoreState } from '../store';
import { resolveNetwork } from './network';

/**
 * A service's networks as the daemon and swarmkit take them (moby daemon/cluster/networks.go
 * `populateNetworkID`, swarmkit controlapi/service.go `validateEndpointSpec` and the ingress
 * checks of `CreateService`/`UpdateService`): each target, as typed, becomes the network's ID;
 * the ingress network cannot be named; a service that publishes an ingress port needs one.
 */
export function resolveServiceNetworks(store: StoreState, spec: ServiceSpec): Outcome<ServiceSpec> {
  const configs = spec.TaskTemplate.Networks ?? [];
  const resolved = [];
  for (const config of configs) {
    const found = resolveNetwork(store, config.Target ?? '');
    if (!found.ok) return found;
    if (isIngressNetwork(found.value)) {
      return fail(
        rpcError(
          'InvalidArgument',
          `Service cannot be explicitly attached to the ingress network "${found.value.Spec.Name}"`,
        ),
      );
    }
    resolved.push({ ...config, Target: found.value.ID });
  }
  if (needsIngress(spec) && ingressNetwork(store) === undefined) {
    return fail(
      rpcError(
        'FailedPrecondition',
        'service needs ingress network, but no ingress network is present',
      ),
    );
  }
  return ok(
    configs.length === 0
      ? spec
      : { ...spec, TaskTemplate: { ...spec.TaskTemplate, Networks: resolved } },
  );
}
