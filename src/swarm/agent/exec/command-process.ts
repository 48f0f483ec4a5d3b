import { fnv1a } from '../../../lib/string-hash';
import type { LogLine, ProcessBehaviour } from './images';

/**
 * What a command a lab types does and prints (`alpine ping docker.com`, `busybox sleep 3600`,
 * `sh -c 'while true; do echo hi; sleep 1; done'`), as busybox's programs do it: a shell
 * without a script exits at once (no TTY), a script runs its commands in turn, `sleep N` waits,
 * `echo`, `date` and `hostname` print, `ping` prints an echo a second, a `while true` loop
 * repeats its body. The image's own program with other arguments behaves as the image does; a
 * program this does not know runs until it is stopped and prints nothing.
 *
 * Names: the lab has no DNS of its own and no overlay networks yet, so a service name (a name
 * without a dot) does not resolve, and ping says `bad address` and exits 1 as it would; an
 * internet name resolves to a stand-in address drawn from the name (the lab reaches Docker Hub,
 * so it reaches the internet, but not its real addresses).
 */
export function commandProcess(
  command: readonly string[],
  image: {
    readonly entrypoint: readonly string[];
    readonly cmd: readonly string[];
    readonly process: ProcessBehaviour;
  },
): ProcessBehaviour {
  const [program = '', ...args] = command;
  const name = basename(program);
  if (SHELLS.has(name)) {
    const script = args[0] === '-c' ? args[1] : undefined;
    if (script !== undefined) return runScript(script);
    return args.length === 0 ? exits([], 100, 0) : RUNS_SILENT;
  }
  if (name === basename(image.entrypoint[0] ?? '') && name !== '') {
    // docker-library's entrypoint scripts start the image's own program for its name or for
    // options (`redis-server`, `--appendonly yes`) and otherwise `exec "$@"`: `docker service
    // create redis echo done` echoes and exits, as a job's task must.
    const rest = command.slice(image.entrypoint.length);
    const first = rest[0];
    const own = basename(image.cmd[0] ?? '');
    if (first === undefined || first.startsWith('-') || basename(first) === own) {
      return image.process;
    }
    return commandProcess(rest, { entrypoint: [], cmd: [], process: image.process });
  }
  return runCommands([command]);
}

const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'ash']);
/** Programs that print what this cannot know (a listing, a file) and exit. */
const SILENT_ONE_SHOT: ReadonlySet<string> = new Set(['true', 'env', 'ls', 'cat']);
/** A program ends no sooner than this after it started (exec and exit). */
const MIN_EXIT_MS = 100;

const RUNS_SILENT: ProcessBehaviour = { kind: 'runs', logs: [] };

function basename(program: string): string {
  return program.split('/').pop() ?? program;
}

function exits(logs: readonly LogLine[], afterMs: number, exitCode: number): ProcessBehaviour {
  return { kind: 'exits', logs, afterMs: Math.max(MIN_EXIT_MS, afterMs), exitCode };
}

function line(stream: LogLine['stream'], text: string, atMs: number): LogLine {
  return { stream, text, atMs: Math.round(atMs) };
}

/** What one command does from instant `t`: its lines, and when it ends (null: never). */
interface Step {
  readonly logs: readonly LogLine[];
  readonly endsAtMs: number | null;
  /** Set when the command ends the script (`exit`, a failed ping): its exit code. */
  readonly exitCode?: number;
  /** A program that runs forever and repeats lines (ping without `-c`). */
  readonly repeat?: { readonly everyMs: number; readonly logs: readonly LogLine[] };
}

/** The shell's words of a simple command: split on blanks, quotes removed. */
function words(text: string): string[] {
  const found: string[] = [];
  const pattern = /'([^']*)'|"([^"]*)"|(\S+)/g;
  for (const match of text.matchAll(pattern)) found.push(match[1] ?? match[2] ?? match[3] ?? '');
  return found;
}

