import type { PortConfig } from '../../../../api/task';
import { InvalidValueError, type FlagValue } from '../../../flags';
import { readCsvRecord } from './csv';
import { parseUint10 } from './go-text';
import { canonicalIP } from './ip';

/**
 * docker's PortOpt (opts/port.go): `--publish`, `--publish-add` and `--publish-rm`. The long
 * form is `published=8080,target=80,protocol=udp,mode=host`; the short one is go-connections'
 * `[PUBLISHED:]TARGET[/PROTO]` with ranges, always in ingress mode. Errors are docker 27.5.1's.
 */
type Protocol = NonNullable<PortConfig['Protocol']>;
type Mode = NonNullable<PortConfig['PublishMode']>;

const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp', 'sctp'];
const MODES: readonly Mode[] = ['ingress', 'host'];

function isProtocol(value: string): value is Protocol {
  return (PROTOCOLS as readonly string[]).includes(value);
}

function isMode(value: string): value is Mode {
  return (MODES as readonly string[]).includes(value);
}

interface LongPort {
  protocol?: Protocol;
  mode?: Mode;
  target: number;
  published: number;
}

function applyLongField(port: LongPort, field: string): void {
  const lower = field.toLowerCase();
  const equals = lower.indexOf('=');
  const key = equals < 0 ? '' : lower.slice(0, equals);
  const value = lower.slice(equals + 1);
  if (key === '') throw new InvalidValueError(`invalid field ${field}`);
  switch (key) {
    case 'protocol':
      if (!isProtocol(value)) throw new InvalidValueError(`invalid protocol value ${value}`);
      port.protocol = value;
      return;
    case 'mode':
      if (!isMode(value)) throw new InvalidValueError(`invalid publish mode value ${value}`);
      port.mode = value;
      return;
    case 'target':
      port.target = parseUint10(value, 16);
      return;
    case 'published':
      port.published = parseUint10(value, 16);
      return;
    default:
      throw new InvalidValueError(`invalid field key ${key}`);
  }
}

function parseLong(value: string): PortConfig[] {
  const port: LongPort = { target: 0, published: 0 };
  for (const field of readCsvRecord(value)) applyLongField(port, field);
  if (port.target === 0) throw new InvalidValueError('missing mandatory field "target"');
  return [
    {
      Protocol: port.protocol ?? 'tcp',
      TargetPort: port.target,
      ...(port.published === 0 ? {} : { PublishedPort: port.published }),
      PublishMode: port.mode ?? 'ingress',
    },
  ];
}

/** nat.ParsePortRange: `8080` or `8080-8081`, errors as strconv words them. */
function parsePortRange(text: string): [number, number] {
  if (text === '') throw new InvalidValueError('empty string specified for ports');
  if (!text.includes('-')) {
    const port = parseUint10(text, 16);
    return [port, port];
  }
  const [first = '', second = ''] = text.split('-');
  const start = parseUint10(first, 16);
  const end = parseUint10(second, 16);
  if (end < start) throw new InvalidValueError(`invalid range specified for port: ${text}`);
  return [start, end];
}

function rangeOrError(text: string, message: string): [number, number] {
  try {
    return parsePortRange(text);
  } catch {
    throw new InvalidValueError(message);
  }
}

/** nat.SplitProtoPort. */
function splitProtoPort(raw: string): [string, string] {
  const parts = raw.split('/');
  const [port = '', proto = ''] = parts;
  if (raw === '' || port === '') return ['', ''];
  if (parts.length === 1 || proto === '') return ['tcp', port];
  return [proto, port];
}

function splitParts(raw: string): [string, string, string] {
  const parts = raw.split(':');
  const container = parts[parts.length - 1] ?? '';
  if (parts.length === 1) return ['', '', container];
  if (parts.length === 2) return ['', parts[0] ?? '', container];
  return [parts.slice(0, -2).join(':'), parts[parts.length - 2] ?? '', container];
}

/** The `[…]` around an IPv6 host part, removed as net.SplitHostPort(ip + ":") does. */
function unbracketed(ip: string): string {
  if (!ip.startsWith('[')) return ip;
  if (!ip.endsWith(']') || ip.indexOf(']') !== ip.length - 1) {
    throw new InvalidValueError(`invalid IP address ${ip}: address ${ip}:: missing ']' in address`);
  }
  return ip.slice(1, -1);
}

function protocolOf(proto: string): Protocol {
  const lower = proto.toLowerCase();
  if (!isProtocol(lower)) throw new InvalidValueError(`invalid proto: ${proto}`);
  return lower;
}

/** Published ports for one target: a host range on a single target publishes it on each. */
function publishedPorts(
  offset: number,
  target: readonly [number, number],
  host: readonly [number, number] | null,
): number[] {
  if (host === null) return [0];
  const [start, end] = target;
  const [hostStart, hostEnd] = host;
  if (start === end && hostStart !== hostEnd) {
    return Array.from({ length: hostEnd - hostStart + 1 }, (_, index) => hostStart + index);
  }
  return [hostStart + offset];
}

/**
 * nat.ParsePortSpec, then PortOpt's host IP check and ConvertPortToPortConfig. The compose
 * loader calls it without the check: there a host IP is only warned about and dropped.
 */
export function parseShortPort(raw: string, hostIP: 'refuse' | 'ignore' = 'refuse'): PortConfig[] {
  const [rawIP, hostPort, containerPart] = splitParts(raw);
  const [proto, containerPort] = splitProtoPort(containerPart);
  const ip = unbracketed(rawIP);
  if (ip !== '' && canonicalIP(ip) === null)
    throw new InvalidValueError(`invalid IP address: ${ip}`);
  if (containerPort === '') throw new InvalidValueError(`no port specified: ${raw}<empty>`);
  const target = rangeOrError(containerPort, `invalid containerPort: ${containerPort}`);
  const host = hostPort === '' ? null : rangeOrError(hostPort, `invalid hostPort: ${hostPort}`);
  const [start, end] = target;
  if (host !== null && end - start !== host[1] - host[0] && end !== start) {
    throw new InvalidValueError(
      `invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`,
    );
  }
  const protocol = protocolOf(proto);
  if (ip !== '' && hostIP === 'refuse') throw new InvalidValueError('hostip is not supported');
  const ports: PortConfig[] = [];
  for (let offset = 0; offset <= end - start; offset++) {
    for (const published of publishedPorts(offset, target, host)) {
      ports.push({
        Protocol: protocol,
        TargetPort: start + offset,
        ...(published === 0 ? {} : { PublishedPort: published }),
        PublishMode: 'ingress',
      });
    }
  }
  return ports;
}

/** Whether a value is the long form: docker tests `\w+=\w+(,\w+=\w+)*` anywhere in it. */
function isLongSyntax(value: string): boolean {
  return /\w+=\w+/.test(value);
}

export function parsePort(value: string): PortConfig[] {
  return isLongSyntax(value) ? parseLong(value) : parseShortPort(value);
}

export class PortValue implements FlagValue {
  readonly ports: PortConfig[] = [];
  set(raw: string): void {
    this.ports.push(...parsePort(raw));
  }
  type(): string {
    return 'port';
  }
  toString(): string {
    return this.ports
      .map(
        (port) =>
          `${port.PublishedPort ?? 0}:${port.TargetPort ?? 0}/${port.Protocol ?? ''}/${port.PublishMode ?? ''}`,
      )
      .join(', ');
  }
}
