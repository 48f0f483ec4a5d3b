import { daemonError } from '../errors';
import { fail, ok, type Outcome } from '../result';
import { allServices, getService, type ServiceRecord, type StoreState } from '../store';

/**
 * How the daemon turns the user's service reference into a service (moby
 * `daemon/cluster/helpers.go` `getService`): a full ID, else an exact name, else a unique ID
 * prefix. The daemon's own errors, without an `rpc error` prefix.
 */
export function resolveService(store: StoreState, reference: string): Outcome<ServiceRecord> {
  const byId = getService(store, reference);
  if (byId !== undefined) return ok(byId);
  const services = allServices(store);
  let matches = services.filter((record) => record.service.Spec.Name === reference);
  if (matches.length === 0) {
    matches = services.filter((record) => record.service.ID.startsWith(reference));
  }
  const [first] = matches;
  if (first === undefined || reference === '') {
    return fail(daemonError('not-found', `service ${reference} not found`));
  }
  if (matches.length > 1) {
    return fail(
      daemonError(
        'invalid-argument',
        `service ${reference} is ambiguous (${matches.length} matches found)`,
      ),
    );
  }
  return ok(first);
}
