import type { EngineApi } from '../../src/api/engine';
import { neverCancelled } from '../../src/lib/cancel';
import { dockerProgram } from '../../src/cli/docker';
import { fakeEngine } from './fake-engine';

export interface DockerResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

export interface RunOptions {
  readonly engine?: EngineApi;
  /** Terminal width; null runs without a terminal (help wraps at 80). */
  readonly columns?: number | null;
}

/** Runs `docker <args>` as the shell would, capturing both streams and the exit status. */
export async function runDocker(
  args: readonly string[],
  options: RunOptions = {},
): Promise<DockerResult> {
  let stdout = '';
  let stderr = '';
  const columns = options.columns ?? null;
  const code = await dockerProgram.run({
    args,
    stdin: { isTerminal: columns !== null, readAll: () => Promise.resolve('') },
    stdout: { write: (text) => (stdout += text) },
    stderr: { write: (text) => (stderr += text) },
    cancel: neverCancelled,
    host: {
      hostname: 'manager1',
      engine: options.engine ?? fakeEngine(),
      history: [],
      env: new Map([['HOME', '/root']]),
    },
    terminal: columns === null ? null : { columns, readSecretLine: () => Promise.resolve(null) },
  });
  return { stdout, stderr, code };
}
