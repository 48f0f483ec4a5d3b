import { kindGuard } from '../../lib/kinds';
import type { SimInput } from './inputs';
import type { CoordinatorConfig, MachineStatus } from './types';

export const SNAPSHOT_FORMAT = 'swarm-playground/sim';
/**
 * Bumped whenever the same inputs would replay to another trace: 2 added `machine-moved`
 * (promotions and demotions move machines between workers).
 */
export const SNAPSHOT_VERSION = 2;

/**
 * A save of the whole simulation as plain data (JSON-safe): the config, every input in order,
 * and where the run was. Restoring replays the inputs on the config, which gives exactly the same
 * future; the trace hash and count check that the replay reached the same state. `machines` is
 * the read model at save time, so a page can show the save before the replay finishes.
 */
export interface CoordinatorSnapshot<P> {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: typeof SNAPSHOT_VERSION;
  readonly config: CoordinatorConfig;
  readonly inputs: readonly SimInput<P>[];
  readonly nowMs: number;
  readonly trace: { readonly count: number; readonly hash: string };
  readonly machines: readonly MachineStatus[];
}

/** A save that cannot be used: corrupt, from another version, or replaying to another state. */
export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

const isInputType = kindGuard<SimInput<unknown>['type']>({
  advance: true,
  'stop-daemon': true,
  'start-daemon': true,
  partition: true,
  heal: true,
  'block-link': true,
  'link-weather': true,
  'raft-admin': true,
  propose: true,
  'add-machine': true,
  'remove-machine': true,
  'host-failed': true,
  call: true,
  'cancel-call': true,
  systemctl: true,
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkInput(value: unknown, isPayload: (value: unknown) => boolean): void {
  if (!isRecord(value) || !isInputType(value.type)) {
    throw new SnapshotError('the save holds an input of an unknown kind');
  }
  const time = value.type === 'advance' ? value.toMs : value.atMs;
  if (typeof time !== 'number' || !Number.isFinite(time)) {
    throw new SnapshotError(`the save holds a ${value.type} input without a time`);
  }
  if (value.type === 'propose' && !isPayload(value.payload)) {
    throw new SnapshotError('the save holds a proposal this version cannot read');
  }
}

function checkConfig(value: unknown): void {
  if (
    !isRecord(value) ||
    !Array.isArray(value.machines) ||
    typeof value.seed !== 'number' ||
    typeof value.epochMs !== 'number'
  ) {
    throw new SnapshotError('the save has no valid cluster configuration');
  }
}

/** Checks an untrusted value (from IndexedDB or a share link) before it is replayed. */
export function parseSnapshot<P>(
  value: unknown,
  isPayload: (value: unknown) => value is P,
): CoordinatorSnapshot<P> {
  if (!isRecord(value) || value.format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError('this is not a Swarm Playground save');
  }
  if (value.version !== SNAPSHOT_VERSION) {
    const made =
      typeof value.version === 'number' && value.version < SNAPSHOT_VERSION
        ? 'an older'
        : 'another';
    throw new SnapshotError(
      `the save was made by ${made} version of the playground (save format ${String(value.version)}; this page reads ${SNAPSHOT_VERSION})`,
    );
  }
  checkConfig(value.config);
  if (!Array.isArray(value.inputs)) throw new SnapshotError('the save has no input list');
  for (const input of value.inputs) checkInput(input, isPayload);
  const trace = value.trace;
  if (!isRecord(trace) || typeof trace.hash !== 'string' || typeof trace.count !== 'number') {
    throw new SnapshotError('the save has no trace checksum');
  }
  if (typeof value.nowMs !== 'number' || !Array.isArray(value.machines)) {
    throw new SnapshotError('the save is incomplete');
  }
  return value as unknown as CoordinatorSnapshot<P>;
}
