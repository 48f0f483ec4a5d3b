/**
 * Image references as docker's `github.com/distribution/reference` parses and normalises them
 * (the copy vendored in docker/cli v27.5.1: normalize.go, reference.go, regexp.go, helpers.go),
 * with the digest checks of `github.com/opencontainers/go-digest` it calls. The grammar, the
 * order of the checks and every error text are that package's; the code is this project's.
 *
 * It imports nothing, so it can move to a lower layer (the CLI needs it too) unchanged.
 */

/** A reference with a repository name: `docker.io/library/nginx:1.27@sha256:…`. */
export interface NamedReference {
  readonly kind: 'named';
  /** The registry host, with its port when it has one: `docker.io`, `localhost:5000`. */
  readonly domain: string;
  /** The repository inside the registry: `library/nginx`, `portainer/portainer-ce`, `app`. */
  readonly path: string;
  /** Null when the reference names no tag (the daemon then means `latest`). */
  readonly tag: string | null;
  /** `sha256:` and the hex digits, or null. */
  readonly digest: string | null;
}

/** What `ParseAnyReference` gives for a bare 64-hex image ID or a `sha256:…` digest. */
export interface DigestReference {
  readonly kind: 'digest';
  readonly digest: string;
}

export type ReferenceResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Docker Hub's canonical domain, its legacy index domain, and the namespace of its official images. */
export const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
const DEFAULT_TAG = 'latest';
const LOCALHOST = 'localhost';
/** reference.RepositoryNameTotalLengthMax. */
const NAME_TOTAL_LENGTH_MAX = 255;

/* The grammar of regexp.go, as regular expressions (no `u` flag: `\w` is ASCII, as in Go). */
const ALPHANUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const DOMAIN_NAME_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const OPTIONAL_PORT = '(?::[0-9]+)?';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const IPV6_ADDRESS = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN_NAME = `${DOMAIN_NAME_COMPONENT}(?:\\.${DOMAIN_NAME_COMPONENT})*`;
const HOST = `(?:${DOMAIN_NAME}|${IPV6_ADDRESS})`;
const DOMAIN_AND_PORT = `${HOST}${OPTIONAL_PORT}`;
const PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`;
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const NAME = `(?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME}`;

const REFERENCE_PATTERN = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_NAME = new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`);
const ANCHORED_TAG = new RegExp(`^${TAG}$`);
const ANCHORED_DIGEST = new RegExp(`^${DIGEST}$`);
const ANCHORED_IDENTIFIER = /^[a-f0-9]{64}$/;

/* go-digest: the algorithms docker registers, the size of each in bytes, and its checks. */
const DIGEST_ALGORITHMS: Readonly<Record<string, number>> = { sha256: 32, sha384: 48, sha512: 64 };
const GO_DIGEST_PATTERN = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/** The errors of reference.go and go-digest, word for word. */
export const REFERENCE_ERRORS = {
  invalidFormat: 'invalid reference format',
  tagInvalidFormat: 'invalid tag format',
  digestReferenceInvalidFormat: 'invalid digest format',
  nameContainsUppercase: 'repository name must be lowercase',
  nameEmpty: 'repository name must have at least one component',
  nameTooLong: `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`,
  digestInvalidFormat: 'invalid checksum digest format',
  digestInvalidLength: 'invalid checksum digest length',
  digestUnsupported: 'unsupported digest algorithm',
} as const;

function ok<T>(value: T): ReferenceResult<T> {
  return { ok: true, value };
}

function fail<T>(message: string): ReferenceResult<T> {
  return { ok: false, message };
}

/** go-digest `Digest.Validate`: null when the digest is well formed, else its error. */
export function validateDigest(text: string): string | null {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon + 1 === text.length) return REFERENCE_ERRORS.digestInvalidFormat;
  const algorithm = text.slice(0, colon);
  const encoded = text.slice(colon + 1);
  const size = DIGEST_ALGORITHMS[algorithm];
  if (size === undefined) {
    return GO_DIGEST_PATTERN.test(text)
      ? REFERENCE_ERRORS.digestUnsupported
      : REFERENCE_ERRORS.digestInvalidFormat;
  }
  if (encoded.length !== size * 2) return REFERENCE_ERRORS.digestInvalidLength;
  return /^[a-f0-9]+$/.test(encoded) ? null : REFERENCE_ERRORS.digestInvalidFormat;
}

