import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/lib/prng';
import {
  checkJoinToken,
  generateJoinToken,
  newRootDigestHex,
  parseJoinToken,
} from '../../../src/swarm';
import { seeds } from '../../support/seeds';

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
