import {
  SnapshotError,
  type CoordinatorCheckpoint,
  type CoordinatorConfig,
  type CoordinatorSnapshot,
} from '../sim/coordinator';
import type { DaemonData } from '../machine-api';
import { openRecord, sealRecord, type SealedRecord } from './sealed-record';

/**
 * A save in two parts. The checkpoint (every machine's whole state: tens of megabytes on a large
 * lab) changes once a virtual minute at most, while the inputs since it change with every
 * command; so the checkpoint is written once, under an id of its own, and each save writes only
 * its head: the snapshot with the checkpoint replaced by a reference to it.
 */

/** The checkpoint a head stands on: its id in the store, and the instant it was taken. */
export interface CheckpointRef {
  readonly id: string;
  readonly nowMs: number;
}

/**
 * A checkpoint as the store keeps it: with its id in clear, so a record read back can be
 * checked, and the checkpoint itself sealed (`sealed-record.ts`), since it holds every machine's
 * data, the secrets' among them. Opened, it is `{ id, checkpoint }`, which `joinHead` reads.
 */
export interface StoredCheckpoint {
  readonly id: string;
  readonly checkpoint: SealedRecord;
}

/** The record the store keeps for `checkpoint`, named `id`. */
export async function sealCheckpoint<P, S, D extends DaemonData>(
  id: string,
  checkpoint: CoordinatorCheckpoint<P, S, D>,
): Promise<StoredCheckpoint> {
  return { id, checkpoint: await sealRecord(checkpoint) };
}

/**
 * A stored checkpoint record opened, as `joinHead` takes it: undefined stays undefined (nothing
 * stored), anything else that does not open makes the save unusable with the reason.
 */
export async function openCheckpoint(stored: unknown): Promise<unknown> {
  if (stored === undefined) return undefined;
  if (!isRecord(stored)) throw new SnapshotError("the save's checkpoint is unreadable");
  const opened = await openRecord(stored.checkpoint);
  if (opened.kind === 'corrupt') throw new SnapshotError(opened.reason);
  return { id: stored.id, checkpoint: opened.value };
}

/** A coordinator snapshot whose checkpoint is stored apart and named by reference. */
export type SnapshotHead<P, S, D extends DaemonData> = Omit<
  CoordinatorSnapshot<P, S, D>,
  'checkpoint'
> & { readonly checkpoint: CheckpointRef | null };

/**
 * Names a checkpoint. The instant and the trace hash it stood at tell two checkpoints of one run
 * apart; the run's epoch (the wall time it started at) tells runs apart, so that a reset's
 * checkpoint never passes for the one an older save names.
 */
export function checkpointId<P, S, D extends DaemonData>(
  config: CoordinatorConfig,
  checkpoint: CoordinatorCheckpoint<P, S, D>,
): string {
  return `${config.epochMs}-${config.seed}-${checkpoint.nowMs}-${checkpoint.trace.hash}`;
}

/** The head of `snapshot`, naming `ref` (null when the snapshot has no checkpoint). */
export function headOf<P, S, D extends DaemonData>(
  snapshot: CoordinatorSnapshot<P, S, D>,
  ref: CheckpointRef | null,
): SnapshotHead<P, S, D> {
  return { ...snapshot, checkpoint: ref };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCheckpointRef(value: unknown): value is CheckpointRef {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.nowMs === 'number' &&
    Number.isFinite(value.nowMs)
  );
}

/** The checkpoint a head names, or null for a head without one; throws for anything else. */
export function refOf(head: unknown): CheckpointRef | null {
  if (!isRecord(head)) throw new SnapshotError('this is not a Swarm Playground save');
  if (head.checkpoint === null) return null;
  if (!isCheckpointRef(head.checkpoint)) {
    throw new SnapshotError("the save's reference to its checkpoint is unreadable");
  }
  return head.checkpoint;
}

/**
 * Puts a head and the checkpoint record it names back together, as the one snapshot
 * `Coordinator.restore` reads (which then checks all of it). `stored` is what the store holds
 * under the head's id, undefined when nothing. A missing checkpoint, or one that is not the
 * head's (another id, another instant), makes the save unusable: it is never half-loaded.
 */
export function joinHead(head: unknown, stored: unknown): Record<string, unknown> {
  const ref = refOf(head);
  if (!isRecord(head)) throw new SnapshotError('this is not a Swarm Playground save');
  if (ref === null) return head;
  if (stored === undefined) {
    throw new SnapshotError("the save's checkpoint is missing from the browser's storage");
  }
  if (!isRecord(stored) || !isRecord(stored.checkpoint) || typeof stored.id !== 'string') {
    throw new SnapshotError("the save's checkpoint is unreadable");
  }
  if (stored.id !== ref.id || stored.checkpoint.nowMs !== ref.nowMs) {
    throw new SnapshotError('the stored checkpoint belongs to another save');
  }
  return { ...head, checkpoint: stored.checkpoint };
}
