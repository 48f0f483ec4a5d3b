import { describe, expect, it } from 'vitest';
import {
  CONFIG_KIND,
  createDataObject,
  resolveDataObject,
  SECRET_KIND,
  updateDataObject,
} from '../../../src/swarm/controlapi/secret-config';
import { swarmOf } from '../../support/builders';

/** The label-only update `docker stack deploy` makes (swarmkit controlapi UpdateSecret). */
describe('updating a secret or config', () => {
  it('changes the labels only, and keeps the data', () => {
    const swarm = swarmOf(1, 0);
    const created = createDataObject(swarm.context(), SECRET_KIND, {
      Name: 'db',
      Labels: {},
      Data: 'czNjcjN0',
    });
    if (!created.ok) throw new Error(created.error.message);
    swarm.apply(created.value.proposal);
    const found = resolveDataObject(swarm.store, SECRET_KIND, 'db');
    if (!found.ok) throw new Error(found.error.message);
    const secret = found.value;

    const relabelled = updateDataObject(swarm.context(), SECRET_KIND, {
      object: secret,
      version: secret.Version.Index,
      spec: { Name: 'db', Labels: { env: 'prod' } },
    });
    if (!relabelled.ok) throw new Error(relabelled.error.message);
    swarm.apply(relabelled.value);
    const after = resolveDataObject(swarm.store, SECRET_KIND, secret.ID);
    expect(after.ok && after.value.Spec).toEqual({
      Name: 'db',
      Labels: { env: 'prod' },
      Data: 'czNjcjN0',
    });

    for (const spec of [
      { Name: 'other', Labels: {} },
      { Name: 'db', Labels: {}, Data: 'bmV3' },
    ]) {
      const refused = updateDataObject(swarm.context(), SECRET_KIND, {
        object: secret,
        version: secret.Version.Index,
        spec,
      });
      expect(refused.ok ? '' : refused.error.message).toBe(
        'rpc error: code = InvalidArgument desc = only updates to Labels are allowed',
      );
    }
  });

  it("refuses a config name in use and a name swarmkit's rule refuses", () => {
    const swarm = swarmOf(1, 0);
    const spec = { Name: 'site', Labels: {}, Data: 'YT0x' };
    const created = createDataObject(swarm.context(), CONFIG_KIND, spec);
    if (!created.ok) throw new Error(created.error.message);
    swarm.apply(created.value.proposal);
    const again = createDataObject(swarm.context(), CONFIG_KIND, spec);
    expect(again.ok ? '' : again.error.message).toBe(
      'rpc error: code = AlreadyExists desc = config site already exists',
    );
    const bad = createDataObject(swarm.context(), CONFIG_KIND, { ...spec, Name: 'a'.repeat(65) });
    expect(bad.ok ? '' : bad.error.message).toMatch(/desc = invalid name, only 64/);
  });
});
