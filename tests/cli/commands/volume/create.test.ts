import { describe, expect, it } from 'vitest';
import type { VolumeCreateRequest } from '../../../../src/api/volume';
import { runDocker } from '../../../support/docker-run';
import { fakeEngine } from '../../../support/fake-engine';

describe('docker volume create', () => {
  it('sends the name, driver, options and labels, and prints the name', async () => {
    const sent: VolumeCreateRequest[] = [];
    const engine = fakeEngine({
      volumeCreate: ({ request }) => {
        sent.push(request);
        return Promise.resolve({
          CreatedAt: '2026-12-07T17:30:21Z',
          Driver: 'local',
          Labels: request.Labels,
          Mountpoint: '/var/lib/docker/volumes/volumes-x/_data',
          Name: request.Name === '' ? 'f'.repeat(64) : request.Name,
          Options: request.DriverOpts,
          Scope: 'local',
        });
      },
    });
    const args = ['volume', 'create', 'volumes-x', '--label', 'k=v', '-o', 'type=tmpfs'];
    expect(await runDocker(args, { engine })).toEqual({
      stdout: 'volumes-x\n',
      stderr: '',
      code: 0,
    });
    expect(sent).toEqual([
      { Name: 'volumes-x', Driver: 'local', DriverOpts: { type: 'tmpfs' }, Labels: { k: 'v' } },
    ]);
    expect((await runDocker(['volume', 'create'], { engine })).stdout).toBe(`${'f'.repeat(64)}\n`);
  });

  it('refuses both --name and a name, and a bad label, as docker does', async () => {
    expect(await runDocker(['volume', 'create', '--name', 'a1', 'b1'])).toEqual({
      stdout: '',
      stderr: 'conflicting options: either specify --name or provide positional arg, not both\n',
      code: 1,
    });
    const label = await runDocker(['volume', 'create', '--label', '=v']);
    expect(label.stderr).toContain(
      `invalid argument "=v" for "--label" flag: invalid label '=v': empty name`,
    );
    expect(label.code).toBe(125);
  });

  it('says a cluster volume is not simulated', async () => {
    const result = await runDocker(['volume', 'create', '--group', 'g', 'v1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not simulated');
  });
});
