import { describe, expect, it } from 'vitest';
import { Canceller } from '../../src/lib/cancel';
import { Playground } from '../../src/sim/playground';
import { runDocker } from '../support/docker-run';
import { dockerOn as docker, startPlayground } from '../support/playground';

const NO_LEADER =
  'Error response from daemon: rpc error: code = Unknown desc = The swarm does not have a leader. ' +
  "It's possible that too few managers are online. Make sure more than half of the managers are online.\n";
const DEADLINE =
  'Error response from daemon: rpc error: code = DeadlineExceeded desc = context deadline exceeded\n';

/** Forms the classic lab: manager1 leads, manager2/3 join as managers, worker1/2 as workers. */
async function classicLab(playground: Playground): Promise<void> {
  const init = await docker(playground, 'manager1', 'swarm init --advertise-addr 192.168.0.11');
  expect(init.code).toBe(0);
  const manager = (
    await docker(playground, 'manager1', 'swarm join-token -q manager')
  ).stdout.trim();
  const worker = (await docker(playground, 'manager1', 'swarm join-token -q worker')).stdout.trim();
  for (const [host, token] of [
    ['manager2', manager],
    ['manager3', manager],
    ['worker1', worker],
    ['worker2', worker],
  ] as const) {
    const joined = await docker(playground, host, `swarm join --token ${token} 192.168.0.11:2377`);
    expect(joined.stderr).toBe('');
    expect(joined.code).toBe(0);
  }
  await playground.advance(6_000);
}

/** Advances until `host`'s Raft member knows no leader (CheckQuorum made the leader step down). */
async function untilLeaderless(playground: Playground, host: string): Promise<number> {
  for (let waited = 0; waited < 60_000; waited += 500) {
    const raft = playground.view.machines.find((machine) => machine.hostname === host)?.raft;
    if (raft !== undefined && raft !== null && raft.leader === null) return waited;
    await playground.advance(500);
  }
  throw new Error(`${host} still knows a leader after a minute`);
}

function statusColumn(table: string, pattern: RegExp): number {
  return table.split('\n').filter((line) => pattern.test(line)).length;
}

describe('the classic lab through the CLI', () => {
  it('forms, loses quorum, fails with the deadline then the no-leader error, and recovers', async () => {
    const playground = await startPlayground('no-swarm');
    await classicLab(playground);
    const ls = await docker(playground, 'manager1', 'node ls');
    expect(ls.code).toBe(0);
    expect(statusColumn(ls.stdout, /Leader/)).toBe(1);
    expect(statusColumn(ls.stdout, /Reachable/)).toBe(2);
    expect(statusColumn(ls.stdout, /Ready/)).toBe(5);

    await playground.setDaemon('manager2', 'stopped');
    await playground.setDaemon('manager3', 'stopped');
    // CheckQuorum: the leader steps down 10–20 s after it last heard from a majority.
    const stepDown = await untilLeaderless(playground, 'manager1');
    expect(stepDown).toBeGreaterThanOrEqual(9_000);
    expect(stepDown).toBeLessThanOrEqual(21_000);
    // Just after, a call polls for a leader until the daemon's 20 s request timeout.
    const before = playground.view.timeMs;
    const first = await docker(playground, 'manager1', 'node update --label-add a=b worker1');
    expect(first.stderr).toBe(DEADLINE);
    expect(first.code).toBe(1);
    expect(playground.view.timeMs - before).toBeGreaterThanOrEqual(19_000);
    // By now the manager has seen no leader for more than 10 ticks: calls fail at once.
    const write = await docker(playground, 'manager1', 'node update --label-add a=b worker1');
    expect(write.stderr).toBe(NO_LEADER);
    const read = await docker(playground, 'manager1', 'node ls');
    expect(read.stderr).toBe(NO_LEADER);

    await playground.setDaemon('manager2', 'running');
    await playground.advance(15_000);
    const again = await docker(playground, 'manager1', 'node update --label-add a=b worker1');
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe('worker1\n');
    const inspect = await docker(
      playground,
      'manager2',
      'node inspect -f {{.Spec.Labels}} worker1',
    );
    expect(inspect.stdout).toBe('map[a:b]\n');
    playground.dispose();
  }, 60_000);

  it('a write the leader accepted just before it lost quorum fails when it steps down', async () => {
    const playground = await startPlayground('no-swarm');
    await classicLab(playground);
    await playground.setDaemon('manager2', 'stopped');
    await playground.setDaemon('manager3', 'stopped');
    // manager1 still leads until CheckQuorum: it proposes, the entry never commits, and
    // swarmkit cancels the wait when leadership goes (raft.go ErrLostLeadership).
    const before = playground.view.timeMs;
    const write = await docker(playground, 'manager1', 'node update --label-add a=b worker1');
    expect(write.stderr).toBe(
      'Error response from daemon: rpc error: code = Unknown desc = raft: failed to process the request: node lost leader status\n',
    );
    const waited = playground.view.timeMs - before;
    expect(waited).toBeGreaterThanOrEqual(9_000);
    expect(waited).toBeLessThanOrEqual(21_000);
    playground.dispose();
  }, 60_000);

  it('Ctrl+C cancels a call that waits for a leader', async () => {
    const playground = await startPlayground('no-swarm');
    await classicLab(playground);
    await playground.setDaemon('manager2', 'stopped');
    await playground.setDaemon('manager3', 'stopped');
    await untilLeaderless(playground, 'manager1');
    const cancel = new Canceller();
    const pending = runDocker(['node', 'ls'], {
      engine: playground.engine('manager1'),
      cancel: cancel.signal,
    });
    await playground.advance(2_000);
    cancel.cancel();
    const result = await pending;
    // It resolved without any more virtual time passing: the wait was dropped, not timed out.
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/deadline/);
    // The cancelled call left nothing behind: the next one gets the fast error.
    await playground.advance(15_000);
    const next = await docker(playground, 'manager1', 'node ls');
    expect(next.stderr).toBe(NO_LEADER);
    playground.dispose();
  }, 60_000);
});

