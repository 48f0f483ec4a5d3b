import { describe, expect, it } from 'vitest';
import type { LabControl } from '../../../src/cli/process';
import { playgroundProgram } from '../../../src/cli/programs/playground';
import { runProgram } from '../../support/shell-harness';

class FakeLab implements LabControl {
  list = [
    { hostname: 'manager1', address: '192.168.0.11' },
    { hostname: 'worker1', address: '192.168.0.21' },
  ];

  machines() {
    return this.list;
  }

  addMachine(role: 'manager' | 'worker') {
    const hostname = `${role}2`;
    this.list = [
      ...this.list,
      { hostname, address: role === 'manager' ? '192.168.0.12' : '192.168.0.22' },
    ];
    return Promise.resolve({ hostname });
  }

  removeMachine(hostname: string) {
    if (!this.list.some((m) => m.hostname === hostname)) {
      return Promise.resolve({ error: `no machine named ${hostname}` });
    }
    this.list = this.list.filter((m) => m.hostname !== hostname);
    return Promise.resolve({ removed: true as const });
  }
}

describe('playground', () => {
  it('lists the machines', async () => {
    expect(await runProgram(playgroundProgram, ['ls'], { lab: new FakeLab() })).toEqual({
      stdout: 'manager1   192.168.0.11\nworker1    192.168.0.21\n',
      stderr: '',
      status: 0,
    });
  });

  it('adds a machine and says where it is', async () => {
    const lab = new FakeLab();
    expect(await runProgram(playgroundProgram, ['add', 'worker'], { lab })).toEqual({
      stdout:
        'Added worker2 (192.168.0.22). It is in no swarm yet; its terminal has a tab of its own.\n',
      stderr: '',
      status: 0,
    });
    expect(lab.list).toHaveLength(3);
  });

  it.each([
    [['add', 'server'], 'playground add: say manager or worker, not "server"\n'],
    [['rm', 'worker9'], 'playground rm: no machine named worker9\n'],
    [['rm', 'manager1'], 'playground rm: manager1 is the machine you are typing on\n'],
  ])('refuses %j', async (args, stderr) => {
    expect(await runProgram(playgroundProgram, args, { lab: new FakeLab() })).toEqual({
      stdout: '',
      stderr,
      status: 1,
    });
  });

  it('removes a machine', async () => {
    const lab = new FakeLab();
    const run = await runProgram(playgroundProgram, ['rm', 'worker1'], { lab });
    expect(run).toEqual({ stdout: 'Removed worker1.\n', stderr: '', status: 0 });
    expect(lab.list.map((m) => m.hostname)).toEqual(['manager1']);
  });

  it('prints its usage, on stdout when asked and stderr otherwise', async () => {
    const asked = await runProgram(playgroundProgram, ['--help'], { lab: new FakeLab() });
    expect(asked.status).toBe(0);
    expect(asked.stdout).toContain('this is not a docker command');
    const wrong = await runProgram(playgroundProgram, ['frobnicate'], { lab: new FakeLab() });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('Usage: playground COMMAND');
  });
});
