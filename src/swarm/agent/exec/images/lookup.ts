import type { DistributionInspect } from '../../../../api/distribution';
import { CATALOGUE } from './catalogue';
import {
  DEFAULT_DOMAIN,
  familiarString,
  parseAnyReference,
  referenceString,
  tagNameOnly,
  type NamedReference,
} from './reference';
import type { ImageEntry, ImageManifest } from './types';

/** Why the simulated registry could not answer. */
export type LookupFailure =
  /** The reference does not parse (the message is reference's error). */
  | 'invalid-reference'
  /** A bare image ID or digest, which names no repository to ask. */
  | 'full-image-id'
  /** A registry other than Docker Hub: the lab has no network to reach it. */
  | 'registry-unreachable'
  /** Docker Hub has no such repository (or it is private). */
  | 'repository-unknown'
  /** The repository has no such tag or digest. */
  | 'manifest-unknown'
  /** A schema 1 manifest, which docker 27 refuses. */
  | 'deprecated-schema1';

export type LookupResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: LookupFailure; readonly message: string };

/** An image the catalogue has, and how the reference named it. */
export interface FoundImage {
  readonly entry: ImageEntry;
  readonly manifest: ImageManifest;
  /** The reference, normalised (`docker.io/library/nginx`), as it was given: no tag added. */
  readonly reference: NamedReference;
  /** The tag it was found by (`latest` when it named none); null when it was found by digest. */
  readonly tag: string | null;
  /** The manifest's digest. */
  readonly digest: string;
}

/**
 * Docker Hub's answer to a pull of a repository it does not have (or that is private): a 401
 * whose challenge says `insufficient_scope`, merged with the body's UNAUTHORIZED error, as
 * errcode.Errors prints two errors.
 */
export const UNKNOWN_REPOSITORY_MESSAGE =
  'errors:\ndenied: requested access to the resource is denied\nunauthorized: authentication required\n';

/** Docker Hub's 404 for a tag or digest the repository lacks: MANIFEST_UNKNOWN with its detail. */
export const MANIFEST_UNKNOWN_MESSAGE = 'manifest unknown: manifest unknown';

/** moby distribution.DeprecatedSchema1ImageError, for the reference as the daemon holds it. */
export function deprecatedSchema1Message(reference: NamedReference): string {
  return (
    '[DEPRECATION NOTICE] Docker Image Format v1 and Docker Image manifest version 2, schema 1 ' +
    'support is disabled by default and will be removed in an upcoming release. Suggest the ' +
    `author of ${referenceString(reference)} to upgrade the image to the OCI Format or Docker ` +
    'Image manifest v2, schema 2. More information at https://docs.docker.com/go/deprecated-image-specs/'
  );
}

/**
 * What the daemon gets trying a registry the lab cannot reach. Registries on a loopback address
 * are insecure by default, so the daemon tries plain HTTP last and that error is the one it
 * reports; any other host does not resolve.
 */
export function unreachableRegistryMessage(domain: string): string {
  const colon = domain.lastIndexOf(':');
  const hasPort = colon > domain.lastIndexOf(']');
  const host = hasPort ? domain.slice(0, colon) : domain;
  const loopback = host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
  if (loopback) {
    const port = hasPort ? domain.slice(colon + 1) : '80';
    const address = host === 'localhost' || host === '[::1]' ? `[::1]:${port}` : `${host}:${port}`;
    return `Get "http://${domain}/v2/": dial tcp ${address}: connect: connection refused`;
  }
  return `Get "https://${domain}/v2/": dial tcp: lookup ${host}: no such host`;
}

function failure<T>(reason: LookupFailure, message: string): LookupResult<T> {
  return { ok: false, reason, message };
}

/** The catalogue's repository for a normalised reference: Docker Hub's only. */
export function findRepository(reference: NamedReference): ImageEntry | undefined {
  if (reference.domain !== DEFAULT_DOMAIN) return undefined;
  return CATALOGUE.find((entry) => entry.path === reference.path);
}

/** The manifest a tag names in a repository. */
export function manifestForTag(entry: ImageEntry, tag: string): ImageManifest | undefined {
  return entry.manifests.find((manifest) => manifest.tags.includes(tag));
}

/** The manifest with this digest in a repository. */
export function manifestForDigest(entry: ImageEntry, digest: string): ImageManifest | undefined {
  return entry.manifests.find((manifest) => manifest.digest === digest);
}