describe('liveness in docker node ls', () => {
  it('a stopped manager turns Unreachable within seconds and Down after the heartbeat grace', async () => {
    const playground = await startPlayground('no-swarm');
    await classicLab(playground);
    await playground.setDaemon('manager3', 'stopped');
    await playground.setDaemon('worker2', 'stopped');
    const row = async (host: string): Promise<string> => {
      const ls = await docker(playground, 'manager1', 'node ls');
      return ls.stdout.split('\n').find((line) => line.includes(` ${host} `)) ?? '';
    };
    await playground.advance(4_000);
    expect(await row('manager3')).toMatch(/Ready\s+Active\s+Unreachable/);
    expect(await row('worker2')).toMatch(/Ready\s+Active\s+27\.5\.1/);
    // Down comes 13.5–16.5 s after the last heartbeat, and the last one was up to 5.5 s before.
    await playground.advance(18_000);
    expect(await row('manager3')).toMatch(/Down\s+Active\s+Unreachable/);
    expect(await row('worker2')).toMatch(/Down\s+Active\s+27\.5\.1/);
    expect(await row('manager2')).toMatch(/Ready\s+Active\s+Reachable/);
    // The graph reads the same table from the leader's store.
    const view = (host: string) =>
      playground.view.machines.find((machine) => machine.hostname === host);
    expect(view('manager3')).toMatchObject({ nodeStatus: 'down', managerStatus: 'unreachable' });
    expect(view('worker2')).toMatchObject({ nodeStatus: 'down', managerStatus: null });
    expect(view('manager1')).toMatchObject({ nodeStatus: 'ready', managerStatus: 'leader' });
    expect(view('manager2')).toMatchObject({
      nodeStatus: 'ready',
      managerStatus: 'reachable',
      availability: 'active',
    });
    await playground.setDaemon('manager3', 'running');
    await playground.setDaemon('worker2', 'running');
    await playground.advance(8_000);
    expect(await row('manager3')).toMatch(/Ready\s+Active\s+Reachable/);
    expect(await row('worker2')).toMatch(/Ready\s+Active\s+27\.5\.1/);
    playground.dispose();
  }, 60_000);

  it('a stopped leader: a new leader is elected, the old one is Unknown, then Down', async () => {
    const playground = await startPlayground('no-swarm');
    await classicLab(playground);
    await playground.setDaemon('manager1', 'stopped');
    await playground.advance(25_000);
    const ls = await docker(playground, 'manager2', 'node ls');
    expect(ls.stderr).toBe('');
    const row = (host: string): string =>
      ls.stdout.split('\n').find((line) => line.includes(` ${host} `)) ?? '';
    expect(row('manager1')).toMatch(/(Unknown|Down)\s+Active\s+Unreachable/);
    expect(statusColumn(ls.stdout, /Leader/)).toBe(1);
    await playground.advance(35_000);
    const later = await docker(playground, 'manager3', 'node ls');
    const old = later.stdout.split('\n').find((line) => line.includes(' manager1 ')) ?? '';
    expect(old).toMatch(/Down\s+Active\s+Unreachable/);
    expect(statusColumn(later.stdout, /Ready/)).toBe(4);
    playground.dispose();
  }, 60_000);
});

