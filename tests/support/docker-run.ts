import type { EngineApi } from '../../src/api/engine';
import { neverCancelled, type CancelSignal } from '../../src/lib/cancel';
import { dockerProgram } from '../../src/cli/docker';
import { fakeEngine } from './fake-engine';
import { FakeClock } from './fake-clock';
import type { VirtualClock } from '../../src/lib/virtual-clock';
import type { HostFiles } from '../../src/lib/filesystem';

export interface DockerResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

export interface RunOptions {
  readonly engine?: EngineApi;
  /** Terminal width; null runs without a terminal (help wraps at 80). */
  readonly columns?: number | null;
  /** Text piped into stdin; stdin is then not the terminal. */
  readonly stdin?: string;
  /** What the user types at a hidden prompt (`docker swarm unlock`); null is Ctrl+C or Ctrl+D. */
  readonly secretLine?: string | null;
  /** What the user types at an echoed prompt (`docker volume prune`); null is Ctrl+C or Ctrl+D. */
  readonly line?: string | null;
  readonly cancel?: CancelSignal;
  /** Virtual time for commands that wait; a fresh `FakeClock` when absent. */
  readonly clock?: VirtualClock;
  /** The machine's files (`memoryFiles()`); none when absent. */
  readonly files?: HostFiles;
  /** The shell's environment beside HOME (`docker stack config` substitutes from it). */
  readonly env?: ReadonlyMap<string, string>;
}

/** Runs `docker <args>` as the shell would, capturing both streams and the exit status. */
export async function runDocker(
  args: readonly string[],
  options: RunOptions = {},
): Promise<DockerResult> {
  let stdout = '';
  let stderr = '';
  const columns = options.columns ?? null;
  const piped = options.stdin;
  const code = await dockerProgram.run({
    args,
    stdin: {
      isTerminal: columns !== null && piped === undefined,
      readAll: () => Promise.resolve(piped ?? ''),
    },
    stdout: { write: (text) => (stdout += text) },
    stderr: { write: (text) => (stderr += text) },
    cancel: options.cancel ?? neverCancelled,
    host: {
      hostname: 'manager1',
      engine: options.engine ?? fakeEngine(),
      history: [],
      env: new Map([['HOME', '/root'], ...(options.env ?? [])]),
      clock: options.clock ?? new FakeClock(),
      ...(options.files === undefined ? {} : { files: options.files, cwd: '/root' }),
    },
    terminal:
      columns === null
        ? null
        : {
            columns,
            rows: 24,
            raw: () => {
              throw new Error('docker never puts the terminal in raw mode');
            },
            // The terminal echoes the prompt and the newline after the hidden input.
            readSecretLine: (prompt) => {
              stdout += prompt;
              const line = options.secretLine ?? null;
              if (line !== null) stdout += '\n';
              return Promise.resolve(line);
            },
            // The terminal echoes the prompt, the line typed and its newline.
            readLine: (prompt) => {
              stdout += prompt;
              const line = options.line ?? null;
              if (line !== null) stdout += `${line}\n`;
              return Promise.resolve(line);
            },
          },
  });
  return { stdout, stderr, code };
}
