import type { Entry } from '../../raft';
import { stableHash } from '../trace';

/** The harness's entry payload: an opaque proposal id such as "p17". */
export type Payload = string;

/**
 * The harness's replicated state machine: a hash chain over every applied entry. Equal chains at
 * an index mean equal histories up to it, which is what State Machine Safety compares. It is also
 * the snapshot data a member installs.
 */
export interface MachineState {
  readonly appliedIndex: number;
  readonly chain: string;
}

export const initialMachineState: MachineState = { appliedIndex: 0, chain: '0000000000000000' };

/** A short name of what an entry carries, for the trace and the log-matching checker. */
export function entryDigest(entry: Entry<Payload>): string {
  switch (entry.data.type) {
    case 'empty':
      return 'empty';
    case 'normal':
      return entry.data.payload;
    case 'conf-change':
      return `${entry.data.change.kind}:${entry.data.change.nodeId}`;
  }
}

/** The digest of an entry's payload, as the trace's `entry-applied` event shows it. */
export function payloadDigest(entry: Entry<Payload>): string {
  return stableHash(entryDigest(entry));
}

export function applyEntry(state: MachineState, entry: Entry<Payload>): MachineState {
  return {
    appliedIndex: entry.index,
    chain: stableHash(`${state.chain}|${entry.index}|${entry.term}|${entryDigest(entry)}`),
  };
}
