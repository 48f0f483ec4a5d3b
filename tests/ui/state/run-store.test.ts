import { describe, expect, it } from 'vitest';
import { checkSavedRun, FORMAT_VERSION } from '../../../src/ui/state/run-store';

const good = { formatVersion: FORMAT_VERSION, preset: '3m2w', seed: 4, epochMs: 1, simulation: {} };

describe('checkSavedRun', () => {
  it('accepts a well-formed envelope', () => {
    expect(checkSavedRun(good)).toEqual({ kind: 'loaded', run: good });
  });

  it.each<[unknown, string]>([
    [null, 'the saved cluster is not an object'],
    ['text', 'the saved cluster is not an object'],
    [
      { ...good, formatVersion: 0 },
      `the saved cluster is from another version of the playground (format 0, this one reads ${FORMAT_VERSION})`,
    ],
    [
      // A version 1 save held its checkpoint inline; its parts are not where this one reads them.
      { ...good, formatVersion: 1 },
      `the saved cluster is from another version of the playground (format 1, this one reads 2)`,
    ],
    [{ ...good, preset: '<img src=x>' }, 'the saved cluster names an unknown preset'],
    [{ ...good, seed: 1.5 }, 'the saved cluster has an invalid seed'],
    [{ ...good, epochMs: Number.NaN }, 'the saved cluster has an invalid clock'],
    [{ ...good, simulation: null }, 'the saved cluster has no simulation state'],
  ])('refuses %j', (raw, reason) => {
    expect(checkSavedRun(raw)).toEqual({ kind: 'unusable', reason });
  });
});
