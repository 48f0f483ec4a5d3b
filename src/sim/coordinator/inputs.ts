import { assert } from '../../lib/assert';
import type { DaemonRequest } from '../../api/operations';
import type { FileRequest } from '../../lib/filesystem';
import type { RaftAdminAction } from '../machine';
import type { LinkOptions } from '../network';
import type { MachineInit, SystemdAction, SystemdUnit } from './types';

/**
 * Everything that came from outside, stamped with the virtual time it took effect at
 * (docs/architecture.md, "Inputs and saves"). Replaying the list on the same config gives the
 * same run.
 * `advance` records how far time was moved between inputs, because an input placed before or
 * after the messages due at the same instant changes the run. `host-failed` records a host that
 * threw, so that a replay injects the same failure at the same call.
 */
export type SimInput<P> =
  | { readonly type: 'advance'; readonly toMs: number }
  | { readonly type: 'stop-daemon'; readonly atMs: number; readonly hostname: string }
  | { readonly type: 'start-daemon'; readonly atMs: number; readonly hostname: string }
  | { readonly type: 'partition'; readonly atMs: number; readonly groups: readonly string[][] }
  | { readonly type: 'heal'; readonly atMs: number }
  | {
      readonly type: 'block-link';
      readonly atMs: number;
      readonly from: string;
      readonly to: string;
    }
  | { readonly type: 'link-weather'; readonly atMs: number; readonly link: LinkOptions }
  | {
      readonly type: 'raft-admin';
      readonly atMs: number;
      readonly hostname: string;
      readonly action: RaftAdminAction;
    }
  | {
      readonly type: 'propose';
      readonly atMs: number;
      readonly hostname: string;
      readonly payload: P;
    }
  | { readonly type: 'add-machine'; readonly atMs: number; readonly machine: MachineInit }
  | { readonly type: 'remove-machine'; readonly atMs: number; readonly hostname: string }
  | {
      readonly type: 'call';
      readonly atMs: number;
      readonly hostname: string;
      readonly callId: string;
      readonly request: DaemonRequest;
    }
  | { readonly type: 'cancel-call'; readonly atMs: number; readonly callId: string }
  | {
      readonly type: 'systemctl';
      readonly atMs: number;
      readonly hostname: string;
      readonly action: SystemdAction;
      readonly units: readonly SystemdUnit[];
    }
  | {
      readonly type: 'files';
      readonly atMs: number;
      readonly hostname: string;
      readonly request: FileRequest;
    }
  | {
      readonly type: 'host-failed';
      readonly atMs: number;
      readonly hostname: string;
      readonly call: HostCall;
    };

export type HostCall =
  'step' | 'propose' | 'raft-admin' | 'set-daemon' | 'call' | 'files' | 'export';

/** The input list, with consecutive advances merged so an idle page does not grow it. */
export class InputLog<P> {
  readonly #inputs: SimInput<P>[] = [];

  record(input: SimInput<P>): void {
    const last = this.#inputs.at(-1);
    if (input.type === 'advance' && last?.type === 'advance') {
      this.#inputs[this.#inputs.length - 1] = input;
      return;
    }
    this.#inputs.push(input);
  }

  /**
   * Moves the end of the last advance back to `toMs`, where it stopped early. Only host
   * failures, which a replay injects by their own time, can have been recorded since.
   */
  endAdvanceAt(toMs: number): void {
    for (let i = this.#inputs.length - 1; i >= 0; i--) {
      const input = this.#inputs[i];
      if (input?.type === 'host-failed') continue;
      assert(input?.type === 'advance', 'an advance that stops early was recorded last');
      this.#inputs[i] = { type: 'advance', toMs };
      return;
    }
    assert(false, 'an advance that stops early was recorded');
  }

  list(): readonly SimInput<P>[] {
    return [...this.#inputs];
  }

  get size(): number {
    return this.#inputs.length;
  }

  /** A checkpoint was taken: the inputs before it are in it, and the list starts again. */
  clear(): void {
    this.#inputs.length = 0;
  }
}

/** A multiset of host failures to inject while replaying, keyed by when and where they hit. */
export class FailureInjections {
  readonly #pending = new Map<string, number>();

  add(atMs: number, hostname: string, call: HostCall): void {
    const key = failureKey(atMs, hostname, call);
    this.#pending.set(key, (this.#pending.get(key) ?? 0) + 1);
  }

  /** True (once per recorded failure) when this call failed in the recorded run. */
  take(atMs: number, hostname: string, call: HostCall): boolean {
    // Asked before every host call; almost no run has a failure to replay.
    if (this.#pending.size === 0) return false;
    const key = failureKey(atMs, hostname, call);
    const count = this.#pending.get(key) ?? 0;
    if (count === 0) return false;
    if (count === 1) this.#pending.delete(key);
    else this.#pending.set(key, count - 1);
    return true;
  }
}

function failureKey(atMs: number, hostname: string, call: HostCall): string {
  return `${atMs}|${hostname}|${call}`;
}
