import { describe, expect, it } from 'vitest';
import { DaemonError } from '../../../../src/api/errors';
import { runDocker } from '../../../support/docker-run';
import { fakeEngine } from '../../../support/fake-engine';

const RUNNING =
  'cannot remove container "/web.1.x": container is running: stop the container before removing or force remove';

function engineWith(removed: { id: string; force: boolean }[]) {
  return fakeEngine({
    containerRemove: (request) => {
      if (request.id === 'nosuch') {
        return Promise.reject(new DaemonError('not-found', 'No such container: nosuch'));
      }
      if (request.id === 'web' && !request.force) {
        return Promise.reject(new DaemonError('failed-precondition', RUNNING));
      }
      removed.push(request);
      return Promise.resolve();
    },
  });
}

describe('docker rm', () => {
  it('goes on after a failure and prints the failures together at the end, exit 1', async () => {
    const removed: { id: string; force: boolean }[] = [];
    const result = await runDocker(['rm', 'nosuch', 'web', 'old'], { engine: engineWith(removed) });
    expect(result).toEqual({
      stdout: 'old\n',
      stderr: `Error response from daemon: No such container: nosuch\nError response from daemon: ${RUNNING}\n`,
      code: 1,
    });
    expect(removed).toEqual([{ id: 'old', force: false }]);
  });

  it('with -f removes a running one, and only reports a missing one, exit 0', async () => {
    // Oracle (engine 20.10.24): `docker rm -f nosuch` prints the error and exits 0.
    const removed: { id: string; force: boolean }[] = [];
    const result = await runDocker(['rm', '-f', 'nosuch', '/web'], { engine: engineWith(removed) });
    expect(result).toEqual({
      stdout: '/web\n',
      stderr: 'Error response from daemon: No such container: nosuch\n',
      code: 0,
    });
    expect(removed).toEqual([{ id: 'web', force: true }]);
  });

  it('refuses an empty name itself', async () => {
    const result = await runDocker(['container', 'rm', '/'], { engine: engineWith([]) });
    expect(result).toEqual({ stdout: '', stderr: 'Container name cannot be empty\n', code: 1 });
  });
});
