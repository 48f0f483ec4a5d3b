import type { DockerUnit, UnitStates } from '../process';
import { journalTimestamp, systemdRelative, systemdTimestamp } from './systemd-time';

const DOCKERD = '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock';
const SERVICE_TITLE = 'Docker Application Container Engine';
const SOCKET_TITLE = 'Docker Socket for the API';

export interface StatusContext {
  readonly hostname: string;
  readonly units: UnitStates;
  readonly nowEpochMs: number;
  /** Colour the state dots and words, as systemctl does on a terminal. */
  readonly colour: boolean;
}

function paint(text: string, active: boolean, colour: boolean): string {
  if (!colour) return text;
  return active ? `\x1b[0;1;32m${text}\x1b[0m` : text;
}

function dot(active: boolean, colour: boolean): string {
  return paint(active ? '●' : '○', active, colour);
}

/** dockerd's PID: stable for one run of the daemon, different after a restart. */
function mainPid(units: UnitStates): number {
  return 600 + (Math.floor(units.serviceSinceMs / 1000) % 9000);
}

function since(context: StatusContext, sinceMs: number): string {
  return `since ${systemdTimestamp(sinceMs)}; ${systemdRelative(context.nowEpochMs - sinceMs)}`;
}

function journal(context: StatusContext, sinceMs: number, lines: readonly string[]): string[] {
  const prefix = `${journalTimestamp(sinceMs)} ${context.hostname} systemd[1]:`;
  return ['', ...lines.map((line) => `${prefix} ${line}`)];
}

/** `systemctl status docker` (docker.service), as systemd 252 prints it for root. */
export function serviceStatus(context: StatusContext): string[] {
  const { units, colour } = context;
  const active = units.service === 'active';
  const socketActive = units.socket === 'active';
  const pid = mainPid(units);
  const head = [
    `${dot(active, colour)} docker.service - ${SERVICE_TITLE}`,
    '     Loaded: loaded (/lib/systemd/system/docker.service; enabled; preset: enabled)',
  ];
  if (active) {
    return [
      ...head,
      `     Active: ${paint('active (running)', true, colour)} ${since(context, units.serviceSinceMs)}`,
      `TriggeredBy: ${dot(socketActive, colour)} docker.socket`,
      '       Docs: https://docs.docker.com',
      `   Main PID: ${pid} (dockerd)`,
      '      Tasks: 9',
      '     Memory: 38.2M',
      '        CPU: 1.214s',
      '     CGroup: /system.slice/docker.service',
      `             └─${pid} ${DOCKERD}`,
      ...journal(context, units.serviceSinceMs, [
        `Starting docker.service - ${SERVICE_TITLE}...`,
        `Started docker.service - ${SERVICE_TITLE}.`,
      ]),
    ];
  }
  return [
    ...head,
    `     Active: inactive (dead) ${since(context, units.serviceSinceMs)}`,
    `TriggeredBy: ${dot(socketActive, colour)} docker.socket`,
    '       Docs: https://docs.docker.com',
    `    Process: ${pid} ExecStart=${DOCKERD} (code=exited, status=0/SUCCESS)`,
    `   Main PID: ${pid} (code=exited, status=0/SUCCESS)`,
    '        CPU: 1.214s',
    ...journal(context, units.serviceSinceMs, [
      `Stopping docker.service - ${SERVICE_TITLE}...`,
      'docker.service: Deactivated successfully.',
      `Stopped docker.service - ${SERVICE_TITLE}.`,
    ]),
  ];
}

/** `systemctl status docker.socket`. */
export function socketStatus(context: StatusContext): string[] {
  const { units, colour } = context;
  const active = units.socket === 'active';
  const state = units.service === 'active' ? 'active (running)' : 'active (listening)';
  const head = [
    `${dot(active, colour)} docker.socket - ${SOCKET_TITLE}`,
    '     Loaded: loaded (/lib/systemd/system/docker.socket; enabled; preset: enabled)',
  ];
  if (!active) {
    return [
      ...head,
      `     Active: inactive (dead) ${since(context, units.socketSinceMs)}`,
      `   Triggers: ${dot(units.service === 'active', colour)} docker.service`,
      '     Listen: /run/docker.sock (Stream)',
      ...journal(context, units.socketSinceMs, [
        'docker.socket: Deactivated successfully.',
        `Closed docker.socket - ${SOCKET_TITLE}.`,
      ]),
    ];
  }
  return [
    ...head,
    `     Active: ${paint(state, true, colour)} ${since(context, units.socketSinceMs)}`,
    `   Triggers: ${dot(units.service === 'active', colour)} docker.service`,
    '     Listen: /run/docker.sock (Stream)',
    '      Tasks: 0 (limit: 4644)',
    '     Memory: 0B',
    '        CPU: 1ms',
    '     CGroup: /system.slice/docker.socket',
    ...journal(context, units.socketSinceMs, [
      `Starting docker.socket - ${SOCKET_TITLE}...`,
      `Listening on docker.socket - ${SOCKET_TITLE}.`,
    ]),
  ];
}

export function isActive(units: UnitStates, unit: DockerUnit): boolean {
  return unit === 'docker.service' ? units.service === 'active' : units.socket === 'active';
}
