import type { ContainerSpec, ServiceSpec } from '../../api/service';
import { rpcError, type SwarmError } from '../errors';
import { getConfig, getSecret, type StoreState } from '../store';

/**
 * swarmkit's checks of a service's secret and config references (controlapi/service.go):
 * `validateSecretRefsSpec` / `validateConfigRefsSpec` while the spec is validated (an ID and a
 * name each, a file target, no two on one target), and `checkSecretExistence` /
 * `checkConfigExistence` against the store (each ID names an object of that name).
 */

interface Reference {
  readonly id: string;
  readonly name: string;
  readonly target: string | undefined;
}

function secretsOf(container: ContainerSpec): Reference[] {
  return (container.Secrets ?? []).map((secret) => ({
    id: secret.SecretID,
    name: secret.SecretName,
    target: secret.File?.Name,
  }));
}

function configsOf(container: ContainerSpec): Reference[] {
  return (container.Configs ?? []).map((config) => ({
    id: config.ConfigID,
    name: config.ConfigName,
    target: config.File?.Name,
  }));
}

function refusedReferences(noun: 'secret' | 'config', references: Reference[]): SwarmError | null {
  const targets = new Map<string, string>();
  for (const reference of references) {
    if (reference.id === '' || reference.name === '') {
      return rpcError('InvalidArgument', `malformed ${noun} reference`);
    }
    if (reference.target === undefined) {
      return rpcError('InvalidArgument', `malformed ${noun} reference, no target provided`);
    }
    if (reference.target === '') {
      return rpcError(
        'InvalidArgument',
        `malformed file ${noun} reference, invalid target file name provided`,
      );
    }
    const previous = targets.get(reference.target);
    if (previous !== undefined) {
      return rpcError(
        'InvalidArgument',
        `${noun} references '${previous}' and '${reference.name}' have a conflicting target: '${reference.target}'`,
      );
    }
    targets.set(reference.target, reference.name);
  }
  return null;
}

/** The references' own errors, secrets first, as `validateTaskSpec` runs them. */
export function refusedFileReferences(container: ContainerSpec): SwarmError | null {
  return (
    refusedReferences('secret', secretsOf(container)) ??
    refusedReferences('config', configsOf(container))
  );
}

function missing(
  noun: 'secret' | 'config',
  references: Reference[],
  exists: (reference: Reference) => boolean,
): SwarmError | null {
  const failed = references.filter((reference) => !exists(reference)).map((r) => r.name);
  if (failed.length === 0) return null;
  return rpcError(
    'InvalidArgument',
    `${failed.length === 1 ? noun : `${noun}s`} not found: ${failed.join(', ')}`,
  );
}

/** A reference to an object the store does not have under that ID and name. */
export function missingFileReferences(store: StoreState, spec: ServiceSpec): SwarmError | null {
  const container = spec.TaskTemplate.ContainerSpec;
  if (container === undefined) return null;
  return (
    missing(
      'secret',
      secretsOf(container),
      (reference) => getSecret(store, reference.id)?.secret.Spec.Name === reference.name,
    ) ??
    missing(
      'config',
      configsOf(container),
      (reference) => getConfig(store, reference.id)?.config.Spec.Name === reference.name,
    )
  );
}
