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

function applyCommand(
  pairs: readonly (readonly [string, string])[],
  command: KvCommand,
): (readonly [string, string])[] {
  const rest = pairs.filter(([key]) => key !== command.key);
  if (command.type === 'kv-delete') return rest;
  rest.push([command.key, command.value]);
  return rest.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
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
