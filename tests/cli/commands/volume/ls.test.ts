import { describe, expect, it } from 'vitest';
import { DaemonError } from '../../../../src/api/errors';
import type { Volume } from '../../../../src/api/volume';
import { runDocker } from '../../../support/docker-run';
import { fakeEngine } from '../../../support/fake-engine';

function volume(name: string, labels: Record<string, string> = {}): Volume {
  return {
    CreatedAt: '2026-12-07T17:27:28Z',
    Driver: 'local',
    Labels: labels,
    Mountpoint: `/var/lib/docker/volumes/${name}/_data`,
    Name: name,
    Options: {},
    Scope: 'local',
  };
}

const ANON = '66f7217f1e5c3f4a9be1b5ecbb43b6b8111ab1bc458c85ce37bcc923591e6863';

describe('docker volume ls', () => {
  const seen: Record<string, readonly string[]>[] = [];
  const engine = fakeEngine({
    volumeList: ({ filters }) => {
      seen.push(filters);
      return Promise.resolve([volume('volumes-data', { a: 'b' }), volume(ANON)]);
    },
  });

  it('prints the table sorted by name (oracle engine 20.10.24)', async () => {
    expect(await runDocker(['volume', 'ls'], { engine })).toEqual({
      stdout: `DRIVER    VOLUME NAME\nlocal     ${ANON}\nlocal     volumes-data\n`,
      stderr: '',
      code: 0,
    });
    expect((await runDocker(['volume', 'ls', '-q'], { engine })).stdout).toBe(
      `${ANON}\nvolumes-data\n`,
    );
  });

  it('formats placeholders and json as docker does (oracle engine 20.10.24)', async () => {
    const format = '{{.Name}}|{{.Scope}}|{{.Mountpoint}}|{{.Links}}|{{.Size}}|{{.Labels}}';
    const listed = await runDocker(['volume', 'ls', '--format', format, '-f', 'name=volumes-'], {
      engine,
    });
    expect(listed.stdout.split('\n')[1]).toBe(
      'volumes-data|local|/var/lib/docker/volumes/volumes-data/_data|N/A|N/A|a=b',
    );
    expect(seen.at(-1)).toEqual({ name: ['volumes-'] });
    const json = await runDocker(['volume', 'ls', '--format', 'json'], { engine });
    expect(json.stdout.split('\n')[1]).toBe(
      '{"Availability":"N/A","Driver":"local","Group":"N/A","Labels":"a=b","Links":"N/A","Mountpoint":"/var/lib/docker/volumes/volumes-data/_data","Name":"volumes-data","Scope":"local","Size":"N/A","Status":"N/A"}',
    );
  });

  it("prints the daemon's refusal of a filter", async () => {
    const refusing = fakeEngine({
      volumeList: () =>
        Promise.reject(new DaemonError('invalid-argument', "invalid filter 'colour'")),
    });
    expect(await runDocker(['volume', 'ls', '-f', 'colour=x'], { engine: refusing })).toEqual({
      stdout: '',
      stderr: "Error response from daemon: invalid filter 'colour'\n",
      code: 1,
    });
  });

  it('says --cluster is not simulated', async () => {
    const result = await runDocker(['volume', 'ls', '--cluster'], { engine });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not simulated');
  });
});
