import { describe, expect, it } from 'vitest';
import { DaemonError } from '../../../../src/api/errors';
import { runDocker } from '../../../support/docker-run';
import { fakeEngine } from '../../../support/fake-engine';
import { ALL, findNetwork } from './fixtures';

const QUESTION = 'Are you sure you want to continue? [y/N] ';
const INGRESS_WARNING =
  'WARNING! Before removing the routing-mesh network, make sure all the nodes in your swarm run the same docker engine version. Otherwise, removal may not be effective and functionality of newly create ingress networks will be impaired.\n';

function removing(removed: string[]) {
  return fakeEngine({
    networkInspect: ({ id }) => findNetwork(ALL, id),
    networkRemove: async ({ id }) => {
      const network = await findNetwork(ALL, id);
      if (network.Name === 'x') {
        throw new DaemonError(
          'failed-precondition',
          'rpc error: code = FailedPrecondition desc = network j2g6sa5cocswhh51im3qranzs is in use by service hkbtskw2nrcw20guw5wzhk7pf',
        );
      }
      removed.push(network.Name);
    },
  });
}

describe('docker network rm (cli/command/network/remove.go)', () => {
  it('goes through every argument, each error on stderr as it comes, exit 1', async () => {
    const removed: string[] = [];
    const result = await runDocker(['network', 'rm', 'nosuch', 'x', 'docker_gwbridge'], {
      engine: removing(removed),
    });
    expect(result).toEqual({
      stdout: 'docker_gwbridge\n',
      stderr:
        'Error response from daemon: network nosuch not found\nError response from daemon: rpc error: code = FailedPrecondition desc = network j2g6sa5cocswhh51im3qranzs is in use by service hkbtskw2nrcw20guw5wzhk7pf\n',
      code: 1,
    });
    expect(removed).toEqual(['docker_gwbridge']);
  });

  it('with -f skips a missing network quietly', async () => {
    const result = await runDocker(['network', 'rm', '-f', 'nosuch'], { engine: removing([]) });
    expect(result).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('asks before removing ingress: no skips it, exit 0; y removes it', async () => {
    const removed: string[] = [];
    const no = await runDocker(['network', 'rm', 'ingress'], {
      engine: removing(removed),
      stdin: 'n\n',
    });
    expect(no).toEqual({ stdout: `${INGRESS_WARNING}${QUESTION}`, stderr: '', code: 0 });
    const yes = await runDocker(['network', 'rm', 'ingress'], {
      engine: removing(removed),
      stdin: 'y\n',
    });
    expect(yes).toEqual({ stdout: `${INGRESS_WARNING}${QUESTION}ingress\n`, stderr: '', code: 0 });
    expect(removed).toEqual(['ingress']);
  });
});
