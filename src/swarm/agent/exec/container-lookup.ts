import type { DaemonFailure } from '../../../api/operations';
import type { ContainerRecord } from '../worker';

export type ContainerLookup =
  | { readonly ok: true; readonly container: ContainerRecord }
  | { readonly ok: false; readonly error: DaemonFailure };

/**
 * moby `daemon.GetContainer`: a full ID, else an exact name (with or without its leading
 * slash), else a unique ID prefix, with moby's texts for none and for several.
 */
export function findContainer(
  containers: readonly ContainerRecord[],
  reference: string,
): ContainerLookup {
  const notFound: ContainerLookup = {
    ok: false,
    error: { kind: 'not-found', message: `No such container: ${reference}` },
  };
  if (reference === '') return notFound;
  const byId = containers.find((container) => container.id === reference);
  if (byId !== undefined) return { ok: true, container: byId };
  const name = reference.startsWith('/') ? reference.slice(1) : reference;
  const byName = containers.find((container) => container.name === name);
  if (byName !== undefined) return { ok: true, container: byName };
  const prefixed = containers.filter((container) => container.id.startsWith(reference));
  const [first] = prefixed;
  if (first === undefined) return notFound;
  if (prefixed.length > 1) {
    return {
      ok: false,
      error: {
        kind: 'invalid-argument',
        message: `multiple IDs found with provided prefix: ${reference}`,
      },
    };
  }
  return { ok: true, container: first };
}
