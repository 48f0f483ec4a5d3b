import { describe, it } from 'vitest';
import { expectGolden } from '../swarm/golden-run';

describe('docker service scale (arguments, checked before it runs)', () => {
  it('needs at least one SERVICE=REPLICAS', async () => {
    await expectGolden('service/scale-args', ['service', 'scale']);
  });

  it('refuses a specifier without both sides of its =', async () => {
    await expectGolden('service/scale-specifier', ['service', 'scale', 'web=3', 'api']);
    await expectGolden('service/scale-specifier-empty', ['service', 'scale', 'web=']);
  });
});
