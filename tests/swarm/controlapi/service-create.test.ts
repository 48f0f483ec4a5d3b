import { describe, expect, it } from 'vitest';
import { createService } from '../../../src/swarm/controlapi/service-create';
import { updateService } from '../../../src/swarm/controlapi/service-update';
import { resolveService } from '../../../src/swarm/controlapi/service-lookup';
import { swarmOf } from '../../support/builders';
import { serviceSpec } from '../../support/service-specs';

describe('createService', () => {
  it.each([
    [
      'web.1',
      'rpc error: code = InvalidArgument desc = name must be valid as a DNS name component',
    ],
    ['-web', 'rpc error: code = InvalidArgument desc = name must be valid as a DNS name component'],
    [
      'a'.repeat(64),
      'rpc error: code = InvalidArgument desc = name must be 63 characters or fewer',
    ],
  ])('refuses the name %s', (name, message) => {
    const created = createService(swarmOf(1, 0).context(), serviceSpec(name));
    expect(created.ok ? '' : created.error.message).toBe(message);
  });

  it.each([
    [{ RestartPolicy: { Condition: 'always' } }, 'invalid RestartCondition: "always"'],
    [
      { ContainerSpec: { Image: 'nginx', Mounts: [{ Type: 'disk', Target: '/data' }] } },
      'invalid MountType: "disk"',
    ],
  ])("refuses what moby's conversion refuses, with its text: %j", (task, message) => {
    const spec = serviceSpec('web');
    const created = createService(swarmOf(1, 0).context(), {
      ...spec,
      TaskTemplate: { ...spec.TaskTemplate, ...task },
    });
    expect(created.ok ? '' : created.error.message).toBe(message);
  });

  it('refuses a bad endpoint mode, two modes, and an unknown update action or order', () => {
    const context = swarmOf(1, 0).context();
    const refusal = (parts: Partial<ReturnType<typeof serviceSpec>>): string => {
      const created = createService(context, serviceSpec('web', parts));
      return created.ok ? '' : created.error.message;
    };
    expect(refusal({ EndpointSpec: { Mode: 'round-robin' } })).toBe(
      'invalid resolution mode: "round-robin"',
    );
    expect(refusal({ Mode: { Replicated: {}, Global: {} } })).toBe(
      'must specify only one service mode',
    );
    const update = { Parallelism: 1, MaxFailureRatio: 0, Order: 'stop-first' };
    expect(refusal({ UpdateConfig: { ...update, FailureAction: 'retry' } })).toBe(
      'unrecognized update failure action retry',
    );
    expect(refusal({ UpdateConfig: { ...update, Order: 'random' } })).toBe(
      'unrecognized update order random',
    );
  });

  it('refuses a name in use, in any case, with the AlreadyExists text', () => {
    const swarm = swarmOf(1, 0);
    const first = createService(swarm.context(), serviceSpec('web'));
    if (!first.ok) throw new Error(first.error.message);
    swarm.apply(first.value.proposal);
    const second = createService(swarm.context(), serviceSpec('WEB'));
    expect(second.ok ? '' : second.error.message).toBe(
      'rpc error: code = AlreadyExists desc = name conflicts with an existing object: service WEB already exists',
    );
  });

  it('names a service without a name as moby does, adjective_surname', () => {
    const swarm = swarmOf(1, 0);
    const created = createService(swarm.context(), serviceSpec(''));
    if (!created.ok) throw new Error(created.error.message);
    swarm.apply(created.value.proposal);
    const found = resolveService(swarm.store, created.value.serviceId);
    expect(found.ok ? found.value.service.Spec.Name : '').toMatch(/^[a-z]+_[a-z]+$/);
  });

  it('refuses a constraint with a single = as an Unknown rpc error, as swarmkit does', () => {
    const spec = serviceSpec('web');
    const created = createService(swarmOf(1, 0).context(), {
      ...spec,
      TaskTemplate: { ...spec.TaskTemplate, Placement: { Constraints: ['node.role=manager'] } },
    });
    expect(created.ok ? '' : created.error.message).toBe(
      'rpc error: code = Unknown desc = constraint expected one operator from ==, !=',
    );
  });

  it('gives an ingress port without a published port the lowest free one from 30000', () => {
    const swarm = swarmOf(1, 0);
    const ports = (name: string, target: number) =>
      serviceSpec(name, {
        EndpointSpec: {
          Mode: 'vip',
          Ports: [{ Protocol: 'tcp', TargetPort: target, PublishMode: 'ingress' }],
        },
      });
    for (const [name, target] of [
      ['a', 80],
      ['b', 80],
    ] as const) {
      const created = createService(swarm.context(), ports(name, target));
      if (!created.ok) throw new Error(created.error.message);
      swarm.apply(created.value.proposal);
    }
    const published = ['a', 'b'].map((name) => {
      const found = resolveService(swarm.store, name);
      return found.ok ? found.value.service.Endpoint.Ports?.[0]?.PublishedPort : undefined;
    });
    expect(published).toEqual([30000, 30001]);
  });

  it('refuses a published port another service holds, naming that service', () => {
    const swarm = swarmOf(1, 0);
    const spec = (name: string) =>
      serviceSpec(name, {
        EndpointSpec: {
          Mode: 'vip',
          Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' }],
        },
      });
    const first = createService(swarm.context(), spec('web'));
    if (!first.ok) throw new Error(first.error.message);
    swarm.apply(first.value.proposal);
    const second = createService(swarm.context(), spec('api'));
    expect(second.ok ? '' : second.error.message).toBe(
      `rpc error: code = InvalidArgument desc = port '8080' is already in use by service 'web' (${first.value.serviceId}) as an ingress port`,
    );
  });
});

