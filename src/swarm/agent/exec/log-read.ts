import type { LogFrame } from '../../../api/logs';
import { utcParts } from '../../../lib/go-time';
import type { LogEntry } from './container-log';

/**
 * Reading a container's log as moby does (`daemon/logs.go` `ContainerLogs`, the json-file
 * reader) and writing it as its API server does (`httputils.WriteLogStream`).
 */

/** An instant to the nanosecond, without losing digits: epoch milliseconds and the rest. */
export interface Instant {
  readonly ms: number;
  readonly nanos: number;
}

function compare(a: Instant, b: Instant): number {
  return a.ms - b.ms || a.nanos - b.nanos;
}

/**
 * moby `timetypes.ParseTimestamps`: `<seconds>[.<fraction>]` as the client sends it; '' is none.
 * Undefined for text that is not one (moby's strconv error, which the client never provokes).
 */
export function parseTimestamps(value: string): Instant | null | undefined {
  if (value === '') return null;
  const match = /^(-?\d+)(?:\.(\d+))?$/.exec(value);
  if (match === null) return undefined;
  const seconds = Number(match[1]);
  const fraction = (match[2] ?? '').slice(0, 9).padEnd(9, '0');
  const nanos = Number(fraction);
  return { ms: seconds * 1000 + Math.floor(nanos / 1_000_000), nanos: nanos % 1_000_000 };
}

export interface ReadConfig {
  readonly since: Instant | null;
  readonly until: Instant | null;
  /** moby's `Tail`: -1 (or anything not a number) for all. */
  readonly tail: number;
  /** Lines already sent to a follow: only what comes after them. */
  readonly after: number | null;
}

/** moby: a tail that is not a whole number means all of it. */
export function tailLines(tail: string): number {
  return /^-?\d+$/.test(tail) ? Number(tail) : -1;
}

/**
 * The lines to send: the last `tail` of the log (or those after a follow's cursor), those from
 * `since` on and up to `until`.
 */
export function readLog<T extends Timestamped>(log: readonly T[], config: ReadConfig): T[] {
  let lines: readonly T[];
  if (config.after !== null) lines = log.slice(config.after);
  else if (config.tail >= 0) lines = config.tail === 0 ? [] : log.slice(-config.tail);
  else lines = log;
  const { since, until } = config;
  return lines.filter(
    (line) =>
      (since === null || compare(instantOf(line), since) >= 0) &&
      (until === null || compare(instantOf(line), until) <= 0),
  );
}

/** A line's instant: a written line, or one only placed in time. */
interface Timestamped {
  readonly atMs: number;
  readonly nanos: number;
}

function instantOf(line: Timestamped): Instant {
  return { ms: line.atMs, nanos: line.nanos };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** jsonmessage.RFC3339NanoFixed in UTC: nine digits always (`2025-01-22T10:00:00.123456789Z`). */
export function rfc3339NanoFixed(instant: Instant): string {
  const p = utcParts(instant.ms);
  const fraction = `${pad(p.millisecond, 3)}${pad(instant.nanos, 6)}`;
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${fraction}Z`;
}

/** One log attribute (the swarm context of a task's line). */
export interface LogAttr {
  readonly key: string;
  readonly value: string;
}

/** Go's url.QueryEscape. */
function queryEscape(text: string): string {
  return encodeURIComponent(text)
    .replace(/%20/g, '+')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** WriteLogStream's `attrsByteSlice`: sorted by key, `k=v` query-escaped, joined by commas. */
function attrsText(attrs: readonly LogAttr[]): string {
  return [...attrs]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((attr) => `${queryEscape(attr.key)}=${queryEscape(attr.value)}`)
    .join(',');
}

export interface StreamOptions {
  readonly timestamps: boolean;
  readonly details: boolean;
}

/** One line as WriteLogStream writes it: the timestamp, the details, the message, a newline. */
export function logFrame(
  line: LogEntry,
  attrs: readonly LogAttr[],
  options: StreamOptions,
): LogFrame {
  let text = `${line.text}\n`;
  if (options.details) text = `${attrsText(attrs)} ${text}`;
  if (options.timestamps) text = `${rfc3339NanoFixed(instantOf(line))} ${text}`;
  return { stream: line.stream, text };
}
