import { missingFileReferences } from './file-references';
import { jobIterationAt, type Service, type ServiceSpec } from '../../api/service';
import { rpcError } from '../errors';
import { newObjectId } from '../identity';
import { fail, ok, type Outcome } from '../result';
import {
  allServices,
  createAction,
  serviceObject,
  type StoreProposal,
  type StoreState,
} from '../store';
import { proposal, timestamp, type ControlContext } from './context';
import { randomServiceName } from './service-names';
import { resolveServiceNetworks } from './service-networks';
import { allocateEndpoint, portConflict } from './service-ports';
import { isJobMode, refusedServiceSpec, withMobyDefaults } from './service-validate';

/**
 * `POST /services/create` (swarmkit controlapi/service.go `CreateService`, moby
 * daemon/cluster/services.go): a spec without a name gets a random one, the spec is checked,
 * its published ports must be free and its name unused, then the service is one proposal.
 */
export function createService(
  context: ControlContext,
  requested: ServiceSpec,
): Outcome<{ readonly proposal: StoreProposal; readonly serviceId: string }> {
  const named =
    requested.Name === '' ? { ...requested, Name: randomServiceName(context.prng) } : requested;
  const networked = resolveServiceNetworks(context.store, withMobyDefaults(named));
  if (!networked.ok) return networked;
  const spec = networked.value;
  const refused =
    refusedServiceSpec(spec) ??
    portConflict(context.store, spec, '') ??
    missingFileReferences(context.store, spec);
  if (refused !== null) return fail(refused);
  if (nameTaken(context.store, spec.Name)) {
    return fail(
      rpcError(
        'AlreadyExists',
        `name conflicts with an existing object: service ${spec.Name} already exists`,
      ),
    );
  }
  const id = newObjectId(context.prng);
  const now = timestamp(context);
  const service: Service = {
    ID: id,
    Version: { Index: 0 },
    CreatedAt: now,
    UpdatedAt: now,
    Spec: spec,
    Endpoint: allocateEndpoint(context.store, spec, id, undefined),
    ...(isJobMode(spec.Mode)
      ? { JobStatus: { JobIteration: jobIterationAt(0), LastExecution: now } }
      : {}),
  };
  return ok({
    proposal: proposal(context, [createAction(serviceObject({ service }))]),
    serviceId: id,
  });
}

/** Service names are unique without regard to case (swarmkit store `indexName`, lower-cased). */
export function nameTaken(store: StoreState, name: string, exceptId = ''): boolean {
  const lower = name.toLowerCase();
  return allServices(store).some(
    ({ service }) => service.ID !== exceptId && service.Spec.Name.toLowerCase() === lower,
  );
}
