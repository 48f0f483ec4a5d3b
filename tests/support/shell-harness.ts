import { refusingEngine, type EngineApi } from '../../src/api/engine';
import { neverCancelled, type CancelSignal } from '../../src/lib/cancel';
import { FakeClock } from './fake-clock';
import { FileSystem, hostFilesOver, type HostFiles } from '../../src/lib/filesystem';

/** A machine's files in memory, as the shell reaches them (through answers, not the tree). */
export function memoryFiles(
  hostname = 'manager1',
  nowMs = 1_700_000_000_000,
): {
  files: HostFiles;
  tree: FileSystem;
} {
  const tree = FileSystem.standard(hostname, nowMs);
  return {
    tree,
    files: hostFilesOver((request) => Promise.resolve(tree.apply(request, nowMs))),
  };
}
import type {
  LabControl,
  ProcessContext,
  ProgramEntry,
  ServiceManager,
} from '../../src/cli/process';
import { builtinPrograms } from '../../src/cli/programs';
import { ShellSession, type TerminalPort } from '../../src/cli/shell/session';

/** A terminal that records what the shell writes. */
export class RecordingTerminal implements TerminalPort {
  output = '';
  columns: number;
  rows: number;

  constructor(columns = 80, rows = 24) {
    this.columns = columns;
    this.rows = rows;
  }

  write(data: string): void {
    this.output += data;
  }

  /** What was written since the last call. */
  take(): string {
    const output = this.output;
    this.output = '';
    return output;
  }
}

/** The shell never calls the engine itself; programs under test that need it bring their own. */
export const unusedEngine: EngineApi = refusingEngine(
  () => new Error('engine not used in shell tests'),
);

/** A program that runs until released or cancelled, to test Ctrl+C and type-ahead. */
export function blockingProgram(name = 'block'): {
  entry: ProgramEntry;
  release: (status: number) => void;
  started: () => boolean;
  cancelledSeen: () => boolean;
} {
  let release: (status: number) => void = () => undefined;
  let started = false;
  let cancelledSeen = false;
  const entry: ProgramEntry = {
    name,
    summary: 'Wait until released',
    run: ({ stdout, cancel }) => {
      started = true;
      stdout.write('waiting\n');
      return new Promise((resolve) => {
        release = resolve;
        cancel.onCancel(() => {
          cancelledSeen = true;
        });
      });
    },
  };
  return {
    entry,
    release: (status) => {
      release(status);
    },
    started: () => started,
    cancelledSeen: () => cancelledSeen,
  };
}

/** `status N`: exits with N. */
export const statusProgram: ProgramEntry = {
  name: 'status',
  summary: 'Exit with the given status',
  run: ({ args }) => Promise.resolve(Number(args[0] ?? '0')),
};

/** `args A B`: prints each argument in brackets, to see word splitting. */
export const argsProgram: ProgramEntry = {
  name: 'args',
  summary: 'Print arguments',
  run: ({ args, stdout }) => {
    stdout.write(`${args.map((arg) => `[${arg}]`).join('')}\n`);
    return Promise.resolve(0);
  },
};

/** `upper`: stdin in capitals; reports whether stdin and stdout are the terminal. */
export const upperProgram: ProgramEntry = {
  name: 'upper',
  summary: 'Upper-case stdin',
  run: async ({ stdin, stdout }) => {
    stdout.write((await stdin.readAll()).toUpperCase());
    return 0;
  },
};

export const ttyProgram: ProgramEntry = {
  name: 'tty-check',
  summary: 'Report terminal state',
  run: ({ stdin, stdout, terminal }) => {
    stdout.write(`stdin:${stdin.isTerminal} stdout:${terminal !== null}\n`);
    return Promise.resolve(0);
  },
};

/** `err TEXT`: writes TEXT to stderr and fails. */
export const errProgram: ProgramEntry = {
  name: 'err',
  summary: 'Write to stderr',
  run: ({ args, stderr }) => {
    stderr.write(`${args.join(' ')}\n`);
    return Promise.resolve(1);
  },
};

/** `secret`: reads a hidden line and prints its length. */
export const secretProgram: ProgramEntry = {
  name: 'secret',
  summary: 'Read a hidden line',
  run: async ({ stdout, terminal }) => {
    const line = await terminal?.readSecretLine('Enter unlock key: ');
    if (line === null || line === undefined) return 1;
    stdout.write(`read ${line.length} characters\n`);
    return 0;
  },
};

/** `confirm`: asks an echoed question and prints the answer. */
export const confirmProgram: ProgramEntry = {
  name: 'confirm',
  summary: 'Read an echoed line',
  run: async ({ stdout, terminal }) => {
    const line = await terminal?.readLine('Sure? [y/N] ');
    if (line === null || line === undefined) return 1;
    stdout.write(`answer ${line}\n`);
    return 0;
  },
};

export const testPrograms: readonly ProgramEntry[] = [
  ...builtinPrograms,
  confirmProgram,
  statusProgram,
  argsProgram,
  upperProgram,
  ttyProgram,
  errProgram,
  secretProgram,
];

export function createSession(
  options: {
    programs?: readonly ProgramEntry[];
    history?: readonly string[];
    columns?: number;
    onHistoryChange?: (history: readonly string[]) => void;
    files?: HostFiles;
  } = {},
): { session: ShellSession; terminal: RecordingTerminal } {
  const terminal = new RecordingTerminal(options.columns);
  const session = new ShellSession({
    hostname: 'manager1',
    programs: options.programs ?? testPrograms,
    engine: unusedEngine,
    clock: new FakeClock(),
    port: terminal,
    history: options.history ?? [],
    onHistoryChange: options.onHistoryChange ?? (() => undefined),
    ...(options.files === undefined ? {} : { files: options.files }),
  });
  session.start();
  terminal.take();
  return { session, terminal };
}

/** Lets pending promise callbacks run (programs resolve asynchronously). */
export function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface ProgramRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** Runs one program directly, with `stdin` piped in (or the terminal when undefined). */
export async function runProgram(
  entry: ProgramEntry,
  args: readonly string[],
  options: {
    stdin?: string;
    history?: readonly string[];
    programs?: readonly ProgramEntry[];
    systemd?: ServiceManager;
    lab?: LabControl;
  } = {},
): Promise<ProgramRun> {
  let stdout = '';
  let stderr = '';
  const cancel: CancelSignal = neverCancelled;
  const context: ProcessContext = {
    args,
    stdin: {
      isTerminal: options.stdin === undefined,
      readAll: () => Promise.resolve(options.stdin ?? ''),
    },
    stdout: { write: (text) => (stdout += text) },
    stderr: { write: (text) => (stderr += text) },
    cancel,
    host: {
      hostname: 'manager1',
      engine: unusedEngine,
      history: options.history ?? [],
      env: new Map([['HOME', '/root']]),
      programs: options.programs ?? builtinPrograms,
      clock: new FakeClock(),
      ...(options.systemd === undefined ? {} : { systemd: options.systemd }),
      ...(options.lab === undefined ? {} : { lab: options.lab }),
    },
    terminal: null,
  };
  const status = await entry.run(context);
  return { stdout, stderr, status };
}

/** Runs a program on `stdin` and gives what it wrote to both streams, with its exit status. */
export async function runText(
  program: ProgramEntry,
  args: readonly string[],
  stdin: string,
): Promise<[string, number]> {
  const result = await runProgram(program, args, { stdin });
  return [result.stdout + result.stderr, result.status];
}
