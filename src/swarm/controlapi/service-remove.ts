import { ok, type Outcome } from '../result';
import { removeAction, type ServiceRecord, type StoreProposal } from '../store';
import { proposal, type ControlContext } from './context';

/**
 * `DELETE /services/{id}` (swarmkit controlapi/service.go `RemoveService`): the service goes in
 * one proposal; its tasks stay until the orchestrator, watching the store, sets them to desired
 * REMOVE and the task reaper deletes them once they stopped.
 */
export function removeService(
  context: ControlContext,
  record: ServiceRecord,
): Outcome<StoreProposal> {
  return ok(proposal(context, [removeAction('service', record.service.ID)]));
}
