import { describe, expect, it } from 'vitest';
import type { SwarmSpec } from '../../../../src/api/swarm';
import { daemonError, fakeManagerEngine, SWARM, WORKER_NODE } from '../../../support/fake-engine';
import { expectGolden } from './golden-run';

describe('docker swarm ca', () => {
  it('prints the root CA certificate, trimmed (reference §4.9)', async () => {
    await expectGolden('swarm/ca', ['swarm', 'ca'], { engine: fakeManagerEngine() });
  });

  it('needs --rotate for the CA flags', async () => {
    await expectGolden('swarm/ca-cert-expiry', ['swarm', 'ca', '--cert-expiry', '48h'], {
      engine: fakeManagerEngine(),
    });
  });

  it('fails to read a PEM file, as the playground has no files (exit 125)', async () => {
    const result = await expectGolden('swarm/ca-cert-file', ['swarm', 'ca', '--ca-cert', 'ca.pem']);
    expect(result.code).toBe(125);
  });

  it('asks for a new root CA with --rotate -d and prints nothing', async () => {
    const specs: SwarmSpec[] = [];
    const engine = fakeManagerEngine({
      swarmUpdate: ({ spec }) => {
        specs.push(spec);
        return Promise.resolve();
      },
    });
    await expectGolden('swarm/ca-rotate-detach', ['swarm', 'ca', '--rotate', '-d'], { engine });
    expect(specs[0]?.CAConfig).toEqual({ ...SWARM.Spec.CAConfig, ForceRotate: 1 });
  });

  it('says that following a rotation is not simulated', async () => {
    await expectGolden('swarm/ca-rotate', ['swarm', 'ca', '--rotate'], {
      engine: fakeManagerEngine(),
    });
  });

  it('reports the daemon error on a worker', async () => {
    await expectGolden('swarm/ca-on-worker', ['swarm', 'ca'], {
      engine: fakeManagerEngine({ swarmInspect: () => daemonError(WORKER_NODE) }),
    });
  });
});
