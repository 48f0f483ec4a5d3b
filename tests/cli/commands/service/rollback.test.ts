import { describe, expect, it } from 'vitest';
import type { ServiceRollback } from '../../../../src/api/service';
import { runDocker } from '../../../support/docker-run';
import { FakeClock } from '../../../support/fake-clock';
import { daemonError, fakeManagerEngine } from '../../../support/fake-engine';
import { expectGolden } from '../swarm/golden-run';
import { findService, slotTasks, WEB } from './fixtures';

describe('docker service rollback', () => {
  it('asks the daemon for the previous spec, sending the current one, and prints the argument', async () => {
    const sent: { id: string; version: number; rollback: ServiceRollback }[] = [];
    const engine = fakeManagerEngine({
      serviceInspect: ({ id }) => findService([WEB], id),
      serviceUpdate: ({ id, version, rollback, spec }) => {
        sent.push({ id, version, rollback });
        expect(spec).toEqual(WEB.Spec);
        return Promise.resolve({ Warnings: ['a daemon warning'] });
      },
    });
    await expectGolden('service/rollback-detach', ['service', 'rollback', '-d', 'kx8f'], {
      engine,
    });
    expect(sent).toEqual([{ id: WEB.ID, version: 40, rollback: 'previous' }]);
  });

  it('waits quietly with -q', async () => {
    const clock = new FakeClock();
    const engine = fakeManagerEngine({
      serviceInspect: () =>
        Promise.resolve({
          ...WEB,
          UpdateStatus: { State: 'rollback_started', Message: 'manually requested rollback' },
        }),
      serviceUpdate: () => Promise.resolve({}),
      taskList: () => Promise.resolve(slotTasks(3, 'running')),
    });
    const result = await runDocker(['service', 'rollback', '-q', 'web'], { engine, clock });
    expect(result).toEqual({ stdout: 'web\n', stderr: '', code: 0 });
    expect(clock.nowMs).toBe(5000);
  });

  it('prints the daemon error for a service without a previous spec', async () => {
    await expectGolden('service/rollback-no-previous', ['service', 'rollback', 'web'], {
      engine: fakeManagerEngine({
        serviceInspect: () => Promise.resolve(WEB),
        serviceUpdate: () =>
          daemonError(
            `rpc error: code = FailedPrecondition desc = service ${WEB.ID} does not have a previous spec`,
          ),
      }),
    });
    await expectGolden('service/rollback-args', ['service', 'rollback'], {
      engine: fakeManagerEngine(),
    });
  });
});
