import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDataDriven } from '../support/datadriven';
import { InteractionEnv } from '../raft/interaction/env';

/**
 * Interaction scripts (etcd-io/raft `interaction_test.go`): each file in testdata/ is a story of
 * commands with the expected trace under each. Rewrite mode regenerates the traces:
 * `UPDATE_GOLDEN=1 npx vitest run tests/raft` (or `npx vitest run tests/raft -u`); review the
 * diff before committing it.
 */
const directory = join(import.meta.dirname, '..', 'raft', 'testdata');
const files = readdirSync(directory).filter((name) => name.endsWith('.txt'));

describe('raft interaction scripts', () => {
  it('has one script per topic', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  for (const file of files) {
    it(file, async () => {
      const path = join(directory, file);
      const text = readFileSync(path, 'utf8');
      const env = new InteractionEnv();
      const rendered = runDataDriven(text, (testCase) => env.handle(testCase));
      if (process.env.UPDATE_GOLDEN === '1') {
        writeFileSync(path, rendered);
        return;
      }
      expect(rendered).not.toContain('error: ');
      await expect(rendered).toMatchFileSnapshot(path);
    });
  }
});
