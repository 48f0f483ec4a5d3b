import { describe, expect, it } from 'vitest';
import {
  containerAddress,
  containerHostname,
  containerLog,
  type LogHost,
} from '../../../../src/swarm/agent/exec/container-log';
import type { ProcessBehaviour } from '../../../../src/swarm/agent/exec/images';
import type { ContainerRecord } from '../../../../src/swarm/agent';

const EPOCH = Date.UTC(2026, 10, 25, 9, 0, 0);

function record(parts: Partial<ContainerRecord> = {}): ContainerRecord {
  return {
    id: `${'4f1c2b3a9d8e'.repeat(5)}abcd`,
    name: 'web.1.0qihejybwf1xrrr9skqbm4ccn',
    taskId: '0qihejybwf1xrrr9skqbm4ccn',
    serviceId: 'svc',
    serviceName: 'web',
    image: 'busybox:latest',
    imageId: 'sha256:1',
    command: [],
    labels: {},
    exposedPorts: [],
    createdAtMs: 1_000,
    startedAtMs: 2_000,
    finishedAtMs: null,
    exitCode: null,
    running: true,
    pid: 1234,
    hostname: '4f1c2b3a9d8e',
    env: [],
    entrypoint: [],
    cmd: [],
    workingDir: '',
    user: '',
    stopSignal: '',
    userland: 'busybox',
    ipAddress: '',
    ...parts,
  };
}

function host(nowMs: number): LogHost {
  return {
    epochMs: EPOCH,
    nowMs,
    kernel: '6.1.0-30-amd64',
    cpus: 2,
    stopGraceMs: 300,
    node: { hostname: 'worker1', architecture: 'x86_64', os: 'linux' },
  };
}

const LOOP: ProcessBehaviour = {
  kind: 'runs',
  logs: [{ stream: 'stdout', text: 'up on {{hostname}} ({{ip}})', atMs: 10 }],
  repeat: { everyMs: 1000, logs: [{ stream: 'stderr', text: 'tick {{seq}}', atMs: 10 }] },
  onStop: [{ stream: 'stdout', text: 'bye', atMs: 5 }],
};

describe('containerLog', () => {
  it('writes nothing before the container started', () => {
    expect(containerLog(record({ startedAtMs: null }), LOOP, host(9_000))).toEqual([]);
  });

  it('writes the start lines, then a repeat line each period up to now, placeholders filled', () => {
    const container = record();
    const lines = containerLog(container, LOOP, host(4_500));
    expect(lines.map((line) => [line.stream, line.text, line.atMs - EPOCH])).toEqual([
      ['stdout', `up on ${containerHostname(container)} (${containerAddress(container)})`, 2_010],
      ['stderr', 'tick 1', 3_010],
      ['stderr', 'tick 2', 4_010],
    ]);
    expect(containerHostname(container)).toBe('4f1c2b3a9d8e');
    expect(containerAddress(container)).toMatch(/^172\.17\.0\.\d+$/);
  });

  it('is the same every time it is read, growing only at its end', () => {
    const early = containerLog(record(), LOOP, host(4_500));
    const later = containerLog(record(), LOOP, host(9_500));
    expect(later.slice(0, early.length)).toEqual(early);
    expect(later).toHaveLength(early.length + 5);
  });

  it('stops repeating at the stop signal and writes the stop lines then', () => {
    const stopped = record({ finishedAtMs: 5_300, running: false, exitCode: 0 });
    const lines = containerLog(stopped, LOOP, host(20_000));
    expect(lines.map((line) => [line.text, line.atMs - EPOCH])).toEqual([
      ['up on 4f1c2b3a9d8e (' + containerAddress(stopped) + ')', 2_010],
      ['tick 1', 3_010],
      ['tick 2', 4_010],
      ['bye', 5_005],
    ]);
  });

  it('keeps lines of one instant in order, their nanoseconds rising', () => {
    const burst: ProcessBehaviour = {
      kind: 'exits',
      afterMs: 100,
      exitCode: 0,
      logs: ['a', 'b', 'c'].map((text) => ({ stream: 'stdout', text, atMs: 1 })),
    };
    const lines = containerLog(record(), burst, host(10_000));
    expect(lines.map((line) => line.text)).toEqual(['a', 'b', 'c']);
    const nanos = lines.map((line) => line.nanos);
    expect(nanos[1]).toBeGreaterThan(nanos[0] ?? 0);
    expect(nanos[2]).toBeGreaterThan(nanos[1] ?? 0);
    expect(nanos.every((n) => n >= 0 && n < 1_000_000)).toBe(true);
  });
});
