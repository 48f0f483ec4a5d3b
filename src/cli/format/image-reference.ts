/**
 * Image references as docker's reference package (github.com/distribution/reference) reads and
 * writes them: `ParseNormalizedNamed` (`nginx` is `docker.io/library/nginx`), the familiar form
 * printed back (`nginx:latest`), `TagNameOnly` (a bare name gets `:latest`) and the display form
 * of the service and task tables (a tagged reference loses its digest).
 */

/** A normalized reference: domain and path always set; tag and digest when given. */
export interface ImageReference {
  readonly domain: string;
  readonly path: string;
  readonly tag: string;
  readonly digest: string;
}

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
const NAME_TOTAL_LENGTH_MAX = 255;

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_AND_PORT = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(
  `^((?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`,
);
const ANCHORED_NAME = new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`);
const IDENTIFIER = /^[a-f0-9]{64}$/;
/** go-digest: the algorithms it knows and the hex length of each. */
const DIGEST_LENGTHS: ReadonlyMap<string, number> = new Map([
  ['sha256', 64],
  ['sha384', 96],
  ['sha512', 128],
]);

export type ReferenceResult =
  | { readonly ok: true; readonly value: ImageReference }
  | { readonly ok: false; readonly error: string };

function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/');
  if (slash < 0) return [DEFAULT_DOMAIN, OFFICIAL_PREFIX + name];
  const maybeDomain = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  let domain = DEFAULT_DOMAIN;
  let remote = name;
  // docker's switch: the legacy Hub name first, then anything that looks like a host.
  if (maybeDomain === LEGACY_DEFAULT_DOMAIN) {
    [domain, remote] = [DEFAULT_DOMAIN, rest];
  } else if (
    maybeDomain === 'localhost' ||
    /[.:]/.test(maybeDomain) ||
    maybeDomain.toLowerCase() !== maybeDomain
  ) {
    [domain, remote] = [maybeDomain, rest];
  }
  if (domain === DEFAULT_DOMAIN && !remote.includes('/')) remote = OFFICIAL_PREFIX + remote;
  return [domain, remote];
}

function digestError(digest: string): string | null {
  const [algorithm = '', encoded = ''] = digest.split(':');
  const length = DIGEST_LENGTHS.get(algorithm);
  if (length === undefined) return 'unsupported digest algorithm';
  if (encoded.length !== length || !/^[a-f0-9]+$/.test(encoded))
    return 'invalid checksum digest format';
  return null;
}

/** reference.Parse on an already normalized string. */
function parse(text: string): ReferenceResult {
  const match = REFERENCE.exec(text);
  if (match === null) {
    if (text === '')
      return { ok: false, error: 'repository name must have at least one component' };
    if (REFERENCE.test(text.toLowerCase())) {
      return { ok: false, error: 'repository name must be lowercase' };
    }
    return { ok: false, error: 'invalid reference format' };
  }
  const name = ANCHORED_NAME.exec(match[1] ?? '');
  const domain = name?.[1] ?? '';
  const path = name?.[2] ?? match[1] ?? '';
  if (path.length > NAME_TOTAL_LENGTH_MAX) {
    return { ok: false, error: 'repository name must not be more than 255 characters' };
  }
  const digest = match[3] ?? '';
  if (digest !== '') {
    const error = digestError(digest);
    if (error !== null) return { ok: false, error };
  }
  return { ok: true, value: { domain, path, tag: match[2] ?? '', digest } };
}

/** reference.ParseNormalizedNamed: `nginx` → docker.io/library/nginx; errors as docker words them. */
export function parseNormalizedNamed(text: string): ReferenceResult {
  if (IDENTIFIER.test(text)) {
    return {
      ok: false,
      error: `invalid repository name (${text}), cannot specify 64-byte hexadecimal strings`,
    };
  }
  const [domain, remainder] = splitDockerDomain(text);
  const colon = remainder.indexOf(':');
  const remote = colon < 0 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote) {
    return {
      ok: false,
      error: `invalid reference format: repository name (${remote}) must be lowercase`,
    };
  }
  return parse(`${domain}/${remainder}`);
}

/** reference.FamiliarString: Docker Hub's domain and `library/` left out. */
export function familiarString(reference: ImageReference): string {
  let name = `${reference.domain}/${reference.path}`;
  if (reference.domain === DEFAULT_DOMAIN) {
    name = reference.path;
    const rest = reference.path.slice(OFFICIAL_PREFIX.length);
    if (reference.path.startsWith(OFFICIAL_PREFIX) && !rest.includes('/')) name = rest;
  }
  const tag = reference.tag === '' ? '' : `:${reference.tag}`;
  const digest = reference.digest === '' ? '' : `@${reference.digest}`;
  return name + tag + digest;
}

/**
 * The moby client's imageWithTagString: the familiar form with `:latest` added when neither a
 * tag nor a digest is given; empty when the text is not a valid reference.
 */
export function imageWithTag(image: string): string {
  const parsed = parseNormalizedNamed(image);
  if (!parsed.ok) return '';
  const reference = parsed.value;
  if (reference.tag === '' && reference.digest === '') {
    return familiarString({ ...reference, tag: 'latest' });
  }
  return familiarString(reference);
}

/**
 * The moby client's imageWithDigestString: `image@digest` in familiar form, unless the image
 * already has a digest (or does not parse), in which case it is left as it is.
 */
export function imageWithDigest(image: string, digest: string): string {
  const parsed = parseNormalizedNamed(image);
  if (!parsed.ok || parsed.value.digest !== '') return image;
  if (digestError(digest) !== null) return image;
  return familiarString({ ...parsed.value, digest });
}

/**
 * How `service ls` and `service ps` show an image: a tagged reference in familiar form without
 * its digest; anything else (no tag, or not a reference) as it is.
 */
export function displayImage(image: string): string {
  const parsed = parseNormalizedNamed(image);
  if (!parsed.ok || parsed.value.tag === '') return image;
  return familiarString({ ...parsed.value, digest: '' });
}
