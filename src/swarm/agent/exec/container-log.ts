import type { NodeFacts } from '../../template/context';
import { Prng } from '../../../lib/prng';
import { fnv1a } from '../../../lib/string-hash';
import { uuidFromBytes } from '../../../lib/uuid';
import {
  renderLogs,
  type LogLine,
  type LogStream,
  type ProcessBehaviour,
  type RenderContext,
} from './images';
import type { ContainerRecord } from '../worker';

/**
 * A container's log (the json-file log of moby's `daemon/logger`), rendered on demand from what
 * the record says: what its process writes (the catalogue's behaviour, or the command's) from
 * the instant it started, its repeat lines as time passes, and its stop lines once it got the
 * stop signal. Nothing is stored: the same record and instant give the same lines, and what the
 * container alone knows (its hostname, address, UUID) follows from its random ID.
 */
export interface LogEntry {
  readonly stream: LogStream;
  readonly text: string;
  /** Epoch milliseconds. */
  readonly atMs: number;
  /** Nanoseconds within that millisecond (0–999999): the log's timestamps have them. */
  readonly nanos: number;
}

export interface LogHost {
  readonly epochMs: number;
  /** Virtual now. */
  readonly nowMs: number;
  /** `uname -r` of the node. */
  readonly kernel: string;
  readonly cpus: number;
  /** How long before a stopped container finished its stop signal came (the stop's grace). */
  readonly stopGraceMs: number;
  /** The node, for the task's templates: the process is the one its expanded spec runs. */
  readonly node: NodeFacts;
}

/** The hostname its log prints: the record's (the spec's, else its ID's first 12 hex digits). */
export function containerHostname(container: ContainerRecord): string {
  return container.hostname;
}

/**
 * Its address on the default bridge (a task with no network is attached there): the one it
 * holds while it runs; once stopped it has none, and one of 172.17.0.2–254 is drawn from its ID.
 */
export function containerAddress(container: ContainerRecord): string {
  // A stopped container has given its address back (inspect shows none); its log keeps one.
  if (container.ipAddress !== '') return container.ipAddress;
  return `172.17.0.${2 + (fnv1a(container.id) % 253)}`;
}

function containerUuid(container: ContainerRecord): string {
  const prng = new Prng(fnv1a(`${container.id}:uuid`));
  return uuidFromBytes(Array.from({ length: 16 }, () => prng.nextUint32() & 0xff));
}

/**
 * A line of the log placed in time but not written out yet: its placeholders are filled only
 * for the lines a read keeps, so that a long log (a ping of a day is 86,400 lines) costs little
 * more than its timing to tail or to follow.
 */
export interface LogSlot {
  readonly stream: LogStream;
  /** Epoch milliseconds. */
  readonly atMs: number;
  /** Nanoseconds within that millisecond (0–999999): the log's timestamps have them. */
  readonly nanos: number;
  /** The line as the process has it, a per-CPU line's `{{pid}}` already filled. */
  readonly template: string;
  /** Which writing of a repeat line it is (0 for the others). */
  readonly seq: number;
}

interface Timed {
  readonly stream: LogStream;
  readonly template: string;
  readonly seq: number;
  readonly at: number;
}

/** The lines of one writing (`seq`) of `lines` from `base`, per-CPU lines once per CPU. */
function timed(lines: readonly LogLine[], base: number, seq: number, cpus: number): Timed[] {
  const found: Timed[] = [];
  for (const line of lines) {
    const at = base + line.atMs;
    if (line.perCpu === undefined) {
      found.push({ stream: line.stream, template: line.text, seq, at });
      continue;
    }
    for (let index = 0; index < Math.max(1, cpus); index++) {
      const pid = String(line.perCpu.firstPid + index);
      found.push({ stream: line.stream, template: line.text.replaceAll('{{pid}}', pid), seq, at });
    }
  }
  return found;
}