/**
 * reference.Parse: a syntactically valid reference, not normalised (`nginx` has no domain
 * here). Exported for the tests and for callers that hold a canonical name already.
 */
export function parseReference(text: string): ReferenceResult<NamedReference> {
  const match = REFERENCE_PATTERN.exec(text);
  if (match === null) {
    if (text === '') return fail(REFERENCE_ERRORS.nameEmpty);
    if (REFERENCE_PATTERN.test(text.toLowerCase())) {
      return fail(REFERENCE_ERRORS.nameContainsUppercase);
    }
    return fail(REFERENCE_ERRORS.invalidFormat);
  }
  const name = match[1] ?? '';
  const split = ANCHORED_NAME.exec(name);
  const domain = split?.[1] ?? '';
  const path = split === null ? name : (split[2] ?? '');
  if (path.length > NAME_TOTAL_LENGTH_MAX) return fail(REFERENCE_ERRORS.nameTooLong);
  const digest = match[3] ?? '';
  if (digest !== '') {
    const error = validateDigest(digest);
    if (error !== null) return fail(error);
  }
  const tag = match[2] ?? '';
  return ok({
    kind: 'named',
    domain,
    path,
    tag: tag === '' ? null : tag,
    digest: digest === '' ? null : digest,
  });
}

/**
 * normalize.go `splitDockerDomain`: the registry a name points at and the path inside it. A
 * first element is a registry only if it is `localhost`, has a `.` or a `:`, or has upper case.
 */
function splitDockerDomain(name: string): { readonly domain: string; readonly remainder: string } {
  const slash = name.indexOf('/');
  if (slash === -1) return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_REPO_PREFIX + name };
  const first = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  let domain: string;
  let remainder: string;
  if (first === LOCALHOST) {
    [domain, remainder] = [first, rest];
  } else if (first === LEGACY_DEFAULT_DOMAIN) {
    [domain, remainder] = [DEFAULT_DOMAIN, rest];
  } else if (first.includes('.') || first.includes(':')) {
    [domain, remainder] = [first, rest];
  } else if (first.toLowerCase() !== first) {
    [domain, remainder] = [first, rest];
  } else {
    [domain, remainder] = [DEFAULT_DOMAIN, name];
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) {
    remainder = OFFICIAL_REPO_PREFIX + remainder;
  }
  return { domain, remainder };
}

/**
 * reference.ParseNormalizedNamed: a familiar name made fully qualified (`nginx` →
 * `docker.io/library/nginx`). Adds no tag: see `tagNameOnly`.
 */
export function parseNormalizedNamed(text: string): ReferenceResult<NamedReference> {
  if (ANCHORED_IDENTIFIER.test(text)) {
    return fail(`invalid repository name (${text}), cannot specify 64-byte hexadecimal strings`);
  }
  const { domain, remainder } = splitDockerDomain(text);
  const colon = remainder.indexOf(':');
  const remote = colon === -1 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote) {
    return fail(`invalid reference format: repository name (${remote}) must be lowercase`);
  }
  return parseReference(`${domain}/${remainder}`);
}

/**
 * reference.ParseAnyReference, as the daemon parses `GET /distribution/{name}/json` and a
 * service's image: a bare 64-hex ID or a valid digest is a digest reference, anything else a
 * normalised name.
 */
export function parseAnyReference(text: string): ReferenceResult<NamedReference | DigestReference> {
  if (ANCHORED_IDENTIFIER.test(text)) return ok({ kind: 'digest', digest: `sha256:${text}` });
  if (validateDigest(text) === null) return ok({ kind: 'digest', digest: text });
  return parseNormalizedNamed(text);
}

