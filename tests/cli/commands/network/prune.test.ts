import { describe, expect, it } from 'vitest';
import type { Filters } from '../../../../src/api/swarm';
import { runDocker } from '../../../support/docker-run';
import { fakeEngine } from '../../../support/fake-engine';

const WARNING =
  'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ';

function pruning(seen: Filters[], deleted: string[]) {
  return fakeEngine({
    networkPrune: ({ filters }) => {
      seen.push(filters);
      return Promise.resolve({ NetworksDeleted: deleted });
    },
  });
}

describe('docker network prune (cli/command/network/prune.go)', () => {
  it('asks first: a piped n ends it quietly, exit 0 (as the oracle did)', async () => {
    const seen: Filters[] = [];
    const result = await runDocker(['network', 'prune'], {
      engine: pruning(seen, ['x']),
      stdin: 'n\n',
    });
    expect(result).toEqual({ stdout: WARNING, stderr: '', code: 0 });
    expect(seen).toEqual([]);
  });

  it('lists what went under Deleted Networks:, then an empty line; nothing when none went', async () => {
    const seen: Filters[] = [];
    const result = await runDocker(['network', 'prune', '-f', '--filter', 'label=k'], {
      engine: pruning(seen, ['unused2', 'z']),
    });
    expect(result).toEqual({ stdout: 'Deleted Networks:\nunused2\nz\n\n', stderr: '', code: 0 });
    expect(seen).toEqual([{ label: ['k'] }]);
    const none = await runDocker(['network', 'prune', '-f'], { engine: pruning([], []) });
    expect(none).toEqual({ stdout: '', stderr: '', code: 0 });
  });
});
