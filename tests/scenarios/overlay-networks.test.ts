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

describe('services on overlay networks', () => {
  it('adds and removes a network with a rolling update, and gives a dnsrr service no VIP', async () => {
    const playground = await startPlayground('1m2w');
    await playground.advance(10_000);
    await docker(playground, 'manager1', 'network create -d overlay front');
    await docker(playground, 'manager1', 'network create -d overlay back');
    await docker(
      playground,
      'manager1',
      'service create -d --name api --network front busybox sleep 1d',
    );
    await playground.advance(15_000);
    const before = (await docker(playground, 'manager1', 'service ps -q api')).stdout.trim();

    const added = await docker(playground, 'manager1', 'service update -d --network-add back api');
    expect(added).toMatchObject({ code: 0, stdout: 'api\n' });
    await playground.advance(30_000);
    const networks = await docker(playground, 'manager1', [
      'service',
      'inspect',
      'api',
      '--format',
      '{{range .Spec.TaskTemplate.Networks}}{{.Target}} {{end}}/{{range .Endpoint.VirtualIPs}}{{.Addr}} {{end}}',
    ]);
    expect(networks.stdout).toMatch(
      /^[0-9a-z]{25} [0-9a-z]{25} \/10\.0\.[12]\.\d+\/24 10\.0\.[12]\.\d+\/24 \n$/,
    );
    // The task was replaced: the old one shut down, a new one runs on both networks.
    const tasks = await docker(playground, 'manager1', [
      'service',
      'ps',
      'api',
      '--format',
      '{{.ID}} {{.DesiredState}}',
    ]);
    expect(tasks.stdout).toContain(`${before.slice(0, 12)} Shutdown`);
    const again = await docker(playground, 'manager1', 'service update -d --network-add back api');
    expect(again).toEqual({
      stdout: '',
      stderr: 'service is already attached to network back\n',
      code: 1,
    });

    const removed = await docker(
      playground,
      'manager1',
      'service update -d --network-rm front api',
    );
    expect(removed.code).toBe(0);
    const left = await docker(playground, 'manager1', [
      'service',
      'inspect',
      'api',
      '--format',
      '{{len .Spec.TaskTemplate.Networks}} {{len .Endpoint.VirtualIPs}}',
    ]);
    expect(left.stdout).toBe('1 1\n');

    await docker(
      playground,
      'manager1',
      'service create -d --name dns --endpoint-mode dnsrr --network back busybox sleep 1d',
    );
    const dns = await docker(playground, 'manager1', [
      'service',
      'inspect',
      'dns',
      '--format',
      '{{json .Endpoint.VirtualIPs}}',
    ]);
    expect(dns.stdout).toBe('null\n');
  });

  it("answers docker's errors for networks a service cannot use and for a worker", async () => {
    const playground = await startPlayground('1m2w');
    await playground.advance(10_000);
    const missing = await docker(
      playground,
      'manager1',
      'service create -d --network nosuch busybox',
    );
    expect(missing).toMatchObject({
      code: 1,
      stderr: 'Error response from daemon: network nosuch not found\n',
    });
    const ingress = await docker(
      playground,
      'manager1',
      'service create -d --network ingress busybox',
    );
    expect(ingress.stderr).toBe(
      'Error response from daemon: rpc error: code = InvalidArgument desc = Service cannot be explicitly attached to the ingress network "ingress"\n',
    );
    const worker = await docker(playground, 'worker1', 'network create -d overlay w');
    expect(worker).toMatchObject({
      code: 1,
      stderr:
        'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n',
    });
    const bad = await docker(
      playground,
      'manager1',
      'network create -d overlay --subnet 10.0.9.1/24 z',
    );
    expect(bad.stderr).toBe(
      'Error response from daemon: invalid network config:\ninvalid subnet 10.0.9.1/24: it should be 10.0.9.0/24\n',
    );
    const builtin = await docker(playground, 'manager1', 'network rm bridge');
    expect(builtin.stderr).toBe(
      'Error response from daemon: bridge is a pre-defined network and cannot be removed\n',
    );
    const filters = await docker(
      playground,
      'manager1',
      'network ls -f type=custom --format {{.Name}}',
    );
    expect(filters.stdout).toBe('docker_gwbridge\ningress\n');
    // As on the oracle manager: a list is not detailed, so every custom network is dangling,
    // and a name matches a swarm network by substring only through its local instance.
    const dangling = await docker(
      playground,
      'manager1',
      'network ls -f dangling=true --format {{.Name}}',
    );
    expect(dangling.stdout).toBe('docker_gwbridge\ningress\n');
    const byName = await docker(
      playground,
      'manager1',
      'network ls -f name=ingre --format {{.Name}}',
    );
    expect(byName.stdout).toBe('ingress\n');
    await docker(playground, 'manager1', 'network create -d overlay remote');
    const exact = await docker(
      playground,
      'manager1',
      'network ls -f name=remot --format {{.Name}}',
    );
    expect(exact.stdout).toBe('');
    await docker(playground, 'manager1', 'network rm remote');
    const refused = await docker(playground, 'manager1', 'network ls -f foo=bar');
    expect(refused.stderr).toBe("Error response from daemon: invalid filter 'foo'\n");
    await docker(playground, 'manager1', 'network create -d overlay unused');
    const pruned = await docker(playground, 'manager1', 'network prune -f');
    expect(pruned.stdout).toBe('Deleted Networks:\nunused\n\n');
  });
});
