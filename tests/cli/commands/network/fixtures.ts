import type { NetworkInspect } from '../../../../src/api/network';
import { DaemonError } from '../../../../src/api/errors';

/**
 * Networks as a manager's daemon lists them, after the oracle swarm's (engine 20.10.24, one
 * manager and one worker, 2026-12-07): the local bridge, docker_gwbridge, host and none, the
 * ingress network and a user overlay `x`; IDs as recorded.
 */
function network(
  parts: Partial<NetworkInspect> & Pick<NetworkInspect, 'Name' | 'Id'>,
): NetworkInspect {
  const { Name, Id, ...rest } = parts;
  return {
    Name,
    Id,
    Created: '2026-12-07T23:07:25.147567138Z',
    Scope: 'local',
    Driver: 'bridge',
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: null, Config: [] },
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: {},
    Options: {},
    Labels: {},
    ...rest,
  };
}

export const BRIDGE = network({
  Name: 'bridge',
  Id: 'bb255cc7a59060ba3bc5ffb9fc1a5dcd20e84e05b27d7d7bb2e9b0eb5b36ad57',
  IPAM: {
    Driver: 'default',
    Options: null,
    Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }],
  },
});
export const GWBRIDGE = network({
  Name: 'docker_gwbridge',
  Id: '70faa594855d05d5e7a40f6f4f3e8f4b0e62b9c0b1f0bbf1ba1d0be8d0ce1b3c',
});
export const HOST = network({
  Name: 'host',
  Id: '07192c0f8e26a2fb7c5b83bd9b5aa0ff1b1b79c03ad0e5f6b1cd1f3d7aa0b8f0',
  Driver: 'host',
});
export const NONE = network({
  Name: 'none',
  Id: 'f2420101fc83d2b9f4b2fb0a0e2e54b3b5c1f8f3c5c1c0a9d8e7f6a5b4c3d2e1',
  Driver: 'null',
});
export const INGRESS = network({
  Name: 'ingress',
  Id: 'x3glhwma0eiazim2n746fzqcy',
  Created: '2026-12-07T23:07:28.192161653Z',
  Scope: 'swarm',
  Driver: 'overlay',
  IPAM: {
    Driver: 'default',
    Options: null,
    Config: [{ Subnet: '10.0.0.0/24', Gateway: '10.0.0.1' }],
  },
  Ingress: true,
  Containers: {
    'ingress-sbox': {
      Name: 'ingress-endpoint',
      EndpointID: '5ae2d14f928845c0284889978c3fa3d5898ea501523e87ee2b51f27ef645272a',
      MacAddress: '02:42:0a:00:00:02',
      IPv4Address: '10.0.0.2/24',
      IPv6Address: '',
    },
  },
  Options: { 'com.docker.network.driver.overlay.vxlanid_list': '4096' },
  Peers: [
    { Name: '885b9aaaf6d1', IP: '10.213.0.11' },
    { Name: '7f11303e2a17', IP: '10.213.0.21' },
  ],
});
export const X = network({
  Name: 'x',
  Id: 'j2g6sa5cocswhh51im3qranzs',
  Created: '2026-12-07T23:08:10.11212992Z',
  Scope: 'swarm',
  Driver: 'overlay',
  IPAM: {
    Driver: 'default',
    Options: null,
    Config: [{ Subnet: '10.0.1.0/24', Gateway: '10.0.1.1' }],
  },
  Containers: null,
  Options: { 'com.docker.network.driver.overlay.vxlanid_list': '4097', encrypted: '' },
  Labels: { env: 'prod', team: 'web' },
});

export const ALL = [X, NONE, INGRESS, HOST, GWBRIDGE, BRIDGE];

/** moby's lookup over the fixtures: ID, name, ID prefix; `network x not found` otherwise. */
export function findNetwork(
  networks: readonly NetworkInspect[],
  id: string,
): Promise<NetworkInspect> {
  const found =
    networks.find((n) => n.Id === id) ??
    networks.find((n) => n.Name === id) ??
    networks.find((n) => id !== '' && n.Id.startsWith(id));
  return found === undefined
    ? Promise.reject(new DaemonError('not-found', `network ${id} not found`))
    : Promise.resolve(found);
}
