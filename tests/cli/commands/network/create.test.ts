import { describe, expect, it } from 'vitest';
import type { NetworkCreateRequest } from '../../../../src/api/network';
import { DaemonError } from '../../../../src/api/errors';
import { runDocker } from '../../../support/docker-run';
import { fakeEngine } from '../../../support/fake-engine';
import { expectGolden } from '../swarm/golden-run';

const ID = 'j2g6sa5cocswhh51im3qranzs';

function recording(sent: NetworkCreateRequest[]) {
  return fakeEngine({
    networkCreate: ({ request }) => {
      sent.push(request);
      return Promise.resolve({ Id: ID, Warning: '' });
    },
  });
}

describe('docker network create (cli/command/network/create.go)', () => {
  it('sends an overlay with its flags and prints the new ID', async () => {
    const sent: NetworkCreateRequest[] = [];
    const result = await runDocker(
      [
        'network',
        'create',
        '-d',
        'overlay',
        '--attachable',
        '--subnet',
        '10.5.0.0/24',
        '--gateway',
        '10.5.0.254',
        '--opt',
        'encrypted',
        '--label',
        'a=b',
        '--label',
        'c',
        'y',
      ],
      { engine: recording(sent) },
    );
    expect(result).toEqual({ stdout: `${ID}\n`, stderr: '', code: 0 });
    expect(sent).toEqual([
      {
        Name: 'y',
        Driver: 'overlay',
        Scope: '',
        IPAM: {
          Driver: 'default',
          Options: {},
          Config: [{ Subnet: '10.5.0.0/24', Gateway: '10.5.0.254' }],
        },
        Internal: false,
        Attachable: true,
        Ingress: false,
        ConfigOnly: false,
        Options: { encrypted: '' },
        Labels: { a: 'b', c: '' },
      },
    ]);
  });

  it("refuses IPAM flags that do not fit with docker's consolidateIpam errors", async () => {
    const cases: [string[], string][] = [
      [['--gateway', '10.0.9.1'], 'every ip-range or gateway must have a corresponding subnet'],
      [
        ['--subnet', '10.0.0.0/16', '--subnet', '10.0.9.0/24'],
        'multiple overlapping subnet configuration is not supported',
      ],
      [
        ['--subnet', '10.0.9.0/24', '--gateway', '10.0.10.1'],
        'no matching subnet for gateway 10.0.10.1',
      ],
      [['--subnet', 'abc', '--gateway', '10.0.10.1'], 'invalid subnet: invalid CIDR address: abc'],
    ];
    for (const [flags, message] of cases) {
      const result = await runDocker(['network', 'create', '-d', 'overlay', ...flags, 'z'], {
        engine: recording([]),
      });
      expect(result).toEqual({ stdout: '', stderr: `${message}\n`, code: 1 });
    }
  });

  it("prints the daemon's errors", async () => {
    await expectGolden('network/create-on-worker', ['network', 'create', '-d', 'overlay', 'w'], {
      engine: fakeEngine({
        networkCreate: () =>
          Promise.reject(
            new DaemonError(
              'failed-precondition',
              'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
            ),
          ),
      }),
    });
    await expectGolden(
      'network/create-bad-subnet',
      ['network', 'create', '-d', 'overlay', '--subnet', '10.0.9.1/24', 'z'],
      {
        engine: fakeEngine({
          networkCreate: () =>
            Promise.reject(
              new DaemonError(
                'invalid-argument',
                'invalid network config:\ninvalid subnet 10.0.9.1/24: it should be 10.0.9.0/24',
              ),
            ),
        }),
      },
    );
  });

  it('says a local driver network is not simulated (bridge is the default)', async () => {
    for (const flags of [[], ['-d', 'macvlan']]) {
      const result = await runDocker(['network', 'create', ...flags, 'local'], {
        engine: recording([]),
      });
      expect(result).toEqual({
        stdout: '',
        stderr: 'docker network create: not simulated in this playground yet\n',
        code: 1,
      });
    }
  });
});
