import type { DistributionInspect } from '../../../../api/distribution';
import { CATALOGUE, PLATFORMS, type ImageEntry } from './catalogue';

/** An image reference split as docker's reference package normalises it. */
export interface ImageReference {
  /** `nginx`, `user/app` (Docker Hub's own repositories lose `docker.io/library/`). */
  readonly repository: string;
  readonly tag: string | null;
  readonly digest: string | null;
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/**
 * Splits `[docker.io/][library/]name[:tag][@sha256:…]`. Null for what docker calls an invalid
 * reference format: empty, upper case in the name, a bad tag or digest.
 */
export function parseReference(text: string): ImageReference | null {
  const [named = '', digest = null, ...extra] = text.split('@');
  if (extra.length > 0 || (digest !== null && !DIGEST.test(digest))) return null;
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const tagged = colon > slash;
  let repository = tagged ? named.slice(0, colon) : named;
  const tag = tagged ? named.slice(colon + 1) : null;
  if (tag !== null && !/^[\w][\w.-]{0,127}$/.test(tag)) return null;
  repository = repository
    .replace(/^(docker\.io|index\.docker\.io)\//, '')
    .replace(/^library\//, '');
  if (
    !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(
      repository,
    )
  ) {
    return null;
  }
  return { repository, tag, digest };
}

export interface FoundImage {
  readonly entry: ImageEntry;
  readonly tag: string;
  readonly digest: string;
  /** What a node keeps once it pulled the image: `repository:tag@digest`. */
  readonly key: string;
}

/**
 * The image a reference names: by digest when it has one (the pinned form `service create`
 * stores), else by tag (`latest` when none is given).
 */
export function findImage(text: string): FoundImage | undefined {
  const reference = parseReference(text);
  if (reference === null) return undefined;
  const entry = CATALOGUE.find((candidate) => candidate.repository === reference.repository);
  if (entry === undefined) return undefined;
  const tags = Object.entries(entry.tags);
  const byDigest =
    reference.digest === null ? undefined : tags.find(([, d]) => d === reference.digest);
  const tag = byDigest?.[0] ?? reference.tag ?? 'latest';
  const digest = byDigest?.[1] ?? (reference.digest === null ? entry.tags[tag] : undefined);
  if (digest === undefined) return undefined;
  return { entry, tag, digest, key: `${entry.repository}:${tag}@${digest}` };
}

/**
 * `GET /distribution/{name}/json` as the simulated registry answers it: the manifest list's
 * digest and platforms, or the error Docker Hub gives for what it does not have.
 */
export function distributionInspect(
  text: string,
):
  | { readonly ok: true; readonly value: DistributionInspect }
  | { readonly ok: false; readonly message: string } {
  const reference = parseReference(text);
  if (reference === null) return { ok: false, message: 'invalid reference format' };
  const found = findImage(text);
  if (found === undefined) {
    const known = CATALOGUE.some((entry) => entry.repository === reference.repository);
    return {
      ok: false,
      message: known
        ? `manifest unknown: manifest unknown`
        : 'errors:\ndenied: requested access to the resource is denied\nunauthorized: authentication required\n',
    };
  }
  return {
    ok: true,
    value: {
      Descriptor: {
        mediaType: 'application/vnd.oci.image.index.v1+json',
        digest: found.digest,
        size: 10_229,
      },
      Platforms: PLATFORMS,
    },
  };
}
