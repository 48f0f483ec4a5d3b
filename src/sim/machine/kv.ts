import { stableHash } from '../trace';
import { appliedText, chainLink } from './applied';
import type { ReplicatedStateMachine } from '../../machine-api';
import type { NoDaemon } from '../../machine-api';

/**
 * The payloads of this issue: a tiny key-value log. It is a plain-data union on purpose, so the
 * swarm store's commands can join it (or replace it) without touching the machine or the hosts.
 */
export type KvCommand =
  | { readonly type: 'kv-set'; readonly key: string; readonly value: string }
  | { readonly type: 'kv-delete'; readonly key: string };

/**
 * The key-value state. `pairs` is sorted by key so that equal states are equal as JSON, and
 * `chain` is a hash chain over every applied entry (equal chains mean equal histories), linked
 * from what each `entry-applied` event shows, so the fault sweeps' checkers can follow it from
 * the trace (`chainLink`).
 */
export interface KvState {
  readonly appliedIndex: number;
  readonly chain: string;
  readonly pairs: readonly (readonly [string, string])[];
}

export const initialKvState: KvState = { appliedIndex: 0, chain: '0000000000000000', pairs: [] };

function describeKv(command: KvCommand): string {
  switch (command.type) {
    case 'kv-set':
      return `set ${command.key}=${command.value}`;
    case 'kv-delete':
      return `delete ${command.key}`;
  }
}

/** A new sorted array with the command applied; the old one is state and stays as it was. */
function applyCommand(
  pairs: readonly (readonly [string, string])[],
  command: KvCommand,
): (readonly [string, string])[] {
  // Binary search for the key's place: sweeps write hundreds of keys, and sorting on every
  // write made applying quadratic.
  let lo = 0;
  let hi = pairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const key = pairs[mid]?.[0] ?? '';
    if (key < command.key) lo = mid + 1;
    else hi = mid;
  }
  const present = pairs[lo]?.[0] === command.key;
  const next = pairs.slice();
  if (command.type === 'kv-delete') {
    if (present) next.splice(lo, 1);
  } else {
    next.splice(lo, present ? 1 : 0, [command.key, command.value]);
  }
  return next;
}

function isKvCommand(value: unknown): value is KvCommand {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (typeof record.key !== 'string') return false;
  if (record.type === 'kv-delete') return true;
  return record.type === 'kv-set' && typeof record.value === 'string';
}

export const kvStateMachine: ReplicatedStateMachine<KvCommand, KvState, NoDaemon> = {
  initial: initialKvState,
  apply(state, entry) {
    const pairs =
      entry.data.type === 'normal' ? applyCommand(state.pairs, entry.data.payload) : state.pairs;
    return {
      appliedIndex: entry.index,
      chain: chainLink(
        state.chain,
        entry.index,
        entry.term,
        stableHash(appliedText(entry, describeKv)),
      ),
      pairs,
    };
  },
  describe: describeKv,
  isPayload: isKvCommand,
};
