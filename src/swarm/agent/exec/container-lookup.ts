import type { DaemonFailure } from '../../../api/operations';
import type { ContainerRecord } from '../worker';

export type LookupOutcome =
  | { readonly ok: true; readonly value: ContainerRecord }
  | { readonly ok: false; readonly error: DaemonFailure };

/**
 * moby daemon `GetContainer`: a full ID, then an exact name (with or without its leading
 * slash), then a unique ID prefix. The texts are moby's (daemon/errors.go, container/view.go).
 */
export function findContainer(containers: readonly ContainerRecord[], ref: string): LookupOutcome {
  if (ref === '') {
    return refuse('invalid-argument', `invalid name or ID supplied: ""`);
  }
  const byId = containers.find((container) => container.id === ref);
  if (byId !== undefined) return { ok: true, value: byId };
  const name = ref.startsWith('/') ? ref.slice(1) : ref;
  const byName = containers.find((container) => container.name === name);
  if (byName !== undefined) return { ok: true, value: byName };
  const byPrefix = containers.filter((container) => container.id.startsWith(ref));
  const [only, second] = byPrefix;
  if (second !== undefined) {
    return refuse('invalid-argument', `multiple IDs found with provided prefix: ${ref}`);
  }
  if (only !== undefined) return { ok: true, value: only };
  return refuse('not-found', `No such container: ${ref}`);
}

function refuse(kind: DaemonFailure['kind'], message: string): LookupOutcome {
  return { ok: false, error: { kind, message } };
}
