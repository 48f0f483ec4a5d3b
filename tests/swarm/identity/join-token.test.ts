import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/lib/prng';
import {
  checkJoinToken,
  decodeRawBase64,
  encodeRawBase64,
  generateJoinToken,
  generateUnlockKey,
  humanReadableKey,
  isObjectId,
  newObjectId,
  newRaftId,
  newRootDigestHex,
  parseHumanReadableKey,
  parseJoinToken,
  randomBytes,
} from '../../../src/swarm';

/** Base 36 of a big-endian byte string by long division, with no BigInt (a naive model). */
function naiveBase36(bytes: readonly number[]): string {
  let digits = [...bytes];
  let out = '';
  while (digits.some((d) => d !== 0)) {
    let remainder = 0;
    const next: number[] = [];
    for (const d of digits) {
      const value = remainder * 256 + d;
      next.push(Math.floor(value / 36));
      remainder = value % 36;
    }
    out = '0123456789abcdefghijklmnopqrstuvwxyz'.charAt(remainder) + out;
    digits = next;
  }
  return out === '' ? '0' : out;
}

const seeds = fc.integer({ min: 0, max: 0xffff_ffff });

describe('object IDs', () => {
  it('are 25 characters of [0-9a-z], the middle of the base-36 text of 17 bytes', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const id = newObjectId(new Prng(seed));
        const bytes = randomBytes(new Prng(seed), 17);
        bytes[0] = (bytes[0] ?? 0) | 0x80;
        const text = naiveBase36(bytes);
        expect(text).toHaveLength(27);
        expect(id).toBe(text.slice(1, 26));
        expect(isObjectId(id)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('are deterministic per seed and differ between draws', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    const first = newObjectId(a);
    expect(newObjectId(b)).toBe(first);
    expect(newObjectId(a)).not.toBe(first);
  });

  it('rejects what is not an ID', () => {
    expect(isObjectId('4xbxjb0o2z4p8fvl5g0vbnk7x')).toBe(true);
    expect(isObjectId('4xbxjb0o2z4p8fvl5g0vbnk7')).toBe(false);
    expect(isObjectId('4XBXJB0O2Z4P8FVL5G0VBNK7X')).toBe(false);
  });

  it('draws raft IDs that are safe, non-zero and not taken', () => {
    const prng = new Prng(3);
    const taken = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const id = newRaftId(prng, taken);
      expect(Number.isSafeInteger(id) && id > 0 && !taken.has(id)).toBe(true);
      taken.add(id);
    }
  });
});

