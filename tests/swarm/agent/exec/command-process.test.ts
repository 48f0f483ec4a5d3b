import { describe, expect, it } from 'vitest';
import { commandProcess } from '../../../../src/swarm/agent/exec/command-process';
import type { ProcessBehaviour } from '../../../../src/swarm/agent/exec/images';

const SHELL_IMAGE = {
  entrypoint: [],
  cmd: [],
  process: { kind: 'exits', logs: [], afterMs: 10, exitCode: 0 } satisfies ProcessBehaviour,
};

function run(...command: string[]): ProcessBehaviour {
  return commandProcess(command, SHELL_IMAGE);
}

describe('commandProcess', () => {
  it('has a shell without a script exit at once, and echo print its words', () => {
    expect(run('sh')).toEqual({ kind: 'exits', logs: [], afterMs: 100, exitCode: 0 });
    expect(run('echo', 'hello', 'world')).toEqual({
      kind: 'exits',
      logs: [{ stream: 'stdout', text: 'hello world', atMs: 0 }],
      afterMs: 100,
      exitCode: 0,
    });
  });

  it('runs a script in turn: lines after a sleep come later, and the last command decides', () => {
    expect(run('sh', '-c', 'echo start; sleep 2; echo done >&2; exit 3')).toEqual({
      kind: 'exits',
      logs: [
        { stream: 'stdout', text: 'start', atMs: 0 },
        { stream: 'stderr', text: 'done', atMs: 2000 },
      ],
      afterMs: 2000,
      exitCode: 3,
    });
    expect(run('sh', '-c', 'echo hi; sleep infinity')).toEqual({
      kind: 'runs',
      logs: [{ stream: 'stdout', text: 'hi', atMs: 0 }],
    });
  });

  it("repeats a while loop's body every time round, and shows nothing of one without a wait", () => {
    expect(run('sh', '-c', 'while true; do echo hi; sleep 1; done')).toEqual({
      kind: 'runs',
      logs: [{ stream: 'stdout', text: 'hi', atMs: 0 }],
      repeat: { everyMs: 1000, logs: [{ stream: 'stdout', text: 'hi', atMs: 0 }] },
    });
    expect(run('sh', '-c', 'while :; do echo hi; done')).toEqual({ kind: 'runs', logs: [] });
  });

  it('pings an internet name at a stand-in address, one echo a second', () => {
    const ping = run('ping', 'docker.com');
    expect(ping.kind).toBe('runs');
    if (ping.kind !== 'runs') return;
    expect(ping.logs[0]?.text).toMatch(/^PING docker\.com \(\d+\.\d+\.\d+\.\d+\): 56 data bytes$/);
    expect(ping.logs[1]?.text).toMatch(
      /^64 bytes from [\d.]+: seq=0 ttl=\d+ time=\{\{rtt:\d+:0\}\} ms$/,
    );
    expect(ping.repeat?.everyMs).toBe(1000);
    expect(ping.repeat?.logs[0]?.text).toMatch(/seq=\{\{seq\}\} ttl=\d+ time=\{\{rtt:\d+\}\} ms$/);
    expect(run('ping', 'docker.com')).toEqual(ping);
  });

  it('stops ping -c after the last echo with its statistics', () => {
    const ping = run('ping', '-c', '2', 'localhost');
    expect(ping.kind).toBe('exits');
    expect(ping.logs.map((line) => line.text)).toEqual([
      'PING localhost (127.0.0.1): 56 data bytes',
      '64 bytes from 127.0.0.1: seq=0 ttl=64 time={{rtt:0.06:0}} ms',
      '64 bytes from 127.0.0.1: seq=1 ttl=64 time={{rtt:0.06:1}} ms',
      '',
      '--- localhost ping statistics ---',
      '2 packets transmitted, 2 packets received, 0% packet loss',
      'round-trip min/avg/max = {{rtt-stats:0.06:2}} ms',
    ]);
  });

  it('has ping fail on a service name, which no network of this lab resolves', () => {
    expect(run('ping', 'web')).toEqual({
      kind: 'exits',
      logs: [{ stream: 'stderr', text: "ping: bad address 'web'", atMs: 5 }],
      afterMs: 100,
      exitCode: 1,
    });
  });

  it("runs the image's own program as the image does, and an unknown one silently", () => {
    const image = {
      entrypoint: ['/docker-entrypoint.sh'],
      cmd: ['nginx', '-g', 'daemon off;'],
      process: { kind: 'runs', logs: [] } satisfies ProcessBehaviour,
    };
    expect(commandProcess(['/docker-entrypoint.sh', 'nginx'], image)).toBe(image.process);
    expect(commandProcess(['/docker-entrypoint.sh', '-g', 'daemon off;'], image)).toBe(
      image.process,
    );
    expect(run('tail', '-f', '/dev/null')).toEqual({ kind: 'runs', logs: [] });
  });

  it("has an entrypoint script exec any other command it is given, as docker-library's do", () => {
    const image = {
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['redis-server'],
      process: { kind: 'runs', logs: [] } satisfies ProcessBehaviour,
    };
    expect(commandProcess(['docker-entrypoint.sh', 'echo', 'done'], image)).toEqual({
      kind: 'exits',
      logs: [{ stream: 'stdout', text: 'done', atMs: 0 }],
      afterMs: 100,
      exitCode: 0,
    });
  });
});
