import { describe, expect, it } from 'vitest';
import type { NetworkCreateRequest } from '../../../src/api/network';
import type { ServiceSpec } from '../../../src/api/service';
import { allocateTasks } from '../../../src/swarm/allocator';
import {
  createNetwork,
  removeNetwork,
  resolveNetwork,
} from '../../../src/swarm/controlapi/network';
import { getService, allTasks, removeAction } from '../../../src/swarm/store';
import { swarmOf, type TestSwarm } from '../../support/builders';
import { create, report, settle } from '../../support/leader-loops';
import { errorOf, valueOf } from '../../support/outcome';

function overlay(swarm: TestSwarm, name: string): string {
  const request: NetworkCreateRequest = {
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
  };
  const created = valueOf(createNetwork(swarm.context(), request));
  swarm.apply(created.proposal);
  return created.id;
}

function onNetworks(
  replicas: number,
  networks: string[],
  parts: Partial<ServiceSpec> = {},
): Partial<ServiceSpec> {
  return {
    TaskTemplate: {
      ContainerSpec: { Image: 'nginx:latest' },
      Networks: networks.map((target) => ({ Target: target })),
      ForceUpdate: 0,
    },
    Mode: { Replicated: { Replicas: replicas } },
    ...parts,
  };
}

/** Every address a live task, a VIP or a node holds on the network, as `a.b.c.d/n`. */
function addressesOn(swarm: TestSwarm, networkId: string): string[] {
  const addresses: string[] = [];
  for (const { task } of allTasks(swarm.store)) {
    for (const attachment of task.NetworksAttachments ?? []) {
      if (attachment.Network.ID === networkId) addresses.push(...(attachment.Addresses ?? []));
    }
  }
  for (const record of Object.values(swarm.store.services ?? {})) {
    for (const vip of record.service.Endpoint.VirtualIPs ?? []) {
      if (vip.NetworkID === networkId) addresses.push(vip.Addr ?? '');
    }
  }
  for (const record of Object.values(swarm.store.nodes)) {
    for (const attachment of record.attachments ?? []) {
      if (attachment.Network.ID === networkId) addresses.push(...(attachment.Addresses ?? []));
    }
  }
  return addresses;
}

/** The networks the nodes hold attachments on. */
function nodeNetworkIds(swarm: TestSwarm): string[] {
  return Object.values(swarm.store.nodes).flatMap((record) =>
    (record.attachments ?? []).map((attachment) => attachment.Network.ID),
  );
}

describe('the allocator pass (swarmkit manager/allocator/network.go)', () => {
  it('gives each node an ingress-sbox address, a service a VIP per network, and its tasks one each', () => {
    const swarm = swarmOf(1, 2);
    settle(swarm);
    const ingress = valueOf(resolveNetwork(swarm.store, 'ingress')).ID;
    // The nodes' ingress sandboxes, in node ID order.
    expect(addressesOn(swarm, ingress).sort()).toEqual([
      '10.0.0.2/24',
      '10.0.0.3/24',
      '10.0.0.4/24',
    ]);
    const front = overlay(swarm, 'front');
    const web = create(
      swarm,
      'web',
      onNetworks(2, ['front'], {
        EndpointSpec: {
          Mode: 'vip',
          Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080 }],
        },
      }),
    );
    expect(getService(swarm.store, web)?.service.Endpoint.VirtualIPs).toEqual([
      { NetworkID: ingress, Addr: '10.0.0.5/24' },
      { NetworkID: front, Addr: '10.0.1.2/24' },
    ]);
    settle(swarm);
    const tasks = allTasks(swarm.store).map(({ task }) => task);
    expect(tasks.map((task) => task.Status.State)).toEqual(['assigned', 'assigned']);
    expect(
      tasks
        .map((task) =>
          (task.NetworksAttachments ?? []).map((attachment) => [
            attachment.Network.Spec.Name,
            ...(attachment.Addresses ?? []),
          ]),
        )
        .sort(),
    ).toEqual([
      [
        ['ingress', '10.0.0.6/24'],
        ['front', '10.0.1.3/24'],
      ],
      [
        ['ingress', '10.0.0.7/24'],
        ['front', '10.0.1.4/24'],
      ],
    ]);
    // Each node running one of them gets a load-balancer address on front, after the tasks'.
    const balancers = addressesOn(swarm, front).filter(
      (address) => !['10.0.1.2/24', '10.0.1.3/24', '10.0.1.4/24'].includes(address),
    );
    expect(balancers.sort()).toEqual(['10.0.1.5/24', '10.0.1.6/24']);
    const all = addressesOn(swarm, front);
    expect(new Set(all).size).toBe(all.length);
  });

  it('gives no VIP in dnsrr mode, and a task still its address', () => {
    const swarm = swarmOf(1, 0);
    overlay(swarm, 'front');
    const id = create(swarm, 'dns', onNetworks(1, ['front'], { EndpointSpec: { Mode: 'dnsrr' } }));
    expect(getService(swarm.store, id)?.service.Endpoint.VirtualIPs).toBeUndefined();
    settle(swarm);
    const [task] = allTasks(swarm.store).map((record) => record.task);
    expect(task?.NetworksAttachments?.map((a) => a.Addresses)).toEqual([['10.0.1.2/24']]);
  });

  it("frees a dead task's address for the next, never handing out one in use", () => {
    const swarm = swarmOf(1, 0);
    const front = overlay(swarm, 'front');
    create(swarm, 'web', onNetworks(3, ['front']));
    settle(swarm);
    report(swarm, 'running');
    const before = addressesOn(swarm, front);
    expect(new Set(before).size).toBe(before.length);
    // One task fails: the orchestrator replaces it, and its address may be given again.
    report(swarm, 'failed', (task) => task.Slot === 1);
    settle(swarm);
    const after = addressesOn(swarm, front);
    const live = allTasks(swarm.store)
      .filter(({ task }) => task.Status.State !== 'failed')
      .flatMap(({ task }) => (task.NetworksAttachments ?? []).flatMap((a) => a.Addresses ?? []));
    expect(new Set(live).size).toBe(live.length);
    expect(after.length).toBeGreaterThan(before.length);
    expect(allocateTasks(swarm.context())).toEqual([]);
  });

  it('lets a network go once the service and its tasks are gone', () => {
    const swarm = swarmOf(1, 0);
    const front = overlay(swarm, 'front');
    const web = create(swarm, 'web', onNetworks(1, ['front']));
    settle(swarm);
    report(swarm, 'running');
    swarm.apply({ requestId: 'rm', actions: [removeAction('service', web)] });
    const [task] = allTasks(swarm.store).map((record) => record.task);
    const network = valueOf(resolveNetwork(swarm.store, front));
    expect(errorOf(removeNetwork(swarm.context(), network))).toBe(
      `rpc error: code = FailedPrecondition desc = network ${front} is in use by task ${task?.ID ?? ''}`,
    );
    report(swarm, 'shutdown');
    swarm.apply(valueOf(removeNetwork(swarm.context(), network)));
    // The node lets go of its load-balancer address on the network that went.
    expect(nodeNetworkIds(swarm)).toContain(front);
    settle(swarm);
    expect(nodeNetworkIds(swarm)).not.toContain(front);
  });
});
