import { FakeClock } from '../../support/fake-clock';
import { describe, expect, it } from 'vitest';
import { defaultClientOptions, type DockerCli } from '../../../src/cli/command/cli';
import type { Command } from '../../../src/cli/command/command';
import { newDockerCommand } from '../../../src/cli/commands/root';
import { neverCancelled } from '../../../src/lib/cancel';
import { fakeEngine } from '../../support/fake-engine';
import { runDocker } from '../../support/docker-run';
import { assertGolden } from '../../support/golden';

const MANAGER = fakeEngine({
  ping: () => Promise.resolve({ apiVersion: '1.47', osType: 'linux', swarm: 'active/manager' }),
});

/** Every command path a user can ask help for: visible commands, groups included. */
function helpPaths(): string[][] {
  const silent = { write: () => undefined };
  const cli: DockerCli = {
    out: silent,
    err: silent,
    in: { isTerminal: false, readAll: () => Promise.resolve('') },
    engine: MANAGER,
    terminal: null,
    cancel: neverCancelled,
    host: {
      hostname: 'manager1',
      engine: MANAGER,
      history: [],
      env: new Map(),
      clock: new FakeClock(),
    },
    options: defaultClientOptions('/root'),
  };
  const paths: string[][] = [];
  const walk = (command: Command, path: string[]): void => {
    if (command.plugin || command.hidden) return;
    paths.push(path);
    for (const child of command.commands()) walk(child, [...path, child.name()]);
  };
  walk(newDockerCommand(cli), []);
  return paths;
}

function goldenPath(path: readonly string[]): string {
  const name = path.length === 0 ? 'docker' : path.join('-');
  return `tests/cli/testdata/help/${name}.golden`;
}

describe('docker <command> --help', () => {
  it.each(helpPaths().map((path) => [path.join(' ') || 'docker', path] as const))(
    '%s matches its golden file',
    async (_label, path) => {
      const result = await runDocker([...path, '--help'], { engine: MANAGER });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      assertGolden(result.stdout, goldenPath(path));
    },
  );
});
