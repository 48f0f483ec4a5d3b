import type { Entry } from '../raft';
import { actionTable, describeAction, type StoreProposal, type StoreState } from '../swarm/store';
import type { SwarmDaemonData } from '../swarm/node';
import { decodeBase64 } from '../lib/base64';
import type { Coordinator } from './coordinator';
import { sealEntry } from './machine/sealed-storage';

/**
 * A manager's Raft log as the graph shows it: the last entries on its disk, each as the manager
 * reads it (when its daemon runs and holds the key) beside what the disk really holds, the
 * entry's data sealed under the manager's DEK. A secret's entry shows as ciphertext only, since
 * its data is never put into words here.
 */
export interface RaftLogView {
  readonly hostname: string;
  /** `open`: the daemon runs and reads its log; `sealed`: only ciphertext is on the disk. */
  readonly state: 'open' | 'sealed';
  /** Whether only the unlock key opens the DEK (autolock). */
  readonly wrapped: boolean;
  readonly lastIndex: number;
  readonly entries: readonly RaftLogEntryView[];
}

export interface RaftLogEntryView {
  readonly index: number;
  readonly term: number;
  /** What the entry changes (`create secret`, `update task ×3`), or null when sealed. */
  readonly what: string | null;
  /** Whether the entry carries a secret (only known while the log is open). */
  readonly secret: boolean;
  /** The first bytes of the sealed data, in hex, and how many bytes it has. */
  readonly sealedHex: string;
  readonly sealedBytes: number;
}

/** How many of the newest entries the view shows. */
export const RAFT_LOG_VIEW_ENTRIES = 12;
const HEX_BYTES = 12;

function hex(base64: string): { readonly text: string; readonly bytes: number } {
  const bytes = decodeBase64(base64) ?? new Uint8Array();
  const shown = Array.from(bytes.subarray(0, HEX_BYTES), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
  return { text: shown, bytes: bytes.length };
}

/** `update task ×3, create service`: each kind of change once, in order, with its count. */
function describeEntry(entry: Entry<StoreProposal>): string {
  if (entry.data.type === 'empty') return 'empty (a new leader’s first entry)';
  if (entry.data.type === 'conf-change') {
    return `${entry.data.change.kind} ${String(entry.data.change.nodeId)}`;
  }
  const counts = new Map<string, number>();
  for (const action of entry.data.payload.actions) {
    const words = describeAction(action);
    counts.set(words, (counts.get(words) ?? 0) + 1);
  }
  return [...counts].map(([words, n]) => (n === 1 ? words : `${words} ×${n}`)).join(', ');
}

function carriesSecret(entry: Entry<StoreProposal>): boolean {
  return (
    entry.data.type === 'normal' &&
    entry.data.payload.actions.some((action) => actionTable(action) === 'secret')
  );
}

/** The view of `hostname`'s log, or null when the machine keeps no Raft storage. */
export async function raftLogView(
  coordinator: Coordinator<StoreProposal, StoreState, SwarmDaemonData>,
  hostname: string,
): Promise<RaftLogView | null> {
  const disk = coordinator.disk(hostname);
  const { storage, diskKey, sealed } = disk;
  if (storage !== null && diskKey !== undefined) {
    const dek = decodeBase64(diskKey.dek);
    if (dek === null) return null;
    const newest = storage.entries.slice(-RAFT_LOG_VIEW_ENTRIES);
    const entries = await Promise.all(
      newest.map(async (entry): Promise<RaftLogEntryView> => {
        const data = hex((await sealEntry(dek, entry)).data);
        return {
          index: entry.index,
          term: entry.term,
          what: describeEntry(entry),
          secret: carriesSecret(entry),
          sealedHex: data.text,
          sealedBytes: data.bytes,
        };
      }),
    );
    return {
      hostname,
      state: 'open',
      wrapped: diskKey.kek !== null,
      lastIndex: storage.entries.at(-1)?.index ?? storage.snapshot.metadata.index,
      entries: entries.reverse(),
    };
  }
  if (sealed === undefined) return null;
  const entries = sealed.entries.slice(-RAFT_LOG_VIEW_ENTRIES).map((entry): RaftLogEntryView => {
    const data = hex(entry.data);
    return {
      index: entry.index,
      term: entry.term,
      what: null,
      secret: false,
      sealedHex: data.text,
      sealedBytes: data.bytes,
    };
  });
  return {
    hostname,
    state: 'sealed',
    wrapped: 'wrapped' in sealed.dek,
    lastIndex: sealed.entries.at(-1)?.index ?? sealed.snapshot.metadata.index,
    entries: entries.reverse(),
  };
}
