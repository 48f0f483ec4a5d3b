import { kindGuard } from '../../lib/kinds';
import type { DaemonData } from '../../machine-api';
import type { CoordinatorCheckpoint } from './checkpoint';
import type { SimInput } from './inputs';
import type { CoordinatorConfig, MachineStatus } from './types';

export const SNAPSHOT_FORMAT = 'swarm-playground/sim';
/**
 * Bumped whenever the same inputs would replay to another trace, or a checkpoint's shape
 * changes: 2 added `machine-moved` (promotions and demotions move machines between workers),
 * 3 added checkpoints.
 */
export const SNAPSHOT_VERSION = 3;

/**
 * A version 2 save is a version 3 save without a checkpoint: its inputs replay the same run, so
 * a page updated under a running session takes the session up.
 */
const VERSION_WITHOUT_CHECKPOINTS = 2;

/**
 * A save of the whole simulation as plain data (JSON-safe): the config, the last checkpoint
 * (the whole run at a quiet instant; null until a save takes one), every input since it in
 * order, and where the run was. Restoring rebuilds the checkpoint (or a fresh run from the
 * config) and replays the inputs, which gives exactly the same future; the trace hash and count
 * check that the replay reached the same state. `machines` is the read model at save time, so
 * a page can show the save before the replay finishes.
 */
export interface CoordinatorSnapshot<P, S, D extends DaemonData> {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: typeof SNAPSHOT_VERSION;
  readonly config: CoordinatorConfig;
  readonly checkpoint: CoordinatorCheckpoint<P, S, D> | null;
  /** The inputs since the checkpoint, or since time 0 without one. */
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
  files: true,
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

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

const isPlacement = kindGuard<'own-worker' | 'shared'>({ 'own-worker': true, shared: true });

/**
 * The checkpoint's outline: its counters, the fabric's and the names' lists, and each
 * machine's status with either an exported state or a disk. What is inside a machine's state
 * is the machine's to read when its host is built; a save that it cannot read fails there, and
 * one that replays elsewhere fails the trace check.
 */
function checkCheckpoint(value: unknown): void {
  if (value === null) return;
  if (!isRecord(value)) throw new SnapshotError('the save has an unreadable checkpoint');
  for (const key of [
    'nowMs',
    'prngState',
    'nextCallNumber',
    'nextProposal',
    'hostCalls',
    'messagesSent',
  ] as const) {
    if (!isFiniteNumber(value[key])) throw new SnapshotError(`the save's checkpoint has no ${key}`);
  }
  const { network, names, units, trace, machines } = value;
  if (!isNetwork(network)) throw new SnapshotError("the save's checkpoint has no network");
  if (!isNames(names)) throw new SnapshotError("the save's checkpoint has no machine names");
  if (!isRecord(units) || !Array.isArray(units.units) || !Array.isArray(units.activations)) {
    throw new SnapshotError("the save's checkpoint has no systemd units");
  }
  if (
    !isRecord(trace) ||
    typeof trace.hash !== 'string' ||
    !isFiniteNumber(trace.count) ||
    !Array.isArray(trace.undrained)
  ) {
    throw new SnapshotError("the save's checkpoint has no trace checksum");
  }
  if (!Array.isArray(machines)) throw new SnapshotError("the save's checkpoint has no machines");
  for (const machine of machines) checkMachineCheckpoint(machine);
}

function isNetwork(value: unknown): boolean {
  return (
    isRecord(value) &&
    isFiniteNumber(value.prngState) &&
    isFiniteNumber(value.nextSequence) &&
    isRecord(value.defaultLink) &&
    Array.isArray(value.links) &&
    Array.isArray(value.blocked) &&
    Array.isArray(value.inFlight)
  );
}

function isNames(value: unknown): boolean {
  return (
    isRecord(value) &&
    Array.isArray(value.names) &&
    Array.isArray(value.addresses) &&
    isFiniteNumber(value.nextNodeId)
  );
}

function checkMachineCheckpoint(value: unknown): void {
  const valid =
    isRecord(value) &&
    isRecord(value.status) &&
    typeof value.status.hostname === 'string' &&
    (value.nextTickMs === null || isFiniteNumber(value.nextTickMs)) &&
    isPlacement(value.placement) &&
    (value.placementRefused === null || isPlacement(value.placementRefused)) &&
    (value.failure === null || typeof value.failure === 'string') &&
    ((isRecord(value.state) && isRecord(value.state.snapshot) && value.disk === null) ||
      (value.state === null && isRecord(value.disk)));
  if (!valid) throw new SnapshotError("the save's checkpoint holds a machine it cannot read");
}

/** Checks an untrusted value (from IndexedDB or a share link) before it is replayed. */
export function parseSnapshot<P, S, D extends DaemonData>(
  raw: unknown,
  isPayload: (value: unknown) => value is P,
): CoordinatorSnapshot<P, S, D> {
  if (!isRecord(raw) || raw.format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError('this is not a Swarm Playground save');
  }
  const value =
    raw.version === VERSION_WITHOUT_CHECKPOINTS && raw.checkpoint === undefined
      ? { ...raw, version: SNAPSHOT_VERSION, checkpoint: null }
      : raw;
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
  checkCheckpoint(value.checkpoint);
  if (!Array.isArray(value.inputs)) throw new SnapshotError('the save has no input list');
  for (const input of value.inputs) checkInput(input, isPayload);
  const trace = value.trace;
  if (!isRecord(trace) || typeof trace.hash !== 'string' || typeof trace.count !== 'number') {
    throw new SnapshotError('the save has no trace checksum');
  }
  if (typeof value.nowMs !== 'number' || !Array.isArray(value.machines)) {
    throw new SnapshotError('the save is incomplete');
  }
  return value as unknown as CoordinatorSnapshot<P, S, D>;
}
