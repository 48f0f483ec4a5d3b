import { describe, expect, it } from 'vitest';
import type { Filters } from '../../../../src/api/swarm';
import { DaemonError } from '../../../../src/api/errors';
import { runDocker } from '../../../support/docker-run';
import { fakeEngine } from '../../../support/fake-engine';
import { expectGolden } from '../swarm/golden-run';
import { ALL } from './fixtures';

function listing(seen: Filters[] = []) {
  return fakeEngine({
    networkList: ({ filters }) => {
      seen.push(filters);
      return Promise.resolve(ALL);
    },
  });
}

describe('docker network ls (cli/command/network/list.go, formatter.go)', () => {
  it('prints the table sorted by name, IDs cut to 12, as on the oracle manager', async () => {
    await expectGolden('network/ls', ['network', 'ls'], { engine: listing() });
  });

  it('prints -q, --no-trunc, raw and templates with docker placeholders', async () => {
    await expectGolden('network/ls-quiet', ['network', 'ls', '-q'], { engine: listing() });
    await expectGolden('network/ls-no-trunc', ['network', 'ls', '--no-trunc'], {
      engine: listing(),
    });
    await expectGolden('network/ls-raw', ['network', 'ls', '--format', 'raw'], {
      engine: listing(),
    });
    await expectGolden(
      'network/ls-format',
      [
        'network',
        'ls',
        '--format',
        'table {{.Name}}\\t{{.IPv6}}\\t{{.Internal}}\\t{{.Labels}}\\t{{.Label "env"}}\\t{{.CreatedAt}}',
      ],
      { engine: listing() },
    );
  });

  it('sends the filters to the daemon and prints its error', async () => {
    const seen: Filters[] = [];
    await runDocker(['network', 'ls', '-f', 'driver=overlay', '-f', 'name=x'], {
      engine: listing(seen),
    });
    expect(seen).toEqual([{ driver: ['overlay'], name: ['x'] }]);
    const refused = await runDocker(['network', 'ls', '-f', 'type=foo'], {
      engine: fakeEngine({
        networkList: () =>
          Promise.reject(new DaemonError('invalid-argument', "invalid filter: 'type'='foo'")),
      }),
    });
    expect(refused).toEqual({
      stdout: '',
      stderr: "Error response from daemon: invalid filter: 'type'='foo'\n",
      code: 1,
    });
  });
});
