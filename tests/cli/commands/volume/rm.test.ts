import { describe, expect, it } from 'vitest';
import { DaemonError } from '../../../../src/api/errors';
import { runDocker } from '../../../support/docker-run';
import { fakeEngine } from '../../../support/fake-engine';

const IN_USE =
  'remove volumes-data: volume is in use - [bc5f444757ab3104a11d36c52508fada592b71c66d16f642d4d4dd51e724dbde]';

const engine = fakeEngine({
  volumeRemove: ({ name, force }) => {
    if (name === 'volumes-data')
      return Promise.reject(new DaemonError('failed-precondition', IN_USE));
    if (name === 'nosuch' && !force) {
      return Promise.reject(new DaemonError('not-found', 'get nosuch: no such volume'));
    }
    return Promise.resolve();
  },
});

describe('docker volume rm', () => {
  it('removes what it can and prints the errors together at the end (oracle engine 20.10.24)', async () => {
    const result = await runDocker(['volume', 'rm', 'volumes-x', 'volumes-data', 'nosuch'], {
      engine,
    });
    expect(result).toEqual({
      stdout: 'volumes-x\n',
      stderr: `Error response from daemon: ${IN_USE}\nError response from daemon: get nosuch: no such volume\n`,
      code: 1,
    });
  });

  it('with -f prints a missing one as removed, exit 0 (oracle engine 20.10.24)', async () => {
    expect(await runDocker(['volume', 'rm', '-f', 'nosuch'], { engine })).toEqual({
      stdout: 'nosuch\n',
      stderr: '',
      code: 0,
    });
  });
});
