import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, parseSeed, readStartOptions } from '../../../src/ui/state/url-options';

describe('readStartOptions', () => {
  it.each([
    ['', { preset: '3m2w', seed: DEFAULT_SEED }, []],
    ['?preset=no-swarm&seed=42', { preset: 'no-swarm', seed: 42 }, []],
    ['?preset=7m3w', { preset: '7m3w', seed: DEFAULT_SEED }, []],
    [
      '?preset=<script>',
      { preset: '3m2w', seed: DEFAULT_SEED },
      ['unknown preset "<script>", using 3m2w'],
    ],
    [
      '?seed=-1',
      { preset: '3m2w', seed: DEFAULT_SEED },
      ['seed must be a whole number from 0 to 4294967295'],
    ],
    [
      '?seed=4294967296',
      { preset: '3m2w', seed: DEFAULT_SEED },
      ['seed must be a whole number from 0 to 4294967295'],
    ],
  ])('%s', (search, options, warnings) => {
    expect(readStartOptions(search)).toEqual({ options, warnings, chosen: search !== '' });
  });
});

describe('parseSeed', () => {
  it.each([
    ['0', 0],
    ['4294967295', 4294967295],
    ['1e3', null],
    ['', null],
    [' 7', null],
    ['07', 7],
  ])('%j → %j', (text, seed) => {
    expect(parseSeed(text)).toBe(seed);
  });
});
