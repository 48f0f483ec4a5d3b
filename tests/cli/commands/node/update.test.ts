import { describe, expect, it } from 'vitest';
import type { NodeSpecUpdate } from '../../../../src/api/swarm';
import { daemonError, fakeManagerEngine, IDS, NODES } from '../../../support/fake-engine';
import { expectGolden } from '../swarm/golden-run';

interface Sent {
  readonly id: string;
  readonly version: number;
  readonly spec: NodeSpecUpdate;
}

function recording(sent: Sent[]) {
  return fakeManagerEngine({
    nodeUpdate: ({ id, version, spec }) => {
      sent.push({ id, version, spec });
      return Promise.resolve();
    },
  });
}

describe('docker node update', () => {
  it('sends the merged spec by full ID and prints the argument as typed (reference §5.4)', async () => {
    const sent: Sent[] = [];
    await expectGolden(
      'node/update',
      [
        'node',
        'update',
        '--availability',
        'drain',
        '--label-add',
        'rack=r1',
        '--label-add',
        'gpu',
        '--label-rm',
        'zone',
        'worker1',
      ],
      { engine: recording(sent) },
    );
    expect(sent).toEqual([
      {
        id: IDS.worker1,
        version: 9,
        spec: { Labels: { ssd: '', rack: 'r1', gpu: '' }, Role: 'worker', Availability: 'drain' },
      },
    ]);
  });

  it('passes --role and --availability through for the daemon to check', async () => {
    const sent: Sent[] = [];
    const engine = fakeManagerEngine({
      nodeUpdate: ({ id, version, spec }) => {
        sent.push({ id, version, spec });
        return daemonError(`invalid Availability: "${spec.Availability}"`);
      },
    });
    await expectGolden(
      'node/update-bad-availability',
      ['node', 'update', '--availability', 'foo', 'l8rx'],
      {
        engine,
      },
    );
    expect(sent[0]?.spec.Role).toBe('worker');
  });

  it('fails in the CLI when a label to remove is missing', async () => {
    const sent: Sent[] = [];
    await expectGolden(
      'node/update-label-rm-missing',
      ['node', 'update', '--label-rm', 'nokey', 'worker1'],
      {
        engine: recording(sent),
      },
    );
    expect(sent).toEqual([]);
  });

  it('applies the demotion checks of the daemon to --role worker', async () => {
    const engine = fakeManagerEngine({
      nodeUpdate: () =>
        daemonError(
          'rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm',
        ),
    });
    await expectGolden(
      'node/update-role-last-manager',
      ['node', 'update', '--role', 'worker', 'manager1'],
      {
        engine,
      },
    );
  });

  it('reports a missing node', async () => {
    await expectGolden(
      'node/update-missing',
      ['node', 'update', '--availability', 'active', 'nosuch'],
      {
        engine: fakeManagerEngine(),
      },
    );
  });

  it('needs exactly one node', async () => {
    await expectGolden('node/update-args', ['node', 'update', 'a', 'b']);
  });

  it('keeps the fixture intact', () => {
    expect(NODES.find((node) => node.ID === IDS.worker1)?.Spec.Labels).toEqual({
      zone: 'b',
      ssd: '',
    });
  });
});
