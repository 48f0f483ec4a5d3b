import { describe, expect, it } from 'vitest';
import type { NetworkCreateRequest } from '../../../src/api/network';
import {
  createNetwork,
  pruneNetworks,
  removeNetwork,
  resolveNetwork,
} from '../../../src/swarm/controlapi/network';
import { swarmOf, type TestSwarm } from '../../support/builders';
import { create, settle } from '../../support/leader-loops';
import { errorOf, valueOf } from '../../support/outcome';

/** What `docker network create -d overlay NAME` sends, with the given parts. */
function request(name: string, parts: Partial<NetworkCreateRequest> = {}): NetworkCreateRequest {
  return {
    Name: name,
    Driver: 'overlay',
    Scope: '',
    IPAM: { Driver: 'default', Options: {}, Config: [] },
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigOnly: false,
    Options: {},
    Labels: {},
    ...parts,
  };
}

function made(swarm: TestSwarm, name: string, parts: Partial<NetworkCreateRequest> = {}): string {
  const created = valueOf(createNetwork(swarm.context(), request(name, parts)));
  swarm.apply(created.proposal);
  return created.id;
}

function network(swarm: TestSwarm, reference: string) {
  return valueOf(resolveNetwork(swarm.store, reference));
}

describe('creating swarm networks (swarmkit controlapi/network.go, moby networks.go)', () => {
  it('gives ingress the first /24 of the pool at init and each overlay the next', () => {
    const swarm = swarmOf(1, 0);
    expect(network(swarm, 'ingress').IPAMOptions).toEqual({
      Driver: { Name: 'default' },
      Configs: [{ Subnet: '10.0.0.0/24', Gateway: '10.0.0.1' }],
    });
    made(swarm, 'front');
    made(swarm, 'mine', {
      IPAM: {
        Driver: 'default',
        Options: {},
        Config: [{ Subnet: '10.0.2.0/24', Gateway: '10.0.2.254' }],
      },
      Options: { encrypted: '' },
      Labels: { team: 'web' },
      Attachable: true,
    });
    made(swarm, 'back');
    expect(network(swarm, 'front').IPAMOptions?.Configs).toEqual([
      { Subnet: '10.0.1.0/24', Gateway: '10.0.1.1' },
    ]);
    // 10.0.2.0/24 is taken by the subnet asked for, so the next default one skips it.
    expect(network(swarm, 'back').IPAMOptions?.Configs).toEqual([
      { Subnet: '10.0.3.0/24', Gateway: '10.0.3.1' },
    ]);
    const mine = network(swarm, 'mine');
    expect(mine.Spec).toMatchObject({ Attachable: true, Labels: { team: 'web' }, Scope: 'swarm' });
    expect(mine.DriverState).toEqual({
      Name: 'overlay',
      Options: { 'com.docker.network.driver.overlay.vxlanid_list': '4098', encrypted: '' },
    });
  });

  it('refuses what swarmkit and moby refuse, with their texts', () => {
    const swarm = swarmOf(1, 0);
    made(swarm, 'front');
    const refused = (name: string, parts: Partial<NetworkCreateRequest> = {}): string =>
      errorOf(createNetwork(swarm.context(), request(name, parts)));
    expect(refused('front')).toBe('network with name front already exists');
    expect(refused('bridge')).toBe('network with name bridge already exists');
    expect(refused('a.b')).toBe(
      'rpc error: code = InvalidArgument desc = name must be valid as a DNS name component',
    );
    expect(refused('a'.repeat(64))).toBe(
      'rpc error: code = InvalidArgument desc = name must be 63 characters or fewer',
    );
    expect(refused('x', { Ingress: true, Attachable: true })).toBe(
      'rpc error: code = InvalidArgument desc = ingress network cannot be attachable',
    );
    expect(refused('x', { Ingress: true })).toBe(
      `rpc error: code = AlreadyExists desc = ingress network (${network(swarm, 'ingress').ID}) is already present`,
    );
    expect(refused('x', { Labels: { 'com.docker.swarm.predefined': 'true' } })).toBe(
      'rpc error: code = PermissionDenied desc = label com.docker.swarm.predefined is for internally created predefined networks and cannot be applied by users',
    );
    expect(
      refused('x', {
        IPAM: {
          Driver: 'default',
          Options: {},
          Config: [{ Subnet: '10.0.9.0/24', Gateway: '10.0.8.1' }],
        },
      }),
    ).toBe(
      'rpc error: code = InvalidArgument desc = ipam configuration: subnet 10.0.9.0/24 does not contain gateway 10.0.8.1',
    );
  });

  it('finds a network by ID, exact name or unique ID prefix, as moby getNetwork does', () => {
    const swarm = swarmOf(1, 0);
    const id = made(swarm, 'front');
    expect(network(swarm, id).Spec.Name).toBe('front');
    expect(network(swarm, id.slice(0, 5)).ID).toBe(id);
    expect(errorOf(resolveNetwork(swarm.store, 'nosuch'))).toBe('network nosuch not found');
  });
});

describe('removing swarm networks', () => {
  it('refuses while a service or a live task uses it, naming them by ID', () => {
    const swarm = swarmOf(1, 1);
    const id = made(swarm, 'front');
    const service = create(swarm, 'web', {
      TaskTemplate: {
        ContainerSpec: { Image: 'nginx:latest' },
        Networks: [{ Target: 'front' }],
        ForceUpdate: 0,
      },
    });
    settle(swarm);
    expect(errorOf(removeNetwork(swarm.context(), network(swarm, id)))).toBe(
      `rpc error: code = FailedPrecondition desc = network ${id} is in use by service ${service}`,
    );
    const ingress = network(swarm, 'ingress');
    expect(removeNetwork(swarm.context(), ingress).ok).toBe(true);
  });

  it('refuses ingress while a service publishes an ingress port', () => {
    const swarm = swarmOf(1, 0);
    const service = create(swarm, 'web', {
      EndpointSpec: {
        Mode: 'vip',
        Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080 }],
      },
    });
    expect(errorOf(removeNetwork(swarm.context(), network(swarm, 'ingress')))).toBe(
      `rpc error: code = FailedPrecondition desc = ingress network cannot be removed because service ${service} depends on it`,
    );
  });

  it('prunes every unused network but ingress, in the store order, and keeps what filters keep', () => {
    const swarm = swarmOf(1, 0);
    made(swarm, 'unused');
    made(swarm, 'kept', { Labels: { keep: 'yes' } });
    made(swarm, 'used');
    create(swarm, 'web', {
      TaskTemplate: {
        ContainerSpec: { Image: 'nginx:latest' },
        Networks: [{ Target: 'used' }],
        ForceUpdate: 0,
      },
    });
    const pruned = pruneNetworks(
      swarm.context(),
      (candidate) => candidate.Spec.Labels.keep === 'yes',
    );
    expect([...pruned.names].sort()).toEqual(['unused']);
    swarm.apply(pruned.proposal);
    expect(errorOf(resolveNetwork(swarm.store, 'unused'))).toBe('network unused not found');
    expect(pruneNetworks(swarm.context(), () => true).proposal).toBeNull();
  });
});
