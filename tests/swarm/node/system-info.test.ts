import { describe, expect, it } from 'vitest';
import type { SwarmInfo } from '../../../src/api/swarm';
import { INACTIVE_SWARM, systemInfo } from '../../../src/swarm/node/system-info';
import { assertGolden } from '../../support/golden';
import { runDocker } from '../../support/docker-run';
import {
  FAKE_MACHINE,
  fakeEngine,
  IDS,
  managerSwarmInfo,
  NO_LEADER,
} from '../../support/fake-engine';

const TWO_MANAGERS = `WARNING: Running Swarm in a two-manager configuration. This configuration provides
         no fault tolerance, and poses a high risk to lose control over the cluster.
         Refer to https://docs.docker.com/engine/swarm/admin_guide/ to configure the
         Swarm for fault-tolerance.`;

/** `docker info` on a node with this swarm state: the Swarm section, and stderr. */
async function swarmSection(swarm: SwarmInfo, warnings: string[] | null = null) {
  const info = { ...systemInfo(FAKE_MACHINE, swarm), Warnings: warnings };
  const result = await runDocker(['info'], {
    engine: fakeEngine({ info: () => Promise.resolve(info) }),
  });
  const lines = result.stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith(' Swarm: '));
  const end = lines.findIndex((line) => line.startsWith(' Runtimes: '));
  expect(lines[start - 1]).toMatch(/^ {2}Log: /);
  return {
    section: `${lines.slice(start, end).join('\n')}\n`,
    stderr: result.stderr,
    code: result.code,
  };
}

const WORKER: SwarmInfo = {
  NodeID: IDS.worker1,
  NodeAddr: '192.168.0.20',
  LocalNodeState: 'active',
  ControlAvailable: false,
  Error: '',
  RemoteManagers: managerSwarmInfo().RemoteManagers,
};

describe('docker info, Swarm section (reference §8.1)', () => {
  it('shows the cluster on an active manager, with two spaces after each pool', async () => {
    const { section, code } = await swarmSection(managerSwarmInfo());
    expect(code).toBe(0);
    expect(section).toContain('  Default Address Pool: 10.0.0.0/8  \n');
    assertGolden(section, 'tests/cli/testdata/swarm/info-manager.golden');
  });

  it('shows only the node and its managers on a worker', async () => {
    const { section } = await swarmSection(WORKER);
    assertGolden(section, 'tests/cli/testdata/swarm/info-worker.golden');
  });

  it('shows the state alone when locked or inactive', async () => {
    expect((await swarmSection({ ...INACTIVE_SWARM, LocalNodeState: 'locked' })).section).toBe(
      ' Swarm: locked\n',
    );
    expect((await swarmSection(INACTIVE_SWARM)).section).toBe(' Swarm: inactive\n');
  });

  it('shows the error of a pending node and of a manager without a leader', async () => {
    const pending = await swarmSection({
      ...WORKER,
      LocalNodeState: 'pending',
      Error: 'Timeout was reached before node joined.',
      RemoteManagers: null,
    });
    assertGolden(pending.section, 'tests/cli/testdata/swarm/info-pending.golden');
    const noLeader = await swarmSection({ ...managerSwarmInfo(), Error: NO_LEADER });
    assertGolden(noLeader.section, 'tests/cli/testdata/swarm/info-no-leader.golden');
  });

  it('prints the two-manager warning on stderr', async () => {
    const { stderr } = await swarmSection({ ...managerSwarmInfo(), Managers: 2 }, [TWO_MANAGERS]);
    expect(stderr).toBe(`${TWO_MANAGERS}\n`);
  });
});
