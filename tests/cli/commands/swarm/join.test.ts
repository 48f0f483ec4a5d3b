import { describe, expect, it } from 'vitest';
import type { JoinRequest } from '../../../../src/api/swarm';
import { systemInfo } from '../../../../src/swarm/node/system-info';
import {
  daemonError,
  FAKE_MACHINE,
  fakeEngine,
  managerSwarmInfo,
  TOKENS,
} from '../../../support/fake-engine';
import { expectGolden } from './golden-run';

const ADDRESS = '192.168.0.10:2377';

/** An inactive node whose join succeeds, after which /info shows the role the token gave. */
function joiningEngine(requests: JoinRequest[], manager: boolean) {
  return fakeEngine({
    swarmJoin: ({ request }) => {
      requests.push(request);
      return Promise.resolve();
    },
    info: () =>
      Promise.resolve(
        systemInfo(FAKE_MACHINE, { ...managerSwarmInfo(), ControlAvailable: manager }),
      ),
  });
}

describe('docker swarm join', () => {
  it('joins as a worker with the address as typed (reference §4.2)', async () => {
    const requests: JoinRequest[] = [];
    await expectGolden('swarm/join-worker', ['swarm', 'join', '--token', TOKENS.worker, ADDRESS], {
      engine: joiningEngine(requests, false),
    });
    expect(requests).toEqual([
      {
        ListenAddr: '0.0.0.0:2377',
        AdvertiseAddr: '',
        DataPathAddr: '',
        RemoteAddrs: [ADDRESS],
        JoinToken: TOKENS.worker,
        Availability: '',
      },
    ]);
  });

  it('says manager when /info shows control available', async () => {
    const requests: JoinRequest[] = [];
    await expectGolden(
      'swarm/join-manager',
      ['swarm', 'join', '--token', TOKENS.manager, '--availability', 'Pause', ADDRESS],
      { engine: joiningEngine(requests, true) },
    );
    expect(requests[0]?.Availability).toBe('pause');
  });

  it.each([
    ['join-invalid-token', 'invalid join token'],
    [
      'join-wrong-token',
      'rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster',
    ],
    [
      'join-timeout',
      'Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the "docker info" command to see the current swarm status of your node.',
    ],
    [
      'join-already-in-swarm',
      'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.',
    ],
  ])('reports the daemon error %s', async (name, message) => {
    const engine = fakeEngine({ swarmJoin: () => daemonError(message) });
    const result = await expectGolden(`swarm/${name}`, ['swarm', 'join', '--token', 'x', ADDRESS], {
      engine,
    });
    expect(result.code).toBe(1);
  });

  it('checks --availability before joining', async () => {
    const requests: JoinRequest[] = [];
    await expectGolden(
      'swarm/join-bad-availability',
      ['swarm', 'join', '--token', TOKENS.worker, '--availability', 'busy', ADDRESS],
      { engine: joiningEngine(requests, false) },
    );
    expect(requests).toEqual([]);
  });

  it('needs exactly one address', async () => {
    await expectGolden('swarm/join-args', ['swarm', 'join']);
  });
});