function row(table: string, host: string): string {
  return table.split('\n').find((line) => line.includes(` ${host} `)) ?? '';
}

describe('membership: promote, demote, rm, leave, force-new-cluster', () => {
  it('demotes back to back down to one manager, refuses the last, promotes again', async () => {
    const playground = await startPlayground('no-swarm');
    await classicLab(playground);
    expect((await docker(playground, 'manager1', 'node demote manager2')).stdout).toBe(
      'Manager manager2 demoted in the swarm.\n',
    );
    expect((await docker(playground, 'manager1', 'node demote manager3')).stdout).toBe(
      'Manager manager3 demoted in the swarm.\n',
    );
    const last = await docker(playground, 'manager1', 'node demote manager1');
    expect(last.stderr).toBe(
      'Error response from daemon: rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm\n',
    );
    const ls = (await docker(playground, 'manager1', 'node ls')).stdout;
    expect(row(ls, 'manager2')).toMatch(/Ready\s+Active\s+27\.5\.1/);
    expect(row(ls, 'manager1')).toMatch(/Ready\s+Active\s+Leader/);
    // The demoted node learns its new role from the dispatcher's next answer.
    await playground.advance(10_000);
    const demoted = await docker(playground, 'manager2', 'node ls');
    expect(demoted.stderr).toMatch(/Worker nodes can't be used/);

    const promote = await docker(playground, 'manager1', 'node promote manager2 manager3');
    expect(promote.stdout).toBe(
      'Node manager2 promoted to a manager in the swarm.\nNode manager3 promoted to a manager in the swarm.\n',
    );
    await playground.advance(10_000);
    const after = await docker(playground, 'manager2', 'node ls');
    expect(statusColumn(after.stdout, /Reachable/)).toBe(2);
    expect(statusColumn(after.stdout, /Leader/)).toBe(1);
    playground.dispose();
  }, 60_000);

  it('a demotion that would lose quorum is refused; demoting the leader hands over leadership', async () => {
    const playground = await startPlayground('no-swarm');
    await classicLab(playground);
    await playground.setDaemon('manager3', 'stopped');
    await playground.advance(5_000);
    const refused = await docker(playground, 'manager1', 'node demote manager2');
    expect(refused.stderr).toBe(
      "Error response from daemon: rpc error: code = FailedPrecondition desc = can't remove member from the raft: this would result in a loss of quorum\n",
    );
    await playground.setDaemon('manager3', 'running');
    await playground.advance(10_000);
    expect((await docker(playground, 'manager1', 'node demote manager1')).code).toBe(0);
    await playground.advance(10_000);
    const ls = (await docker(playground, 'manager2', 'node ls')).stdout;
    expect(row(ls, 'manager1')).toMatch(/Ready\s+Active\s+27\.5\.1/);
    expect(statusColumn(ls, /Leader/)).toBe(1);
    expect(row(ls, 'manager1')).not.toMatch(/Leader/);
    playground.dispose();
  }, 60_000);

  it('node rm refuses an active node and a manager; leave on a worker and a manager', async () => {
    const playground = await startPlayground('no-swarm');
    await classicLab(playground);
    const active = await docker(playground, 'manager1', 'node rm worker1');
    expect(active.stderr).toMatch(
      /^Error response from daemon: rpc error: code = FailedPrecondition desc = node \w{25} is not down and can't be removed\n$/,
    );
    const manager = await docker(playground, 'manager1', 'node rm --force manager2');
    expect(manager.stderr).toMatch(
      /is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal\n$/,
    );
    expect((await docker(playground, 'worker1', 'swarm leave')).stdout).toBe(
      'Node left the swarm.\n',
    );
    const leave = await docker(playground, 'manager3', 'swarm leave');
    expect(leave.stderr).toBe(
      'Error response from daemon: You are attempting to leave the swarm on a node that is participating as a manager. The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.\n',
    );
    await playground.advance(20_000);
    const ls = (await docker(playground, 'manager1', 'node ls')).stdout;
    expect(row(ls, 'worker1')).toMatch(/Down\s+Active/);
    expect((await docker(playground, 'manager1', 'node rm worker1')).stdout).toBe('worker1\n');
    expect((await docker(playground, 'manager3', 'swarm leave --force')).stdout).toBe(
      'Node left the swarm.\n',
    );
    await playground.advance(5_000);
    const after = (await docker(playground, 'manager1', 'node ls')).stdout;
    expect(row(after, 'manager3')).toMatch(/Unreachable/);
    expect(row(after, 'worker1')).toBe('');
    playground.dispose();
  }, 60_000);

  it('force-new-cluster on a surviving manager restores a working single-manager swarm', async () => {
    const playground = await startPlayground('no-swarm');
    await classicLab(playground);
    await playground.setDaemon('manager2', 'stopped');
    await playground.setDaemon('manager3', 'stopped');
    await playground.advance(30_000);
    expect((await docker(playground, 'manager1', 'node ls')).stderr).toBe(NO_LEADER);
    const init = await docker(playground, 'manager1', 'swarm init --force-new-cluster');
    expect(init.stdout).toMatch(/^Swarm initialized: current node \(\w{25}\) is now a manager\./);
    // The agents register with the new cluster's dispatcher first; a write racing their
    // status updates gets `update out of sequence`, as it would on a real swarm.
    await playground.advance(5_000);
    const write = await docker(playground, 'manager1', 'node update --label-add x=y worker1');
    expect(write.stderr).toBe('');
    expect(write.stdout).toBe('worker1\n');
    await playground.advance(40_000);
    const ls = (await docker(playground, 'manager1', 'node ls')).stdout;
    expect(statusColumn(ls, /Leader/)).toBe(1);
    expect(statusColumn(ls, /Reachable/)).toBe(0);
    expect(row(ls, 'manager2')).toMatch(/Down\s+Active\s+27\.5\.1/);
    expect(row(ls, 'worker1')).toMatch(/Ready/);
    playground.dispose();
  }, 60_000);
});

describe('an old manager that comes back after force-new-cluster', () => {
  // Seeds 1–6; seed 3 left manager2's `node ls` waiting forever: the leader re-added it over
  // its old log, it then wiped that log (the store did not name it yet), and the leader's
  // progress for its Raft ID stayed ahead of an empty log. Its waiting call re-armed its 20 s
  // deadline on every tick.
  it.each([1, 2, 3, 4, 5, 6])(
    'seed %i: wipes its old log, rejoins as a member and answers',
    async (seed) => {
      const playground = await startPlayground('no-swarm', seed);
      await classicLab(playground);
      await playground.setDaemon('manager2', 'stopped');
      await playground.setDaemon('manager3', 'stopped');
      await playground.advance(30_000);
      expect((await docker(playground, 'manager1', 'swarm init --force-new-cluster')).code).toBe(0);
      expect(
        (await docker(playground, 'manager1', 'node update --label-add x=y worker1')).code,
      ).toBe(0);
      await playground.advance(40_000);
      await playground.setDaemon('manager2', 'running');
      await playground.advance(30_000);
      const before = playground.view.timeMs;
      const ls = await docker(playground, 'manager2', 'node ls');
      expect(ls.stderr).toBe('');
      expect(playground.view.timeMs - before).toBeLessThan(2_000);
      expect(row(ls.stdout, 'manager1')).toMatch(/Ready\s+Active\s+Leader/);
      expect(row(ls.stdout, 'manager2')).toMatch(/Ready\s+Active\s+Reachable/);
      // It holds the new cluster's log, the label written while it was away included.
      const inspect = await docker(
        playground,
        'manager2',
        'node inspect worker1 --format {{.Spec.Labels.x}}',
      );
      expect(inspect.stdout).toBe('y\n');
      playground.dispose();
    },
    60_000,
  );
});

describe('docker.service and docker.socket', () => {
  it('a call to a stopped service starts it through the socket after a short delay', async () => {
    const playground = await startPlayground('no-swarm');
    await classicLab(playground);
    await playground.systemctl('manager2', 'stop', ['docker.service']);
    expect(playground.units('manager2').service).toBe('inactive');
    const before = playground.view.timeMs;
    const ls = await docker(playground, 'manager2', 'node ls');
    expect(ls.code).toBe(0);
    expect(statusColumn(ls.stdout, /Leader/)).toBe(1);
    const waited = playground.view.timeMs - before;
    expect(waited).toBeGreaterThanOrEqual(2_000);
    expect(waited).toBeLessThan(5_000);
    expect(playground.units('manager2').service).toBe('active');

    await playground.systemctl('manager2', 'stop', ['docker.socket', 'docker.service']);
    const down = await docker(playground, 'manager2', 'node ls');
    expect(down.stderr).toBe(
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
    );
    expect(down.code).toBe(1);
    await playground.systemctl('manager2', 'start', ['docker.service']);
    expect((await docker(playground, 'manager2', 'node ls')).code).toBe(0);
    playground.dispose();
  }, 60_000);
});

describe('autolock', () => {
  it('a restarted manager is locked until unlocked with the right key; the key rotates', async () => {
    const playground = await startPlayground('no-swarm');
    await classicLab(playground);
    const update = await docker(playground, 'manager1', 'swarm update --autolock=true');
    expect(update.stdout).toMatch(/^Swarm updated\.\nTo unlock a swarm manager/);
    const key = (await docker(playground, 'manager1', 'swarm unlock-key -q')).stdout.trim();
    expect(key).toMatch(/^SWMKEY-1-[A-Za-z0-9+/]{43}$/);
    await playground.advance(3_000);
    await playground.systemctl('manager2', 'restart', ['docker.service']);
    const locked = await docker(playground, 'manager2', 'node ls');
    expect(locked.stderr).toBe(
      'Error response from daemon: Swarm is encrypted and needs to be unlocked before it can be used. Please use "docker swarm unlock" to unlock it.\n',
    );
    expect((await docker(playground, 'manager2', 'info')).stdout).toMatch(/^ Swarm: locked$/m);
    const wrong = await docker(playground, 'manager2', 'swarm unlock', {
      stdin: 'SWMKEY-1-wrongwrongwrongwrongwrongwrongwrongwron\n',
    });
    expect(wrong.stderr).toBe(
      'Error response from daemon: swarm could not be unlocked: invalid key provided\n',
    );
    const right = await docker(playground, 'manager2', 'swarm unlock', { stdin: `${key}\n` });
    expect(right.code).toBe(0);
    await playground.advance(3_000);
    const ls = await docker(playground, 'manager2', 'node ls');
    expect(statusColumn(ls.stdout, /Reachable/)).toBe(2);

    const rotate = await docker(playground, 'manager1', 'swarm unlock-key --rotate');
    expect(rotate.stdout).toMatch(/^Successfully rotated manager unlock key\./);
    const rotated = (await docker(playground, 'manager1', 'swarm unlock-key -q')).stdout.trim();
    expect(rotated).not.toBe(key);
    await playground.advance(8_000);
    await playground.systemctl('manager3', 'restart', ['docker.service']);
    const old = await docker(playground, 'manager3', 'swarm unlock', { stdin: `${key}\n` });
    expect(old.stderr).toMatch(/invalid key provided/);
    const fresh = await docker(playground, 'manager3', 'swarm unlock', { stdin: `${rotated}\n` });
    expect(fresh.code).toBe(0);
    playground.dispose();
  }, 60_000);
});