/** The lines written up to now (or up to the exit), oldest first, placed but not filled. */
export function containerLogSlots(
  container: ContainerRecord,
  process: ProcessBehaviour,
  host: LogHost,
): LogSlot[] {
  if (container.startedAtMs === null) return [];
  const start = host.epochMs + container.startedAtMs;
  const now = host.epochMs + host.nowMs;
  const finished = container.finishedAtMs === null ? null : host.epochMs + container.finishedAtMs;
  const cpus = host.cpus;
  const lines: Timed[] = [];
  if (process.kind === 'exits') {
    const end = Math.min(now, finished ?? now);
    lines.push(...timed(process.logs, start, 0, cpus).filter((line) => line.at <= end));
  } else {
    // A stopped container's process got the signal a grace before it finished; it writes its
    // stop lines then, and nothing else after.
    const signal = finished === null ? null : Math.max(start, finished - host.stopGraceMs);
    const end = Math.min(now, signal ?? now);
    lines.push(...timed(process.logs, start, 0, cpus).filter((line) => line.at <= end));
    const repeat = process.repeat;
    if (repeat !== undefined && repeat.everyMs > 0) {
      const first = Math.min(...repeat.logs.map((line) => line.atMs));
      for (let seq = 1; start + seq * repeat.everyMs + first <= end; seq++) {
        const base = start + seq * repeat.everyMs;
        for (const line of timed(repeat.logs, base, seq, cpus)) {
          if (line.at <= end) lines.push(line);
        }
      }
    }
    if (signal !== null && process.onStop !== undefined) {
      lines.push(...timed(process.onStop, signal, 0, cpus).filter((line) => line.at <= now));
    }
  }
  // Stable: lines of one instant keep the order the process wrote them in. Most logs come in
  // order already (a repeat after the start lines), and sorting a day of them is not free.
  const ordered = lines.every(
    (line, index) => index === 0 || (lines[index - 1]?.at ?? 0) <= line.at,
  );
  const sorted = ordered
    ? lines
    : lines
        .map((line, index) => ({ line, index }))
        .sort((a, b) => a.line.at - b.line.at || a.index - b.index)
        .map(({ line }) => line);
  return withNanos(container.id, sorted);
}

/** The slots written out: placeholders filled as the container fills them. */
export function fillLog(
  container: ContainerRecord,
  host: LogHost,
  slots: readonly LogSlot[],
): LogEntry[] {
  const context: RenderContext = {
    startedAtMs: 0,
    hostname: containerHostname(container),
    ip: containerAddress(container),
    kernel: host.kernel,
    uuid: containerUuid(container),
    cpus: host.cpus,
    resolve: () => undefined,
  };
  return slots.map((slot) => {
    const [line] = renderLogs([{ stream: slot.stream, text: slot.template, atMs: 0 }], {
      ...context,
      seq: slot.seq,
      startedAtMs: slot.atMs,
    });
    return {
      stream: slot.stream,
      text: line?.text ?? slot.template,
      atMs: slot.atMs,
      nanos: slot.nanos,
    };
  });
}

/** The lines written up to now (or up to the exit), oldest first. */
export function containerLog(
  container: ContainerRecord,
  process: ProcessBehaviour,
  host: LogHost,
): LogEntry[] {
  return fillLog(container, host, containerLogSlots(container, process, host));
}

/**
 * Sub-millisecond parts for the timestamps, drawn from the ID and the instant, rising within one
 * millisecond so that the log stays in order.
 */
function withNanos(id: string, lines: readonly Timed[]): LogSlot[] {
  const entries: LogSlot[] = [];
  const seed = fnv1a(id);
  let previousAt = Number.NaN;
  let rank = 0;
  for (const line of lines) {
    rank = line.at === previousAt ? rank + 1 : 0;
    previousAt = line.at;
    const nanos = Math.min(999_999, (fnv1a(`${seed}:${line.at}`) % 900_000) + rank * 1000);
    entries.push({
      stream: line.stream,
      template: line.template,
      seq: line.seq,
      atMs: line.at,
      nanos,
    });
  }
  return entries;
}
