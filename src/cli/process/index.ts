import type { EngineApi } from '../../api/engine';
import type { CancelSignal } from '../../lib/cancel';
import type { HostFiles } from '../../lib/filesystem';
import type { VirtualClock } from '../../lib/virtual-clock';

export type { VirtualClock } from '../../lib/virtual-clock';

/**
 * The contract between the shell and every program it runs (`docker`, `echo`, `grep`, ...).
 * A program reads its arguments and stdin, writes text to stdout and stderr, and resolves to its
 * exit status, as a Unix process does. Programs never touch xterm or the DOM.
 */
export interface OutputStream {
  write(text: string): void;
}

export interface InputStream {
  /** True when stdin is the terminal itself (no pipe, no redirect), as `isatty(0)` would say. */
  readonly isTerminal: boolean;
  /** Everything piped in. A terminal stdin has nothing buffered and yields ''. */
  readAll(): Promise<string>;
}

/** What a program may do with the terminal it runs in, when it runs in one. */
export interface TerminalControl {
  /** Width in columns, for output that wraps or truncates like the real CLI. */
  readonly columns: number;
  /**
   * Prints `prompt`, then reads one line without echoing it (as `docker swarm unlock` reads its
   * key). Resolves to null when the user presses Ctrl+C or Ctrl+D.
   */
  readSecretLine(prompt: string): Promise<string | null>;
  /** Prints `prompt`, then reads one line, echoed (docker's `[y/N]` prompts); null on Ctrl+C/D. */
  readLine(prompt: string): Promise<string | null>;
  /** Height in rows, for a program that draws the whole screen (`nano`, `vi`). */
  readonly rows: number;
  /**
   * Puts the terminal in raw mode, as a full-screen program does (no echo, no line editing,
   * Ctrl+C a key like any other), until the returned terminal is closed or the program ends.
   */
  raw(): RawTerminal;
}

/** What a raw terminal delivers: each key as it comes, and a change of the window's size. */
export type RawInput = { readonly kind: 'key'; readonly key: string } | { readonly kind: 'resize' };

export interface RawTerminal {
  /** The next input; null once the terminal is back in the shell's hands (closed, or the job ended). */
  next(): Promise<RawInput | null>;
  close(): void;
}

/** The machine a program runs on. */
export interface HostContext {
  readonly hostname: string;
  /** The Engine API of this machine's docker daemon. */
  readonly engine: EngineApi;
  /** This machine's shell history, oldest first (for `history`). */
  readonly history: readonly string[];
  /** Environment variables visible to programs (HOME, HOSTNAME, ...). */
  readonly env: ReadonlyMap<string, string>;
  /** The commands this machine's shell can run, for `help`. Absent outside a shell session. */
  readonly programs?: readonly ProgramEntry[];
  /** systemd on this machine, for `systemctl` and `service`; absent where there is none. */
  readonly systemd?: ServiceManager;
  /** The playground itself, for the `playground` command; absent outside the page. */
  readonly lab?: LabControl;
  /** The machine's virtual time, for commands that wait on it (`service create`'s progress). */
  readonly clock: VirtualClock;
  /**
   * The machine's own files (`/root`, `/etc`, ...): absolute paths; resolve a relative one
   * with `resolvePath(path, cwd)`. Absent where the machine has none (some tests).
   */
  readonly files?: HostFiles;
  /** The working directory relative paths are resolved against. */
  readonly cwd?: string;
}

/** What the `playground` command (clearly not docker's) may do to the lab. */
export interface LabControl {
  machines(): readonly { readonly hostname: string; readonly address: string }[];
  addMachine(role: 'manager' | 'worker'): Promise<{ hostname: string } | { error: string }>;
  removeMachine(hostname: string): Promise<{ removed: true } | { error: string }>;
}

/** The two units docker-ce installs (swarm-semantics.md §13). */
export type DockerUnit = 'docker.service' | 'docker.socket';

export interface UnitStates {
  readonly service: 'active' | 'inactive' | 'failed';
  readonly socket: 'active' | 'inactive';
  /** When each unit last changed state, on the machine's wall clock (Unix ms). */
  readonly serviceSinceMs: number;
  readonly socketSinceMs: number;
}

/** What `systemctl` may ask of the machine's systemd. */
export interface ServiceManager {
  units(): UnitStates;
  /** Starting docker.service also starts docker.socket, which it requires. */
  apply(action: 'start' | 'stop' | 'restart', units: readonly DockerUnit[]): Promise<void>;
  /** The machine's wall clock (Unix ms), for `since …; 5min ago`. */
  nowEpochMs(): number;
}

export interface ProcessContext {
  /** Arguments after the program name, after quote removal and expansion. */
  readonly args: readonly string[];
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Set when the user presses Ctrl+C; a program that waits must stop and resolve. */
  readonly cancel: CancelSignal;
  readonly host: HostContext;
  /** Present only when stdout is the terminal (not a pipe or redirect). */
  readonly terminal: TerminalControl | null;
  /**
   * Says the program handles Ctrl+C itself until the returned function is called (Go's
   * `signal.Notify`): the shell then lets it finish and print, instead of killing it. Absent
   * where nothing can interrupt a program.
   */
  readonly trapInterrupt?: () => () => void;
}

/** A runnable program. Resolves to the exit status ($?). */
export type Program = (context: ProcessContext) => Promise<number>;

/**
 * Completion candidates for the word under the cursor, given the words before it. `words` starts
 * with the program's name (`['docker', 'node']` while completing `docker node l`), quotes removed.
 */
export type Completer = (input: { words: readonly string[]; current: string }) => string[];

export interface ProgramEntry {
  readonly name: string;
  readonly run: Program;
  /** One line for `help`. */
  readonly summary: string;
  readonly complete?: Completer;
}
