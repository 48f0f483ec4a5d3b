import { describe, expect, it } from 'vitest';
import { dockerOn as docker, startPlayground } from '../support/playground';

/**
 * Issue 12's first item, typed on a simulated `1m2w` swarm: overlay networks, their addresses
 * from the default pool, a service's VIPs and its tasks' attachments, and what each node lists.
 * The numbers follow what the oracle swarm printed (engine 20.10.24, one manager and one worker):
 * ingress 10.0.0.0/24 with the nodes' ingress-sbox at .2 and .3, a first user overlay
 * 10.0.1.0/24 whose first service VIP is .2 and whose tasks follow.
 */
describe('overlay networks', () => {
  it('creates an overlay, attaches a service to it, and lists it where its tasks run', async () => {
    const playground = await startPlayground('1m2w');
    await playground.advance(10_000);

    const ls = await docker(
      playground,
      'manager1',
      'network ls --format {{.Name}}/{{.Driver}}/{{.Scope}}',
    );
    expect(ls.stdout).toBe(
      [
        'bridge/bridge/local',
        'docker_gwbridge/bridge/local',
        'host/host/local',
        'ingress/overlay/swarm',
        'none/null/local',
        '',
      ].join('\n'),
    );
    const ingress = await docker(playground, 'manager1', [
      'network',
      'inspect',
      'ingress',
      '--format',
      '{{json .IPAM.Config}}',
    ]);
    expect(ingress.stdout).toBe('[{"Subnet":"10.0.0.0/24","Gateway":"10.0.0.1"}]\n');

    const created = await docker(playground, 'manager1', 'network create -d overlay front');
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toMatch(/^[0-9a-z]{25}\n$/);
    const inspect = await docker(playground, 'manager1', 'network inspect front');
    const [network] = JSON.parse(inspect.stdout) as [Record<string, unknown>];
    expect(network).toMatchObject({
      Name: 'front',
      Scope: 'swarm',
      Driver: 'overlay',
      IPAM: {
        Driver: 'default',
        Options: null,
        Config: [{ Subnet: '10.0.1.0/24', Gateway: '10.0.1.1' }],
      },
      Containers: null,
      Options: { 'com.docker.network.driver.overlay.vxlanid_list': '4097' },
      Labels: null,
    });

    const service = await docker(
      playground,
      'manager1',
      'service create -d --name web --replicas 2 --network front -p 8080:80 nginx',
    );
    expect(service.code).toBe(0);
    await playground.advance(15_000);
    const vips = await docker(playground, 'manager1', [
      'service',
      'inspect',
      'web',
      '--format',
      '{{json .Endpoint.VirtualIPs}}',
    ]);
    const ingressId = (
      await docker(playground, 'manager1', 'network inspect -f {{.Id}} ingress')
    ).stdout.trim();
    const frontId = created.stdout.trim();
    expect(JSON.parse(vips.stdout)).toEqual([
      { NetworkID: ingressId, Addr: '10.0.0.5/24' },
      { NetworkID: frontId, Addr: '10.0.1.2/24' },
    ]);
    const tasks = await docker(playground, 'manager1', 'service ps -q web');
    const addresses = [];
    for (const id of tasks.stdout.trim().split('\n')) {
      const attached = await docker(playground, 'manager1', [
        'inspect',
        '--format',
        '{{range .NetworksAttachments}}{{.Network.Spec.Name}}={{index .Addresses 0}} {{end}}',
        id,
      ]);
      addresses.push(attached.stdout.trim());
    }
    expect(addresses.sort()).toEqual([
      'ingress=10.0.0.6/24 front=10.0.1.3/24',
      'ingress=10.0.0.7/24 front=10.0.1.4/24',
    ]);

    // Each node lists ingress; a worker lists front only while a task of it runs there.
    const nodes = await docker(playground, 'manager1', [
      'service',
      'ps',
      'web',
      '--format',
      '{{.Node}}',
    ]);
    const running = nodes.stdout.trim().split('\n');
    for (const host of ['worker1', 'worker2']) {
      const listed = await docker(playground, host, 'network ls --format {{.Name}}');
      expect(listed.stdout).toContain('ingress\n');
      if (running.includes(host)) expect(listed.stdout).toContain('front\n');
      else expect(listed.stdout).not.toContain('front\n');
    }
    const host = running[0] ?? '';
    const container = (await docker(playground, host, 'ps -q')).stdout.trim();
    const settings = await docker(playground, host, [
      'inspect',
      '--format',
      '{{range $name, $endpoint := .NetworkSettings.Networks}}{{$name}}={{$endpoint.IPAddress}} {{end}}',
      container,
    ]);
    expect(settings.stdout).toMatch(/^front=10\.0\.1\.[34] ingress=10\.0\.0\.[67] \n$/);
    const onNode = await docker(playground, host, 'network inspect front');
    const [local] = JSON.parse(onNode.stdout) as [
      { Containers: Record<string, { Name: string; IPv4Address: string }> },
    ];
    expect(
      Object.values(local.Containers)
        .map((endpoint) => endpoint.Name)
        .sort(),
    ).toEqual(['front-endpoint', expect.stringMatching(/^web\.[12]\.[0-9a-z]{25}$/)]);
    const rm = await docker(playground, 'manager1', 'network rm front');
    expect(rm.code).toBe(1);
    expect(rm.stderr).toMatch(
      /^Error response from daemon: rpc error: code = FailedPrecondition desc = network [0-9a-z]{25} is in use by service [0-9a-z]{25}\n$/,
    );
  });
});
