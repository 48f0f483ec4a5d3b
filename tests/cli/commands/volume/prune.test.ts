import { describe, expect, it } from 'vitest';
import type { Filters } from '../../../../src/api/swarm';
import { runDocker } from '../../../support/docker-run';
import { fakeEngine } from '../../../support/fake-engine';

const ANON = '66f7217f1e5c3f4a9be1b5ecbb43b6b8111ab1bc458c85ce37bcc923591e6863';
const QUESTION = 'Are you sure you want to continue? [y/N] ';

function engineSeeing(seen: Filters[]) {
  return fakeEngine({
    volumePrune: ({ filters }) => {
      seen.push(filters);
      return Promise.resolve({ VolumesDeleted: [ANON], SpaceReclaimed: 0 });
    },
  });
}

describe('docker volume prune', () => {
  it('asks first: a piped n ends it quietly, exit 0 (oracle engine 20.10.24)', async () => {
    const seen: Filters[] = [];
    const result = await runDocker(['volume', 'prune'], {
      engine: engineSeeing(seen),
      stdin: 'n\n',
    });
    expect(result).toEqual({
      stdout: `WARNING! This will remove anonymous local volumes not used by at least one container.\n${QUESTION}`,
      stderr: '',
      code: 0,
    });
    expect(seen).toEqual([]);
  });

  it('at a terminal, y prunes and lists what went, then 0B reclaimed', async () => {
    const seen: Filters[] = [];
    const result = await runDocker(['volume', 'prune'], {
      engine: engineSeeing(seen),
      columns: 100,
      line: 'y',
    });
    expect(result.stdout).toBe(
      `WARNING! This will remove anonymous local volumes not used by at least one container.\n${QUESTION}y\nDeleted Volumes:\n${ANON}\n\nTotal reclaimed space: 0B\n`,
    );
    expect(seen).toEqual([{}]);
  });

  it('with -a asks about all volumes and sends all=true; -f does not ask', async () => {
    const seen: Filters[] = [];
    const result = await runDocker(['volume', 'prune', '-a', '-f', '--filter', 'label=x'], {
      engine: engineSeeing(seen),
    });
    expect(result.stdout).toBe(`Deleted Volumes:\n${ANON}\n\nTotal reclaimed space: 0B\n`);
    expect(seen).toEqual([{ label: ['x'], all: ['true'] }]);
  });

  it('refuses --all with the filter all', async () => {
    const result = await runDocker(['volume', 'prune', '-a', '--filter', 'all=1']);
    expect(result).toEqual({
      stdout: '',
      stderr: 'conflicting options: cannot specify both --all and --filter all=1\n',
      code: 1,
    });
  });
});
