import type { Prng } from '../../lib/prng';
import type { TLSInfo } from '../../api/swarm';
import { encodeRawBase64, randomBytes } from '../identity';

/**
 * The root CA's TLS info as nodes and `docker swarm ca` show it. The playground has no real
 * X.509 certificates: the PEM body is random bytes of a real certificate's size, the issuer
 * subject is the real DER of `CN=swarm-ca`, and the public key is a P-256 SubjectPublicKeyInfo
 * header with a random point. Nothing parses them; they only have to look right.
 */

/** DER of the subject `CN=swarm-ca`, base64: the same in every swarm. */
const SWARM_CA_SUBJECT = 'MBMxETAPBgNVBAMTCHN3YXJtLWNh';
/** The DER prefix of an ECDSA P-256 SubjectPublicKeyInfo, up to the uncompressed point. */
const P256_SPKI_PREFIX = [
  0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a,
  0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00, 0x04,
];
const CERTIFICATE_DER_BYTES = 393;
const PEM_LINE_LENGTH = 64;

function paddedBase64(bytes: readonly number[]): string {
  const raw = encodeRawBase64(bytes);
  return raw + '='.repeat((4 - (raw.length % 4)) % 4);
}

export function newRootTlsInfo(prng: Prng): TLSInfo {
  const body = paddedBase64(randomBytes(prng, CERTIFICATE_DER_BYTES));
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += PEM_LINE_LENGTH)
    lines.push(body.slice(i, i + PEM_LINE_LENGTH));
  const point = randomBytes(prng, 64);
  return {
    TrustRoot: `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`,
    CertIssuerSubject: SWARM_CA_SUBJECT,
    CertIssuerPublicKey: paddedBase64([...P256_SPKI_PREFIX, ...point]),
  };
}
