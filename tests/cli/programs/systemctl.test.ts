import { describe, expect, it } from 'vitest';
import type { DockerUnit, ServiceManager, UnitStates } from '../../../src/cli/process';
import { serviceProgram, systemctlProgram } from '../../../src/cli/programs/systemctl';
import { systemdRelative, systemdTimestamp } from '../../../src/cli/programs/systemd-time';
import { runProgram } from '../../support/shell-harness';

const BOOT_MS = Date.UTC(2026, 10, 25, 9, 0, 0);

/** systemd for the two docker units: docker.service requires docker.socket. */
class FakeSystemd implements ServiceManager {
  states: UnitStates = {
    service: 'active',
    socket: 'active',
    serviceSinceMs: BOOT_MS,
    socketSinceMs: BOOT_MS,
  };
  now = BOOT_MS + 5 * 60_000 + 12_000;

  units(): UnitStates {
    return this.states;
  }

  nowEpochMs(): number {
    return this.now;
  }

  apply(action: 'start' | 'stop' | 'restart', units: readonly DockerUnit[]): Promise<void> {
    const at = this.now;
    const service = units.includes('docker.service');
    const socket = units.includes('docker.socket');
    if (action === 'stop') {
      if (service) this.states = { ...this.states, service: 'inactive', serviceSinceMs: at };
      if (socket) this.states = { ...this.states, socket: 'inactive', socketSinceMs: at };
    } else {
      if (service || socket) this.states = { ...this.states, socket: 'active', socketSinceMs: at };
      if (service) this.states = { ...this.states, service: 'active', serviceSinceMs: at };
    }
    return Promise.resolve();
  }
}

describe('systemctl', () => {
  it('stop docker warns that docker.socket can still start it', async () => {
    const systemd = new FakeSystemd();
    expect(await runProgram(systemctlProgram, ['stop', 'docker'], { systemd })).toEqual({
      stdout: '',
      stderr:
        'Warning: Stopping docker.service, but it can still be activated by:\n  docker.socket\n',
      status: 0,
    });
    expect(systemd.states).toMatchObject({ service: 'inactive', socket: 'active' });
  });

  it('stopping both units is silent and keeps the daemon down', async () => {
    const systemd = new FakeSystemd();
    const run = await runProgram(systemctlProgram, ['stop', 'docker.socket', 'docker'], {
      systemd,
    });
    expect(run).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(systemd.states).toMatchObject({ service: 'inactive', socket: 'inactive' });
    expect(await runProgram(systemctlProgram, ['is-active', 'docker'], { systemd })).toEqual({
      stdout: 'inactive\n',
      stderr: '',
      status: 3,
    });
  });

  it('status shows a running docker.service as systemd 252 does', async () => {
    const systemd = new FakeSystemd();
    const run = await runProgram(systemctlProgram, ['status', 'docker'], { systemd });
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').slice(0, 10)).toEqual([
      '● docker.service - Docker Application Container Engine',
      '     Loaded: loaded (/lib/systemd/system/docker.service; enabled; preset: enabled)',
      '     Active: active (running) since Wed 2026-11-25 09:00:00 UTC; 5min ago',
      'TriggeredBy: ● docker.socket',
      '       Docs: https://docs.docker.com',
      '   Main PID: 7800 (dockerd)',
      '      Tasks: 9',
      '     Memory: 38.2M',
      '        CPU: 1.214s',
      '     CGroup: /system.slice/docker.service',
    ]);
    expect(run.stdout).toContain(
      'Nov 25 09:00:00 manager1 systemd[1]: Started docker.service - Docker Application Container Engine.',
    );
  });

  it('status of a stopped service says inactive (dead) and exits 3', async () => {
    const systemd = new FakeSystemd();
    await systemd.apply('stop', ['docker.service']);
    systemd.now += 12_000;
    const run = await runProgram(systemctlProgram, ['status', 'docker.service'], { systemd });
    expect(run.status).toBe(3);
    expect(run.stdout).toContain('○ docker.service - Docker Application Container Engine\n');
    expect(run.stdout).toContain(
      '     Active: inactive (dead) since Wed 2026-11-25 09:05:12 UTC; 12s ago\n',
    );
  });

  it('starting docker starts the socket it requires', async () => {
    const systemd = new FakeSystemd();
    await systemd.apply('stop', ['docker.service', 'docker.socket']);
    expect(await runProgram(systemctlProgram, ['start', 'docker'], { systemd })).toEqual({
      stdout: '',
      stderr: '',
      status: 0,
    });
    expect(systemd.states).toMatchObject({ service: 'active', socket: 'active' });
  });

  it.each([
    [['stop', 'nginx'], 'Failed to stop nginx.service: Unit nginx.service not loaded.\n', 5],
    [['start', 'nginx'], 'Failed to start nginx.service: Unit nginx.service not found.\n', 5],
    [['status', 'nginx'], 'Unit nginx.service could not be found.\n', 4],
    [['stop'], 'Too few arguments.\n', 1],
  ])('refuses %j as systemd does', async (args, stderr, status) => {
    expect(await runProgram(systemctlProgram, args, { systemd: new FakeSystemd() })).toEqual({
      stdout: '',
      stderr,
      status,
    });
  });

  it('says so on a machine without systemd', async () => {
    const run = await runProgram(systemctlProgram, ['status', 'docker']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('System has not been booted with systemd');
  });
});

describe('service', () => {
  it('hands the command to systemctl', async () => {
    const systemd = new FakeSystemd();
    const run = await runProgram(serviceProgram, ['docker', 'status'], { systemd });
    expect(run.stdout.split('\n')[0]).toBe(
      '● docker.service - Docker Application Container Engine',
    );
    await runProgram(serviceProgram, ['docker', 'stop'], { systemd });
    expect(systemd.states.service).toBe('inactive');
  });

  it('prints its usage without a command', async () => {
    expect(
      (await runProgram(serviceProgram, ['docker'], { systemd: new FakeSystemd() })).status,
    ).toBe(1);
  });
});

describe('systemd time formats', () => {
  it.each([
    [0, 'now'],
    [450, '450ms ago'],
    [12_000, '12s ago'],
    [90_000, '1min 30s ago'],
    [5 * 60_000 + 59_000, '5min ago'],
    [3_600_000 + 120_000, '1h 2min ago'],
    [7 * 3_600_000, '7h ago'],
    [26 * 3_600_000, '1 day 2h ago'],
    [3 * 86_400_000, '3 days ago'],
  ])('%d ms → %s', (elapsed, text) => {
    expect(systemdRelative(elapsed)).toBe(text);
  });

  it('prints the weekday, date, time and zone', () => {
    expect(systemdTimestamp(BOOT_MS)).toBe('Wed 2026-11-25 09:00:00 UTC');
  });
});
