import { rfc3339Nano, utcParts } from '../../../../lib/go-time';
import { Prng } from '../../../../lib/prng';
import { fnv1a } from '../../../../lib/string-hash';
import type { EnvCondition, ImageProcess, LogLine, LogStream, ProcessBehaviour } from './types';

/** What decides which of an image's behaviours its default command shows in one container. */
export interface ContainerFacts {
  /** The container's environment: the image's Env, then the task's (a later name wins). */
  readonly env: readonly string[];
  /** Whether a name resolves on the container's networks (a service or its alias). */
  readonly resolves: (host: string) => boolean;
}

function envValues(env: readonly string[]): ReadonlyMap<string, string> {
  const values = new Map<string, string>();
  for (const entry of env) {
    const equals = entry.indexOf('=');
    if (equals === -1) continue;
    values.set(entry.slice(0, equals), entry.slice(equals + 1));
  }
  return values;
}

function conditionHolds(condition: EnvCondition, values: ReadonlyMap<string, string>): boolean {
  const value = values.get(condition.name) ?? '';
  if (value === '') return false;
  return condition.equals === undefined || value === condition.equals;
}

/**
 * The behaviour of the image's default command in this container: what its entrypoint does
 * without the configuration it requires, else what it does while a host it needs does not
 * resolve, else its normal behaviour.
 */
