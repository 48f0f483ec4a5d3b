import { missingFileReferences } from './file-references';
import {
  jobIterationAt,
  type Service,
  type ServiceRollback,
  type ServiceSpec,
} from '../../api/service';
import { rpcError } from '../errors';
import { fail, ok, type Outcome } from '../result';
import { serviceObject, updateAction, type ServiceRecord, type StoreProposal } from '../store';
import { proposal, timestamp, type ControlContext } from './context';
import { allocateEndpoint, portConflict } from './service-ports';
import { modeName } from './service-list';
import { refusedServiceSpec, withMobyDefaults } from './service-validate';
import { resolveServiceNetworks } from './service-networks';

export interface UpdateServiceInput {
  readonly record: ServiceRecord;
  /** `Version.Index` as the client read it: a stale one is refused when the entry applies. */
  readonly version: number;
  readonly spec: ServiceSpec;
  readonly rollback: ServiceRollback;
}

/**
 * `POST /services/{id}/update` (swarmkit controlapi/service.go `UpdateService`): the new spec
 * replaces the current one, which becomes the previous spec, and the update status is cleared;
 * a rollback swaps the two instead and starts a rollback. The mode and the name cannot change.
 */
export function updateService(
  context: ControlContext,
  input: UpdateServiceInput,
): Outcome<StoreProposal> {
  const current = input.record.service;
  const networked = resolveServiceNetworks(context.store, withMobyDefaults(input.spec));
  if (!networked.ok) return networked;
  const spec = networked.value;
  const refused =
    refusedServiceSpec(spec) ??
    portConflict(context.store, spec, current.ID) ??
    missingFileReferences(context.store, spec);
  if (refused !== null) return fail(refused);
  if (modeName(current.Spec) !== modeName(spec)) {
    return fail(rpcError('Unimplemented', 'service mode change is not allowed'));
  }
  if (current.Spec.Name !== spec.Name) {
    return fail(rpcError('Unimplemented', 'renaming services is not supported'));
  }
  const now = timestamp(context);
  const jobStatus =
    current.JobStatus === undefined
      ? {}
      : {
          JobStatus: {
            JobIteration: jobIterationAt((current.JobStatus.JobIteration.Index ?? 0) + 1),
            LastExecution: now,
          },
        };
  let next: Service;
  if (input.rollback === 'previous') {
    const previous = current.PreviousSpec;
    if (previous === undefined) {
      return fail(
        rpcError('FailedPrecondition', `service ${current.ID} does not have a previous spec`),
      );
    }
    next = {
      ID: current.ID,
      Version: { Index: input.version },
      CreatedAt: current.CreatedAt,
      UpdatedAt: now,
      Spec: previous,
      PreviousSpec: current.Spec,
      Endpoint: allocateEndpoint(context.store, previous, current.ID, current.Endpoint),
      UpdateStatus: {
        State: 'rollback_started',
        StartedAt: now,
        Message: 'manually requested rollback',
      },
      ...jobStatus,
    };
  } else {
    next = {
      ID: current.ID,
      Version: { Index: input.version },
      CreatedAt: current.CreatedAt,
      UpdatedAt: now,
      Spec: spec,
      PreviousSpec: current.Spec,
      Endpoint: allocateEndpoint(context.store, spec, current.ID, current.Endpoint),
      ...jobStatus,
    };
  }
  return ok(proposal(context, [updateAction(serviceObject({ service: next }))]));
}
