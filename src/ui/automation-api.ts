import type { ClusterView } from '../sim/read-model';
import type { ExecResult } from './state/exec-result';

export type { ExecResult };

/**
 * `window.playground`: the automation API for scripted demos, embedding and tests
 * (docs/automation.md). Kept free of implementation imports so pages and tests can type it.
 */
export interface PlaygroundApi {
  exec(line: string, options?: { machine?: string }): Promise<ExecResult>;
  advance(seconds: number): Promise<void>;
  state(): ClusterView;
  reset(options?: { preset?: string; seed?: number }): Promise<void>;
}
