import type { Prng } from '../../lib/prng';
import { daemonError, rpcError, type SwarmError } from '../errors';
import { fail, ok, type Outcome } from '../result';
import { parseBase36, toBase36 } from './base36';
import { bytesToBigInt, randomBytes } from './random-bytes';

/**
 * Join tokens, swarmkit `ca/config.go` `GenerateJoinToken` / `ParseJoinToken`:
 * `SWMTKN-1-<root CA digest, base 36, 50 chars>-<secret, base 36, 25 chars>`.
 *
 * The middle part is the SHA-256 digest of the root CA certificate, so the worker and the manager
 * token share it and a rotation keeps it; only the 128-bit secret at the end differs. The secret
 * decides the role a joining node gets (`ca/server.go` `IssueNodeCertificate`).
 */

const TOKEN_PREFIX = 'SWMTKN';
/** ⌈log36(2^256)⌉: the digest part is left-padded with zeros to this length. */
const DIGEST_BASE36_LENGTH = 50;
/** ⌈log36(2^128)⌉. */
const SECRET_BASE36_LENGTH = 25;
const SECRET_ENTROPY_BYTES = 16;
/** A SHA-256 digest in hex. */
const DIGEST_HEX_LENGTH = 64;

export interface ParsedJoinToken {
  readonly version: 1 | 2;
  readonly fips: boolean;
  /** The root CA digest the token names, 64 hex digits. */
  readonly rootDigestHex: string;
  readonly secret: string;
}

/** A new token for the root CA whose SHA-256 digest is `rootDigestHex`. */
export function generateJoinToken(rootDigestHex: string, prng: Prng): string {
  const digest = toBase36(BigInt(`0x${rootDigestHex}`)).padStart(DIGEST_BASE36_LENGTH, '0');
  const secretValue = bytesToBigInt(randomBytes(prng, SECRET_ENTROPY_BYTES));
  const secret = toBase36(secretValue).padStart(SECRET_BASE36_LENGTH, '0');
  return `${TOKEN_PREFIX}-1-${digest}-${secret}`;
}

/** `invalid join token` (ca/config.go `errInvalidJoinToken`), raised before any RPC. */
export const INVALID_JOIN_TOKEN = 'invalid join token';

function invalidToken(): Outcome<ParsedJoinToken> {
  return fail(daemonError('invalid-argument', INVALID_JOIN_TOKEN));
}

function versionOf(parts: readonly string[]): { version: 1 | 2; fips: boolean } | null {
  if (parts[1] === '1') return parts.length === 4 ? { version: 1, fips: false } : null;
  if (parts[1] === '2') {
    const fipsPart = parts[2];
    if (parts.length !== 5 || (fipsPart !== '0' && fipsPart !== '1')) return null;
    return { version: 2, fips: fipsPart === '1' };
  }
  return null;
}

/**
 * Reads a token the way a joining node does. A token of the wrong shape fails with
 * `invalid join token`. A digest part that is not base 36 cannot match any CA; it reads as zero.
 */
export function parseJoinToken(token: string): Outcome<ParsedJoinToken> {
  const parts = token.split('-');
  if (parts.length < 4 || parts[0] !== TOKEN_PREFIX) return invalidToken();
  const version = versionOf(parts);
  if (version === null) return invalidToken();
  const secret = parts[parts.length - 1] ?? '';
  const digest = parts[parts.length - 2] ?? '';
  if (digest.length !== DIGEST_BASE36_LENGTH || secret.length !== SECRET_BASE36_LENGTH) {
    return invalidToken();
  }
  const rootDigestHex = (parseBase36(digest) ?? 0n).toString(16).padStart(DIGEST_HEX_LENGTH, '0');
  if (rootDigestHex.length > DIGEST_HEX_LENGTH) {
    // Fifty base-36 digits can exceed 2^256; go-digest then refuses the length.
    return fail(daemonError('invalid-argument', 'invalid checksum digest length'));
  }
  return ok({ ...version, rootDigestHex, secret });
}

/**
 * Why a join with `token` fails against a cluster whose root CA digest is `rootDigestHex` and
 * whose current tokens are `tokens`, or the role the token grants. The checks run in the order a
 * joining node meets them: the token's shape, the CA fingerprint (ca/certificates.go
 * `GetRemoteCA`), then the secret (ca/server.go `IssueNodeCertificate`, compared as whole tokens).
 * An empty token skips the first two checks, as `DownloadRootCA` does.
 */
export function checkJoinToken(
  token: string,
  cluster: { readonly rootDigestHex: string; readonly worker: string; readonly manager: string },
): Outcome<'worker' | 'manager'> {
  if (token !== '') {
    const parsed = parseJoinToken(token);
    if (!parsed.ok) return parsed;
    if (parsed.value.rootDigestHex !== cluster.rootDigestHex) {
      return fail(fingerprintMismatch(parsed.value.rootDigestHex));
    }
  }
  if (token === cluster.manager) return ok('manager');
  if (token === cluster.worker) return ok('worker');
  return fail(rpcError('InvalidArgument', 'A valid join token is necessary to join this cluster'));
}

function fingerprintMismatch(expectedHex: string): SwarmError {
  return daemonError(
    'invalid-argument',
    `remote CA does not match fingerprint. Expected: ${expectedHex}`,
  );
}