export function chooseBehaviour(process: ImageProcess, facts: ContainerFacts): ProcessBehaviour {
  const { requiresEnv, requiresHosts } = process;
  if (requiresEnv !== undefined) {
    const values = envValues(facts.env);
    if (!requiresEnv.anyOf.some((condition) => conditionHolds(condition, values))) {
      return requiresEnv.otherwise;
    }
  }
  if (requiresHosts !== undefined && !requiresHosts.hosts.every((host) => facts.resolves(host))) {
    return requiresHosts.otherwise;
  }
  return process.behaviour;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

interface Parts {
  readonly year: string;
  readonly month: string;
  readonly monthName: string;
  readonly day: string;
  readonly weekday: string;
  readonly hour: number;
  readonly minute: string;
  readonly second: string;
  readonly millis: string;
}

function parts(epochMs: number): Parts {
  const utc = utcParts(epochMs);
  return {
    year: String(utc.year),
    month: pad(utc.month),
    monthName: MONTHS[utc.month - 1] ?? '',
    day: pad(utc.day),
    weekday: WEEKDAYS[utc.weekday] ?? '',
    hour: utc.hour,
    minute: pad(utc.minute),
    second: pad(utc.second),
    millis: pad(utc.millisecond, 3),
  };
}

function clock(p: Parts): string {
  return `${pad(p.hour)}:${p.minute}:${p.second}`;
}

function isoDate(p: Parts): string {
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * The time formats the images' programs log with, all in UTC (a container's default zone).
 * The key is the FORMAT of a `{{time:FORMAT}}` placeholder.
 */
export const TIME_FORMATS: Readonly<Record<string, (epochMs: number) => string>> = {
  /** nginx's error log: `2025/01/22 10:00:00`. */
  nginx: (ms) => {
    const p = parts(ms);
    return `${p.year}/${p.month}/${p.day} ${clock(p)}`;
  },
  /** Redis 3.2 and later: `22 Jan 2025 10:00:00.123`. */
  redis: (ms) => {
    const p = parts(ms);
    return `${p.day} ${p.monthName} ${p.year} ${clock(p)}.${p.millis}`;
  },
  /** Redis 3.0 had no year: `22 Jan 10:00:00.123`. */
  'redis-legacy': (ms) => {
    const p = parts(ms);
    return `${p.day} ${p.monthName} ${clock(p)}.${p.millis}`;
  },
  /** Seconds since the epoch (Redis's signal handler). */
  unix: (ms) => String(Math.floor(ms / 1000)),
  /** Go's time.RFC3339 in UTC: `2025-01-22T10:00:00Z`. */
  rfc3339: (ms) => {
    const p = parts(ms);
    return `${isoDate(p)}T${clock(p)}Z`;
  },
  /** Go's time.RFC3339Nano (logrus): `2025-01-22T10:00:00.123Z`. */
  rfc3339nano: (ms) => rfc3339Nano(ms),
  /** PostgreSQL's log_line_prefix `%m`: `2025-01-22 10:00:00.123 UTC`. */
  postgres: (ms) => {
    const p = parts(ms);
    return `${isoDate(p)} ${clock(p)}.${p.millis} UTC`;
  },
  /** `date --rfc-3339=seconds` (the MySQL and MariaDB entrypoints): `2025-01-22 10:00:00+00:00`. */
  'date-rfc3339': (ms) => {
    const p = parts(ms);
    return `${isoDate(p)} ${clock(p)}+00:00`;
  },
  /** mysqld's error log, microseconds: `2025-01-22T10:00:00.123000Z`. */
  mysqld: (ms) => {
    const p = parts(ms);
    return `${isoDate(p)}T${clock(p)}.${p.millis}000Z`;
  },
  /** mariadbd's error log: `2025-01-22 10:00:00`. */
  mariadb: (ms) => {
    const p = parts(ms);
    return `${isoDate(p)} ${clock(p)}`;
  },
  /** Apache's error log, inside its brackets: `Wed Jan 22 10:00:00.123000 2025`. */
  apache: (ms) => {
    const p = parts(ms);
    return `${p.weekday} ${p.monthName} ${p.day} ${clock(p)}.${p.millis}000 ${p.year}`;
  },
  /** gunicorn, inside its brackets: `2025-01-22 10:00:00 +0000`. */
  gunicorn: (ms) => {
    const p = parts(ms);
    return `${isoDate(p)} ${clock(p)} +0000`;
  },
  /** MongoDB's structured log `$date`: `2025-01-22T10:00:00.123+00:00`. */
  mongo: (ms) => {
    const p = parts(ms);
    return `${isoDate(p)}T${clock(p)}.${p.millis}+00:00`;
  },
  /** busybox `date`: `Wed Jan 22 10:00:00 UTC 2025`, the day padded with a space. */
  date: (ms) => {
    const p = parts(ms);
    return `${p.weekday} ${p.monthName} ${p.day.replace(/^0/, ' ')} ${clock(p)} UTC ${p.year}`;
  },
  /** Portainer's zerolog console format `2006/01/02 03:04PM`: `2025/01/22 10:00AM`. */
  portainer: (ms) => {
    const p = parts(ms);
    const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
    return `${p.year}/${p.month}/${p.day} ${pad(hour12)}:${p.minute}${p.hour < 12 ? 'AM' : 'PM'}`;
  },
};

/** What only the running container knows, for the placeholders of its log lines. */
export interface RenderContext {
  /** The virtual instant the process started (or got its stop signal), in epoch milliseconds. */
  readonly startedAtMs: number;
  readonly hostname: string;
  /** Its address on its first network. */
  readonly ip: string;
  /** The host's kernel release, as `uname -r` gives it. */
  readonly kernel: string;
  /** A UUID drawn once for the container (from the machine's seeded PRNG). */
  readonly uuid: string;
  /** The host's CPU count: how many times a per-CPU line is written. */
  readonly cpus: number;
  /** The address a name resolves to on the container's networks. */
  readonly resolve: (host: string) => string | undefined;
  /** Which writing this is: 0 for the lines written once, k for the k-th of the repeat lines. */
  readonly seq?: number;
}

/** A log line with its placeholders filled and its instant fixed. */
export interface RenderedLine {
  readonly stream: LogStream;
  readonly text: string;
  /** Epoch milliseconds. */
  readonly at: number;
}

const PLACEHOLDER = /\{\{([a-z0-9:.-]+)\}\}/g;

/** Placeholder names a log line may use, besides `time:FORMAT` and `ip:NAME`. */
export const PLACEHOLDERS = ['hostname', 'ip', 'kernel', 'uuid', 'pid', 'seq'] as const;

/**
 * A round trip of about `baseMs` for ping's `seq`-th echo, as busybox prints it (`11.227`): it
 * varies by a few percent, drawn from the container's UUID and the sequence number, so it is the
 * same every time the log is read.
 */
export function roundTripMs(baseMs: number, uuid: string, seq: number): number {
  const prng = new Prng(fnv1a(`${uuid}:${seq}`));
  return Math.round(baseMs * (0.92 + prng.nextFloat() * 0.16) * 1000) / 1000;
}

/** `{{rtt:BASE}}` (this writing's echo) and `{{rtt:BASE:SEQ}}` (the SEQ-th). */
function fillRoundTrip(spec: string, context: RenderContext): string | undefined {
  const [base = '', seq] = spec.split(':');
  const baseMs = Number(base);
  if (base === '' || !Number.isFinite(baseMs)) return undefined;
  const index = seq === undefined ? (context.seq ?? 0) : Number(seq);
  return roundTripMs(baseMs, context.uuid, index).toFixed(3);
}

/** `{{rtt-stats:BASE:COUNT}}`: busybox ping's `min/avg/max` over the first COUNT echoes. */
function fillRoundTripStats(spec: string, context: RenderContext): string | undefined {
  const [base = '', count = ''] = spec.split(':');
  const baseMs = Number(base);
  const n = Number(count);
  if (!Number.isFinite(baseMs) || !Number.isInteger(n) || n < 1) return undefined;
  const times = Array.from({ length: n }, (_, seq) => roundTripMs(baseMs, context.uuid, seq));
  const average = times.reduce((sum, time) => sum + time, 0) / n;
  return [Math.min(...times), average, Math.max(...times)].map((t) => t.toFixed(3)).join('/');
}

function fill(text: string, at: number, pid: number | null, context: RenderContext): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (name.startsWith('time:')) {
      const format = TIME_FORMATS[name.slice('time:'.length)];
      return format === undefined ? whole : format(at);
    }
    if (name.startsWith('ip:')) return context.resolve(name.slice('ip:'.length)) ?? whole;
    if (name.startsWith('rtt:')) return fillRoundTrip(name.slice('rtt:'.length), context) ?? whole;
    if (name.startsWith('rtt-stats:')) {
      return fillRoundTripStats(name.slice('rtt-stats:'.length), context) ?? whole;
    }
    switch (name) {
      case 'hostname':
        return context.hostname;
      case 'ip':
        return context.ip;
      case 'kernel':
        return context.kernel;
      case 'uuid':
        return context.uuid;
      case 'pid':
        return pid === null ? whole : String(pid);
      case 'seq':
        return String(context.seq ?? 0);
      default:
        return whole;
    }
  });
}

/**
 * The lines as the container writes them: placeholders filled, each line at its instant, a
 * per-CPU line once per CPU (line by line, so every worker's line comes before the next kind).
 * A placeholder it cannot fill stays as it is.
 */
export function renderLogs(lines: readonly LogLine[], context: RenderContext): RenderedLine[] {
  const rendered: RenderedLine[] = [];
  for (const line of lines) {
    const at = context.startedAtMs + line.atMs;
    const count = line.perCpu === undefined ? 1 : Math.max(1, context.cpus);
    for (let index = 0; index < count; index++) {
      const pid = line.perCpu === undefined ? null : line.perCpu.firstPid + index;
      rendered.push({ stream: line.stream, text: fill(line.text, at, pid, context), at });
    }
  }
  return rendered;
}
