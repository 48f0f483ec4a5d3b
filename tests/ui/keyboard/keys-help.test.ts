import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEY_HELP } from '../../../src/ui/keyboard/keys-help';

describe('KEY_HELP', () => {
  it('is listed in the README, every key of it', () => {
    const readme = readFileSync('README.md', 'utf8');
    const missing = KEY_HELP.filter((line) => !readme.includes(`\`${line.keys}\``));
    expect(missing.map((line) => line.keys)).toEqual([]);
  });
});