/** `a; b && c` split into its commands (newlines too); a `while` loop kept whole. */
function splitCommands(script: string): string[][] {
  return script
    .split(/;|&&|\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(words);
}

const LOOP = /^\s*while\s+(?:true|:)\s*;?\s*do\s+([\s\S]*?);?\s*done\s*;?\s*$/;

/** `sh -c SCRIPT`: a whole `while true` loop, or commands in turn (a loop among them is not read). */
function runScript(script: string): ProcessBehaviour {
  const loop = LOOP.exec(script);
  if (loop !== null) return runLoop(splitCommands(loop[1] ?? ''));
  return runCommands(splitCommands(script));
}

/** Commands in turn: each from when the one before ended; one that never ends ends the list. */
function runCommands(commands: readonly (readonly string[])[]): ProcessBehaviour {
  const logs: LogLine[] = [];
  let t = 0;
  for (const command of commands) {
    const step = runCommand(command, t);
    logs.push(...step.logs);
    if (step.repeat !== undefined) return { kind: 'runs', logs, repeat: step.repeat };
    if (step.endsAtMs === null) return { kind: 'runs', logs };
    t = step.endsAtMs;
    if (step.exitCode !== undefined) return exits(logs, t, step.exitCode);
  }
  return exits(logs, t, 0);
}

/** `while true; do …; done`: the body's lines again every time round. */
function runLoop(body: readonly (readonly string[])[]): ProcessBehaviour {
  const logs: LogLine[] = [];
  let t = 0;
  for (const command of body) {
    const step = runCommand(command, t);
    if (step.endsAtMs === null || step.repeat !== undefined) {
      return {
        kind: 'runs',
        logs: [...logs, ...step.logs],
        ...(step.repeat ? { repeat: step.repeat } : {}),
      };
    }
    if (step.exitCode !== undefined)
      return exits([...logs, ...step.logs], step.endsAtMs, step.exitCode);
    logs.push(...step.logs);
    t = step.endsAtMs;
  }
  // A loop without a wait would print without end: this shows nothing of it rather than guess.
  if (t === 0) return RUNS_SILENT;
  return { kind: 'runs', logs, repeat: { everyMs: t, logs } };
}

/** Redirections of a command's output the logs can follow: to stderr, or nowhere. */
function redirected(command: readonly string[]): {
  readonly words: readonly string[];
  readonly stream: LogLine['stream'] | null;
} {
  let stream: LogLine['stream'] | null = 'stdout';
  const kept: string[] = [];
  for (const word of command) {
    if (word === '>&2' || word === '1>&2') stream = 'stderr';
    else if (/^1?>\/dev\/null$/.test(word)) stream = null;
    else if (word !== '2>&1') kept.push(word);
  }
  return { words: kept, stream };
}

function runCommand(command: readonly string[], t: number): Step {
  const { words: plain, stream } = redirected(command);
  const step = runProgram(plain, t);
  if (stream === 'stdout') return step;
  const moved = (logs: readonly LogLine[]): LogLine[] =>
    stream === null
      ? logs.filter((entry) => entry.stream !== 'stdout')
      : logs.map((entry) => ({ ...entry, stream }));
  return {
    ...step,
    logs: moved(step.logs),
    ...(step.repeat === undefined
      ? {}
      : { repeat: { ...step.repeat, logs: moved(step.repeat.logs) } }),
  };
}

function runProgram(command: readonly string[], t: number): Step {
  const [program = '', ...args] = command;
  const name = basename(program);
  switch (name) {
    case 'echo': {
      const printed = args[0] === '-n' || args[0] === '-e' ? args.slice(1) : args;
      return { logs: [line('stdout', printed.join(' '), t)], endsAtMs: t };
    }
    case 'printf':
      return {
        logs: (args[0] ?? '')
          .replace(/\\n$/, '')
          .split('\\n')
          .map((text) => line('stdout', text, t)),
        endsAtMs: t,
      };
    case 'date':
      return { logs: [line('stdout', '{{time:date}}', t)], endsAtMs: t };
    case 'hostname':
      return { logs: [line('stdout', '{{hostname}}', t)], endsAtMs: t };
    case 'sleep': {
      const seconds = sleepSeconds(args[0] ?? '');
      return { logs: [], endsAtMs: seconds === null ? null : t + seconds * 1000 };
    }
    case 'false':
      return { logs: [], endsAtMs: t, exitCode: 1 };
    case 'exit':
      return { logs: [], endsAtMs: t, exitCode: Number(args[0] ?? '0') || 0 };
    case 'ping':
      return ping(args, t);
    default:
      return SILENT_ONE_SHOT.has(name) ? { logs: [], endsAtMs: t } : { logs: [], endsAtMs: null };
  }
}

/** `sleep`'s argument: seconds, or with a unit (`10m`, `1h`, `1d`); `infinity` never ends. */
function sleepSeconds(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text);
  if (match === null) return null;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] ?? ''] ?? 1;
  return Number(match[1]) * unit;
}