/** reference.TagNameOnly: `latest` for a reference with neither tag nor digest. */
export function tagNameOnly(reference: NamedReference): NamedReference {
  return reference.tag === null && reference.digest === null
    ? { ...reference, tag: DEFAULT_TAG }
    : reference;
}

/**
 * reference.ParseDockerRef: normalised, and either tagged or digested: a reference with both
 * keeps only its digest, one with neither gets `latest`.
 */
export function parseDockerRef(text: string): ReferenceResult<NamedReference> {
  const parsed = parseNormalizedNamed(text);
  if (!parsed.ok) return parsed;
  const reference = parsed.value;
  if (reference.tag !== null && reference.digest !== null) {
    return ok({ ...reference, tag: null });
  }
  return ok(tagNameOnly(reference));
}

/** reference.WithTag: the same name with this tag (a digest it has stays). */
export function withTag(reference: NamedReference, tag: string): ReferenceResult<NamedReference> {
  if (!ANCHORED_TAG.test(tag)) return fail(REFERENCE_ERRORS.tagInvalidFormat);
  return ok({ ...reference, tag });
}

/** reference.WithDigest: the same name with this digest (a tag it has stays). */
export function withDigest(
  reference: NamedReference,
  digest: string,
): ReferenceResult<NamedReference> {
  if (!ANCHORED_DIGEST.test(digest)) return fail(REFERENCE_ERRORS.digestReferenceInvalidFormat);
  return ok({ ...reference, digest });
}

/** reference.TrimNamed: the name alone. */
export function trimNamed(reference: NamedReference): NamedReference {
  return { ...reference, tag: null, digest: null };
}

/** `Name()`: `docker.io/library/nginx`. */
export function referenceName(reference: NamedReference): string {
  return reference.domain === '' ? reference.path : `${reference.domain}/${reference.path}`;
}

function withSuffixes(name: string, reference: NamedReference): string {
  const tag = reference.tag === null ? '' : `:${reference.tag}`;
  const digest = reference.digest === null ? '' : `@${reference.digest}`;
  return `${name}${tag}${digest}`;
}

/** `String()`: `docker.io/library/nginx:latest`, `docker.io/library/nginx@sha256:…`. */
export function referenceString(reference: NamedReference): string {
  return withSuffixes(referenceName(reference), reference);
}

/**
 * reference.FamiliarName: the name as docker prints it: Docker Hub's domain dropped, and its
 * `library/` namespace too when nothing is nested below it (`nginx`, `portainer/portainer-ce`,
 * `localhost:5000/app`).
 */
export function familiarName(reference: NamedReference): string {
  if (reference.domain !== DEFAULT_DOMAIN) return referenceName(reference);
  if (reference.path.startsWith(OFFICIAL_REPO_PREFIX)) {
    const remainder = reference.path.slice(OFFICIAL_REPO_PREFIX.length);
    if (!remainder.includes('/')) return remainder;
  }
  return reference.path;
}

/** reference.FamiliarString: `nginx:latest`, `traefik:v3.1`, `nginx@sha256:…`. */
export function familiarString(reference: NamedReference): string {
  return withSuffixes(familiarName(reference), reference);
}

/**
 * The docker client's `imageWithTagString` (client/service_create.go): what `service create`
 * sends before it asks the registry, `latest` added when the reference names neither tag nor
 * digest. The text as it was when it does not parse.
 */
export function imageWithTagString(text: string): string {
  const parsed = parseNormalizedNamed(text);
  return parsed.ok ? familiarString(tagNameOnly(parsed.value)) : text;
}

/**
 * The docker client's `imageWithDigestString`: the reference pinned to the digest the registry
 * answered (`nginx:latest@sha256:…`); the text as it was when it is pinned already or does not
 * parse.
 */
export function imageWithDigestString(text: string, digest: string): string {
  const parsed = parseNormalizedNamed(text);
  if (!parsed.ok || parsed.value.digest !== null) return text;
  const pinned = withDigest(parsed.value, digest);
  return pinned.ok ? familiarString(pinned.value) : text;
}
