import { describe, expect, it } from 'vitest';
import { runDocker } from '../../../support/docker-run';
import { fakeEngine } from '../../../support/fake-engine';
import { expectGolden } from '../swarm/golden-run';
import { ALL, findNetwork } from './fixtures';

const engine = () => fakeEngine({ networkInspect: ({ id }) => findNetwork(ALL, id) });

describe('docker network inspect (cli/command/network/inspect.go)', () => {
  it("prints the daemon's JSON, a local instance with its containers and peers", async () => {
    await expectGolden('network/inspect-ingress', ['network', 'inspect', 'ingress'], {
      engine: engine(),
    });
  });

  it('prints what it found, then the error unwrapped, exit 1', async () => {
    await expectGolden('network/inspect-missing', ['network', 'inspect', 'x', 'nosuch'], {
      engine: engine(),
    });
    const alone = await runDocker(['network', 'inspect', 'nosuch'], { engine: engine() });
    expect(alone).toEqual({
      stdout: '[]\n',
      stderr: 'Error response from daemon: network nosuch not found\n',
      code: 1,
    });
  });

  it('runs a template on the JSON the daemon sent', async () => {
    const result = await runDocker(
      [
        'network',
        'inspect',
        '--format',
        '{{.Id}} {{range .IPAM.Config}}{{.Subnet}}{{end}} {{json .Labels}}',
        'x',
      ],
      { engine: engine() },
    );
    expect(result).toEqual({
      stdout: 'j2g6sa5cocswhh51im3qranzs 10.0.1.0/24 {"env":"prod","team":"web"}\n',
      stderr: '',
      code: 0,
    });
  });

  it("answers {{.ID}} from docker's typed struct, and {{.Id}} through its raw fallback", async () => {
    const format = async (template: string) =>
      (await runDocker(['network', 'inspect', '--format', template, 'x'], { engine: engine() }))
        .stdout;
    expect(await format('{{.ID}}')).toBe('j2g6sa5cocswhh51im3qranzs\n');
    expect(await format('{{.Id}}')).toBe('j2g6sa5cocswhh51im3qranzs\n');
    // Neither spelling is a field of the other's reading, so a typo still fails.
    const wrong = await runDocker(['network', 'inspect', '--format', '{{.Idd}}', 'x'], {
      engine: engine(),
    });
    expect(wrong.code).toBe(1);
  });

  it('says --verbose is not simulated', async () => {
    const result = await runDocker(['network', 'inspect', '-v', 'x'], { engine: engine() });
    expect(result).toEqual({
      stdout: '',
      stderr: 'docker network inspect: not simulated in this playground yet\n',
      code: 1,
    });
  });
});