/** Where a ping goes, and how its echoes come back. */
interface PingTarget {
  readonly ip: string;
  readonly ttl: number;
  readonly baseMs: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Addresses that are not on the internet: a stand-in address skips their first octets. */
const PRIVATE_FIRST_OCTETS: ReadonlySet<number> = new Set([127, 169, 172, 192]);

function pingTarget(host: string): PingTarget | null {
  if (host === 'localhost') return { ip: '127.0.0.1', ttl: 64, baseMs: 0.06 };
  const hash = fnv1a(host);
  if (IPV4.test(host)) {
    const local = host.startsWith('127.');
    return { ip: host, ttl: local ? 64 : 37 + (hash % 20), baseMs: local ? 0.06 : 5 + (hash % 35) };
  }
  if (!host.includes('.')) return null;
  let first = 100 + (hash % 100);
  if (PRIVATE_FIRST_OCTETS.has(first)) first += 1;
  const ip = [first, (hash >>> 8) & 0xff, (hash >>> 16) & 0xff, 1 + ((hash >>> 24) % 254)].join(
    '.',
  );
  return { ip, ttl: 37 + (hash % 20), baseMs: 5 + ((hash >>> 4) % 35) };
}

/** Options of busybox ping that take a value. */
const PING_VALUE_OPTIONS: ReadonlySet<string> = new Set(['-c', '-s', '-t', '-i', '-W', '-w', '-I']);

/** busybox ping: a header, an echo a second, and with `-c N` the statistics after the last. */
function ping(args: readonly string[], t: number): Step {
  let count: number | null = null;
  let host = '';
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (PING_VALUE_OPTIONS.has(arg)) {
      if (arg === '-c') count = Number(args[index + 1]);
      index++;
    } else if (!arg.startsWith('-')) host = arg;
  }
  // Without a host busybox prints its usage: not written out here.
  if (host === '') return { logs: [], endsAtMs: t, exitCode: 1 };
  const target = pingTarget(host);
  if (target === null) {
    return {
      logs: [line('stderr', `ping: bad address '${host}'`, t + 5)],
      endsAtMs: t + 5,
      exitCode: 1,
    };
  }
  const { ip, ttl, baseMs } = target;
  const header = line('stdout', `PING ${host} (${ip}): 56 data bytes`, t);
  const echo = (seq: number | null, atMs: number): LogLine =>
    line(
      'stdout',
      `64 bytes from ${ip}: seq=${seq ?? '{{seq}}'} ttl=${ttl} time={{rtt:${baseMs}${seq === null ? '' : `:${seq}`}}} ms`,
      atMs,
    );
  if (count === null || !Number.isInteger(count) || count < 1) {
    return {
      logs: [header, echo(0, t + baseMs)],
      endsAtMs: null,
      repeat: { everyMs: 1000, logs: [echo(null, t + baseMs)] },
    };
  }
  const echoes = Array.from({ length: count }, (_, seq) => echo(seq, t + seq * 1000 + baseMs));
  const end = t + (count - 1) * 1000 + baseMs + 1;
  return {
    logs: [
      header,
      ...echoes,
      line('stdout', '', end),
      line('stdout', `--- ${host} ping statistics ---`, end),
      line(
        'stdout',
        `${count} packets transmitted, ${count} packets received, 0% packet loss`,
        end,
      ),
      line('stdout', `round-trip min/avg/max = {{rtt-stats:${baseMs}:${count}}} ms`, end),
    ],
    endsAtMs: end,
  };
}
