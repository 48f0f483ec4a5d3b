import { decodeBase64 } from '../../../lib/base64';
import { utf8Decode } from '../../../lib/utf8';
import type { AssignedDependency, AssignedTask } from '../../../machine-api';
import { templateContext, type NodeFacts } from '../../template/context';
import { expandPayload, type PayloadSources } from '../../template/payload';
import type { Layer } from './rootfs/tree';

/**
 * The secrets and configs a task's container mounts (moby daemon/container_operations_unix.go
 * `setupSecretDir`, container.go `getSecretTargetPath`): each file target is written, when the
 * container starts, from the node's dependency store into a tmpfs and bound read-only at
 * `/run/secrets/<target>` for a secret with a relative target, `/<target>` for such a config,
 * and at the target itself when it is absolute. The file has the reference's mode; it lives as
 * long as the container, whatever later happens to the secret or the node's connection.
 */
export interface MountedFile {
  readonly source: 'secret' | 'config';
  /** The secret's or config's name, for the event log. */
  readonly name: string;
  readonly path: string;
  readonly text: string;
  /** Permission bits, as the reference's `Mode` (0444 unless given). */
  readonly mode: number;
}

const SECRETS_DIR = '/run/secrets';

function targetPath(base: string, target: string): string {
  if (target.startsWith('/')) return target;
  return base === '/' ? `/${target}` : `${base}/${target}`;
}

/**
 * The files the task's container mounts, read from the node's `dependencies` and expanded when
 * templated; or moby's error when one is not there (the dispatcher had not sent it) or its
 * template fails: the container does not start.
 */
export function mountedFiles(
  assigned: AssignedTask,
  dependencies: readonly AssignedDependency[],
):
  | { readonly ok: true; readonly files: MountedFile[] }
  | { readonly ok: false; readonly error: string } {
  const spec = assigned.task.Spec.ContainerSpec;
  const byId = new Map(
    dependencies.map((dependency) => [`${dependency.kind}:${dependency.id}`, dependency]),
  );
  const contentOf = (dependency: AssignedDependency): string =>
    utf8Decode([...(decodeBase64(dependency.data) ?? new Uint8Array())]);
  const sources: PayloadSources = {
    container: spec,
    content: (kind, id) => {
      const dependency = byId.get(`${kind}:${id}`);
      return dependency === undefined ? undefined : contentOf(dependency);
    },
  };
  // moby's executor builds the templated getters without the node's description
  // (daemon/cluster/executor/container/executor.go), so a payload sees no hostname or platform.
  const context = templateContext(assigned.task, assigned.serviceName, NO_NODE_DESCRIPTION);
  const files: MountedFile[] = [];
  const references = [
    ...(spec?.Secrets ?? []).map((reference) => ({
      kind: 'secret' as const,
      id: reference.SecretID,
      file: reference.File,
      base: SECRETS_DIR,
    })),
    ...(spec?.Configs ?? []).map((reference) => ({
      kind: 'config' as const,
      id: reference.ConfigID,
      file: reference.File,
      base: '/',
    })),
  ];
  for (const reference of references) {
    // A reference without a file target (a config for a credential spec) mounts nothing.
    if (reference.file === undefined) continue;
    const store = `unable to get ${reference.kind} from ${reference.kind} store`;
    const dependency = byId.get(`${reference.kind}:${reference.id}`);
    if (dependency === undefined) {
      return { ok: false, error: `${store}: ${reference.kind} ${reference.id} not found` };
    }
    const text = expandPayload(contentOf(dependency), dependency.templating, context, sources);
    if (!text.ok) {
      return {
        ok: false,
        error: `${store}: failed to expand templated ${reference.kind} ${reference.id}: ${text.error}`,
      };
    }
    files.push({
      source: reference.kind,
      name: dependency.name,
      path: targetPath(reference.base, reference.file.Name),
      text: text.value,
      mode: reference.file.Mode,
    });
  }
  return { ok: true, files };
}

const NO_NODE_DESCRIPTION: NodeFacts = { hostname: '', architecture: '', os: '' };

/** The mounted files as the container's top layer, dated when the container started. */
export function mountedFileLayer(files: readonly MountedFile[], atMs: number): Layer {
  return files.map((file) => [
    file.path,
    { kind: 'file', mode: file.mode, mtimeMs: atMs, text: file.text },
  ]);
}