/** Every tag of a repository, in catalogue order. */
export function tagsOf(entry: ImageEntry): string[] {
  return entry.manifests.flatMap((manifest) => [...manifest.tags]);
}

function resolveNamed(reference: NamedReference): LookupResult<FoundImage> {
  if (reference.domain !== DEFAULT_DOMAIN) {
    return failure('registry-unreachable', unreachableRegistryMessage(reference.domain));
  }
  const entry = findRepository(reference);
  if (entry === undefined) return failure('repository-unknown', UNKNOWN_REPOSITORY_MESSAGE);
  if (reference.digest !== null) {
    // A digest wins over a tag given with it, as it does when docker pulls.
    const manifest = manifestForDigest(entry, reference.digest);
    if (manifest === undefined) return failure('manifest-unknown', MANIFEST_UNKNOWN_MESSAGE);
    return {
      ok: true,
      value: { entry, manifest, reference, tag: null, digest: manifest.digest },
    };
  }
  const tag = reference.tag ?? 'latest';
  const manifest = manifestForTag(entry, tag);
  if (manifest === undefined) return failure('manifest-unknown', MANIFEST_UNKNOWN_MESSAGE);
  return { ok: true, value: { entry, manifest, reference, tag, digest: manifest.digest } };
}

/**
 * The image a reference names (`nginx`, `nginx:1.27`, `library/nginx`, `docker.io/library/nginx`,
 * `nginx@sha256:…`, `nginx:1.27@sha256:…`), or why the registry cannot give it.
 */
export function resolveImage(text: string): LookupResult<FoundImage> {
  const parsed = parseAnyReference(text);
  if (!parsed.ok) return failure('invalid-reference', parsed.message);
  if (parsed.value.kind === 'digest') {
    return failure('full-image-id', 'no manifest found for full image ID');
  }
  return resolveNamed(parsed.value);
}

/** The image a reference names, or undefined when the simulated registry does not have it. */
export function findImage(text: string): FoundImage | undefined {
  const found = resolveImage(text);
  return found.ok ? found.value : undefined;
}

/**
 * The platforms `GET /distribution/{name}/json` lists: every entry of an index in its order,
 * an attestation manifest's `unknown`/`unknown` included; a single manifest's own platform.
 * The Engine API's type keeps the OS and architecture (the daemon also sends the variant).
 */
export function inspectPlatforms(manifest: ImageManifest): DistributionInspect['Platforms'] {
  const platforms: { architecture: string; os: string }[] = [];
  for (const platform of manifest.platforms) {
    platforms.push({ architecture: platform.architecture, os: platform.os });
    if (manifest.attestations && platform.os === 'linux') {
      platforms.push({ architecture: 'unknown', os: 'unknown' });
    }
  }
  return platforms;
}

/**
 * `GET /distribution/{name}/json` as a daemon answers it from the simulated Docker Hub (moby
 * api/server/router/distribution): the manifest's descriptor and platforms, or the error the
 * daemon returns: reference's parse error, `no manifest found for full image ID`, the
 * registry's own errors, or the schema 1 deprecation notice.
 */
export function distributionInspect(text: string): LookupResult<DistributionInspect> {
  const found = resolveImage(text);
  if (!found.ok) return found;
  const { manifest, reference } = found.value;
  if (manifest.mediaType === 'application/vnd.docker.distribution.manifest.v1+prettyjws') {
    return failure('deprecated-schema1', deprecatedSchema1Message(tagNameOnly(reference)));
  }
  return {
    ok: true,
    value: {
      Descriptor: { mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.size },
      Platforms: inspectPlatforms(manifest),
    },
  };
}

/**
 * The daemon's `imageWithDigestString` (daemon/cluster/services.go), run when a service is
 * created or updated: the image pinned to its digest in familiar form (`nginx:latest@sha256:…`).
 * A digest reference is kept as it is; a tag is resolved with a HEAD request, which answers
 * even for a schema 1 manifest.
 */
export function pinImage(text: string): LookupResult<string> {
  const parsed = parseAnyReference(text);
  if (!parsed.ok) return failure('invalid-reference', parsed.message);
  if (parsed.value.kind === 'digest') return { ok: true, value: text };
  const reference = parsed.value;
  if (reference.digest !== null) return { ok: true, value: familiarString(reference) };
  const tagged = tagNameOnly(reference);
  const found = resolveNamed(tagged);
  if (!found.ok) return found;
  return { ok: true, value: familiarString({ ...tagged, digest: found.value.digest }) };
}