describe('join tokens', () => {
  const tokenShape = /^SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}$/;

  it('have the SWMTKN-1 shape and carry the CA digest back out', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const prng = new Prng(seed);
        const digest = newRootDigestHex(prng);
        const token = generateJoinToken(digest, prng);
        expect(token).toMatch(tokenShape);
        expect(token).toHaveLength(85);
        const parsed = parseJoinToken(token);
        expect(parsed.ok && parsed.value.rootDigestHex).toBe(digest);
      }),
      { numRuns: 500 },
    );
  });

  it('share the digest part between roles and differ in the secret', () => {
    const prng = new Prng(11);
    const digest = newRootDigestHex(prng);
    const worker = generateJoinToken(digest, prng);
    const manager = generateJoinToken(digest, prng);
    expect(worker.slice(0, 60)).toBe(manager.slice(0, 60));
    expect(worker.slice(60)).not.toBe(manager.slice(60));
  });

  it('pads a small digest to 50 characters', () => {
    const token = generateJoinToken('0'.repeat(63) + '1', new Prng(1));
    expect(token.slice(9, 59)).toBe('0'.repeat(49) + '1');
  });

  it.each([
    ['', 'invalid join token'],
    ['SWMTKN-1-abc', 'invalid join token'],
    ['SWMTKN-3-' + 'a'.repeat(50) + '-' + 'b'.repeat(25), 'invalid join token'],
    ['SWMTKN-1-' + 'a'.repeat(49) + '-' + 'b'.repeat(25), 'invalid join token'],
    ['SWMTKN-1-' + 'a'.repeat(50) + '-' + 'b'.repeat(24), 'invalid join token'],
    ['SWMTKN-1-x-' + 'a'.repeat(50) + '-' + 'b'.repeat(25), 'invalid join token'],
    ['SWMTKN-2-2-' + 'a'.repeat(50) + '-' + 'b'.repeat(25), 'invalid join token'],
    ['swmtkn-1-' + 'a'.repeat(50) + '-' + 'b'.repeat(25), 'invalid join token'],
  ])('refuses the malformed token %j', (token, message) => {
    const parsed = parseJoinToken(token);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toBe(message);
  });

  it('reads the FIPS form SWMTKN-2-1', () => {
    const parsed = parseJoinToken('SWMTKN-2-1-' + '1'.repeat(50) + '-' + 'b'.repeat(25));
    expect(parsed.ok && parsed.value.fips).toBe(true);
  });

  describe('checked against a cluster', () => {
    const prng = new Prng(5);
    const rootDigestHex = newRootDigestHex(prng);
    const cluster = {
      rootDigestHex,
      worker: generateJoinToken(rootDigestHex, prng),
      manager: generateJoinToken(rootDigestHex, prng),
    };
    const otherDigest = newRootDigestHex(prng);
    const otherCa = generateJoinToken(otherDigest, prng);
    const rotated = generateJoinToken(rootDigestHex, prng);

    it.each([
      ['the worker token', cluster.worker, 'worker'],
      ['the manager token', cluster.manager, 'manager'],
    ])('grants the role of %s', (_name, token, role) => {
      expect(checkJoinToken(token, cluster)).toEqual({ ok: true, value: role });
    });

    it.each([
      [
        'an old (rotated) token',
        rotated,
        'rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster',
      ],
      [
        'no token',
        '',
        'rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster',
      ],
      ['a malformed token', 'SWMTKN-1-nope', 'invalid join token'],
      ['another CA', otherCa, `remote CA does not match fingerprint. Expected: ${otherDigest}`],
    ])('refuses %s', (_name, token, message) => {
      const result = checkJoinToken(token, cluster);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toBe(message);
    });
  });
});

describe('unlock keys', () => {
  it('are SWMKEY-1- and 43 characters of unpadded base64', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const key = generateUnlockKey(new Prng(seed));
        expect(key).toMatch(/^SWMKEY-1-[A-Za-z0-9+/]{43}$/);
        expect(key).toHaveLength(52);
      }),
      { numRuns: 500 },
    );
  });

  it('encode as Go RawStdEncoding does and decode back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (array) => {
        const bytes = [...array];
        const expected = Buffer.from(array).toString('base64').replace(/=+$/, '');
        expect(encodeRawBase64(bytes)).toBe(expected);
        expect(decodeRawBase64(expected)).toEqual(bytes);
        const parsed = parseHumanReadableKey(humanReadableKey(bytes));
        expect(parsed.ok && parsed.value).toEqual(bytes);
      }),
    );
  });

  it.each([
    'nope',
    'SWMKEY-2-7c37Cc8654o6p38HnroywCi19pllOnGtbdZEgtKxZu8',
    'SWMKEY-1-7c37Cc8654o6p38HnroywCi19pllOnGtbdZEgtKxZu8=',
    'SWMKEY-1-7c37Cc8654o6p38Hnr!ywCi19pllOnGtbdZEgtKxZu8',
    'SWMKEY-1-abcde',
  ])('refuses %j with "invalid key string"', (text) => {
    const parsed = parseHumanReadableKey(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toBe('invalid key string');
  });

  it('reads the documentation example key', () => {
    const parsed = parseHumanReadableKey('SWMKEY-1-7c37Cc8654o6p38HnroywCi19pllOnGtbdZEgtKxZu8');
    expect(parsed.ok && parsed.value.length).toBe(32);
  });
});