describe('updateService', () => {
  it('swaps the spec and the previous spec on a rollback, and refuses one without', () => {
    const swarm = swarmOf(1, 0);
    const created = createService(swarm.context(), serviceSpec('web'));
    if (!created.ok) throw new Error(created.error.message);
    swarm.apply(created.value.proposal);
    const lookup = () => {
      const found = resolveService(swarm.store, 'web');
      if (!found.ok) throw new Error(found.error.message);
      return found.value;
    };
    const refused = updateService(swarm.context(), {
      record: lookup(),
      version: lookup().service.Version.Index,
      spec: lookup().service.Spec,
      rollback: 'previous',
    });
    expect(refused.ok ? '' : refused.error.message).toBe(
      `rpc error: code = FailedPrecondition desc = service ${created.value.serviceId} does not have a previous spec`,
    );
    const scaled = { ...lookup().service.Spec, Mode: { Replicated: { Replicas: 3 } } };
    const update = updateService(swarm.context(), {
      record: lookup(),
      version: lookup().service.Version.Index,
      spec: scaled,
      rollback: 'none',
    });
    if (!update.ok) throw new Error(update.error.message);
    swarm.apply(update.value);
    const back = updateService(swarm.context(), {
      record: lookup(),
      version: lookup().service.Version.Index,
      spec: lookup().service.Spec,
      rollback: 'previous',
    });
    if (!back.ok) throw new Error(back.error.message);
    swarm.apply(back.value);
    expect(lookup().service.Spec.Mode).toEqual({ Replicated: { Replicas: 1 } });
    expect(lookup().service.PreviousSpec?.Mode).toEqual({ Replicated: { Replicas: 3 } });
    expect(lookup().service.UpdateStatus?.Message).toBe('manually requested rollback');
  });

  it('refuses a change of mode or of name', () => {
    const swarm = swarmOf(1, 0);
    const created = createService(swarm.context(), serviceSpec('web'));
    if (!created.ok) throw new Error(created.error.message);
    swarm.apply(created.value.proposal);
    const found = resolveService(swarm.store, 'web');
    if (!found.ok) throw new Error(found.error.message);
    const record = found.value;
    const version = record.service.Version.Index;
    const global = updateService(swarm.context(), {
      record,
      version,
      spec: { ...record.service.Spec, Mode: { Global: {} } },
      rollback: 'none',
    });
    expect(global.ok ? '' : global.error.message).toBe(
      'rpc error: code = Unimplemented desc = service mode change is not allowed',
    );
    const renamed = updateService(swarm.context(), {
      record,
      version,
      spec: { ...record.service.Spec, Name: 'api' },
      rollback: 'none',
    });
    expect(renamed.ok ? '' : renamed.error.message).toBe(
      'rpc error: code = Unimplemented desc = renaming services is not supported',
    );
  });
});
