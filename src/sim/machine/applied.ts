import type { Entry } from '../../raft';
import { stableHash } from '../trace';

/**
 * What the trace's `entry-applied` event says an entry carried: the payload as its state
 * machine describes it, or the entry's kind. Its digest is the event's `digest`.
 */
export function appliedText<P>(entry: Entry<P>, describe: (payload: P) => string): string {
  return entry.data.type === 'normal' ? describe(entry.data.payload) : entry.data.type;
}

/**
 * One link of a hash chain over applied entries. A state machine that keeps this chain (the
 * key-value machine does) can be checked from its trace alone: an observer that chains the
 * `entry-applied` events reaches the same value as the state, index by index.
 */
export function chainLink(chain: string, index: number, term: number, digest: string): string {
  return stableHash(`${chain}|${index}|${term}|${digest}`);
}
