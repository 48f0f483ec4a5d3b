import type {
  Answer,
  DaemonInput,
  DaemonState,
  DurableChange,
  FilesInput,
  FilesOutput,
  MachineOutput,
  MachineSnapshot,
  MachineSource,
  MachineState,
  MachineStatusData,
  ProposeInput,
  ProposeOutput,
  RaftAdminInput,
  StepInput,
} from '../sim/machine';
import type { CallInput } from '../sim/machine/host';
import type { DaemonData } from '../machine-api';
import { kindGuard } from '../lib/kinds';
import { isFileRequest } from '../lib/filesystem';
import { isMessageType } from '../raft';

/**
 * What `manager.worker.ts` exposes through Comlink: the coordinator's MachineHost calls plus
 * `init`, which builds the machine from plain data. Every argument and result is plain data
 * (structured-cloned by postMessage), and both ends validate it (anchors §3 rule 6: pair
 * assertions across the worker boundary).
 */
/** A worker answers at once, or after the cipher work a call left (see `MachineRunner`). */
export interface ManagerWorkerApi<P, S, D extends DaemonData> {
  /** Builds the machine from its disk, or from the state of a machine that moves here. */
  init(source: MachineSource<P, S, D>): void;
  step(input: StepInput<P, S>): Answer<MachineOutput<P, S, D>>;
  propose(input: ProposeInput<P>): Answer<ProposeOutput<P, S, D>>;
  setDaemon(input: DaemonInput): Answer<MachineOutput<P, S, D>>;
  /** A membership change or leadership transfer (bare Raft runs; the daemon makes its own). */
  raftAdmin(input: RaftAdminInput): Answer<ProposeOutput<P, S, D>>;
  /** An Engine API call on the machine's daemon (the swarm daemon's calls). */
  call(input: CallInput): Answer<MachineOutput<P, S, D>>;
  /** A request of the host's files (its shell's redirections, `mkdir`, `rm`, ...). */
  files(input: FilesInput): Answer<FilesOutput<P, S, D>>;
  status(): Answer<MachineStatusData>;
  snapshot(): Answer<MachineSnapshot<P, S, D>>;
  /** The running machine as plain data for a move; null while it cannot move yet. */
  exportState(): Answer<MachineState<P, S, D> | null>;
}

/** A value that broke the protocol: a bug on one side, shown as a crashed machine. */
export class ProtocolError extends Error {
  constructor(message: string) {
    super(`worker protocol: ${message}`);
    this.name = 'ProtocolError';
  }
}

const isDaemonState = kindGuard<DaemonState>({ running: true, stopped: true, crashed: true });

type Fields = Record<string, unknown>;

function record(value: unknown, what: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError(`${what} is not an object`);
  }
  return value as Fields;
}

function count(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ProtocolError(`${what} is not a time or count`);
  }
  return value;
}

function list(value: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new ProtocolError(`${what} is not a list`);
  return value;
}

function checkMessage(value: unknown): void {
  const message = record(value, 'a message');
  if (!isMessageType(message.type)) {
    throw new ProtocolError(`unknown message type ${String(message.type)}`);
  }
  count(message.from, 'message.from');
  count(message.to, 'message.to');
  count(message.term, 'message.term');
}

function checkEvent(value: unknown): void {
  const event = record(value, 'a trace event');
  if (typeof event.type !== 'string') throw new ProtocolError('a trace event has no type');
  count(event.timeMs, 'event.timeMs');
  count(event.member, 'event.member');
}

export function checkStatus(value: unknown): MachineStatusData {
  const status = record(value, 'a status');
  if (typeof status.hostname !== 'string' || typeof status.address !== 'string') {
    throw new ProtocolError('a status has no hostname or address');
  }
  if (status.role !== 'manager' && status.role !== 'worker') {
    throw new ProtocolError('a status has no role');
  }
  if (!isDaemonState(status.daemon)) throw new ProtocolError('a status has no daemon state');
  if (status.raft !== null) count(record(status.raft, 'status.raft').term, 'raft.term');
  if (status.durable !== null) count(record(status.durable, 'status.durable').term, 'term');
  return value as MachineStatusData;
}

export function checkStepInput<P, S>(value: unknown): StepInput<P, S> {
  const input = record(value, 'a step');
  count(input.nowMs, 'step.nowMs');
  list(input.messages, 'step.messages').forEach(checkMessage);
  if (typeof input.tick !== 'boolean') throw new ProtocolError('step.tick is not a boolean');
  if (input.wires !== undefined) list(input.wires, 'step.wires');
  return value as StepInput<P, S>;
}

export function checkProposeInput<P>(
  value: unknown,
  isPayload: (payload: unknown) => payload is P,
): ProposeInput<P> {
  const input = record(value, 'a proposal');
  count(input.nowMs, 'propose.nowMs');
  if (typeof input.proposalId !== 'string') throw new ProtocolError('a proposal has no id');
  if (!isPayload(input.payload)) throw new ProtocolError('a proposal payload is malformed');
  return value as ProposeInput<P>;
}

export function checkRaftAdminInput(value: unknown): RaftAdminInput {
  const input = record(value, 'a Raft change');
  count(input.nowMs, 'raftAdmin.nowMs');
  const action = record(input.action, 'raftAdmin.action');
  if (action.kind === 'conf-change') {
    const change = record(action.change, 'raftAdmin.change');
    if (change.kind !== 'add-voter' && change.kind !== 'remove-voter') {
      throw new ProtocolError(`unknown membership change ${String(change.kind)}`);
    }
    count(change.nodeId, 'raftAdmin.change.nodeId');
  } else if (action.kind === 'transfer-leadership') {
    count(action.to, 'raftAdmin.to');
  } else {
    throw new ProtocolError(`unknown Raft change ${String(action.kind)}`);
  }
  return value as RaftAdminInput;
}

export function checkDaemonInput(value: unknown): DaemonInput {
  const input = record(value, 'a daemon change');
  count(input.nowMs, 'daemon.nowMs');
  if (!isDaemonState(input.daemon)) throw new ProtocolError('unknown daemon state');
  return value as DaemonInput;
}

export function checkOutput<P, S, D extends DaemonData>(value: unknown): MachineOutput<P, S, D> {
  const output = record(value, 'an output');
  list(output.messages, 'output.messages').forEach(checkMessage);
  list(output.events, 'output.events').forEach(checkEvent);
  checkStatus(output.status);
  if (output.wires !== undefined) list(output.wires, 'output.wires');
  if (output.answers !== undefined) list(output.answers, 'output.answers');
  if (output.durable !== undefined) list(output.durable, 'output.durable').forEach(checkDurable);
  if (output.durableAfterEvents !== undefined) {
    const marks = list(output.durableAfterEvents, 'output.durableAfterEvents');
    marks.forEach((mark) => count(mark, 'a disk write mark'));
    if (output.durable === undefined || marks.length !== list(output.durable, 'durable').length) {
      throw new ProtocolError('output.durableAfterEvents does not match output.durable');
    }
  }
  return value as MachineOutput<P, S, D>;
}

export function checkProposeOutput<P, S, D extends DaemonData>(
  value: unknown,
): ProposeOutput<P, S, D> {
  checkOutput(value);
  const output = record(value, 'a proposal answer');
  if (typeof output.accepted !== 'boolean' || typeof output.reason !== 'string') {
    throw new ProtocolError('a proposal answer is malformed');
  }
  count(output.index, 'propose.index');
  return value as ProposeOutput<P, S, D>;
}

export function checkFilesInput(value: unknown): FilesInput {
  const input = record(value, 'a files request');
  count(input.nowMs, 'files.nowMs');
  if (!isFileRequest(input.request)) throw new ProtocolError('a file request is malformed');
  return value as FilesInput;
}

export function checkFilesOutput<P, S, D extends DaemonData>(value: unknown): FilesOutput<P, S, D> {
  checkOutput(value);
  const output = record(value, 'a files answer');
  const answer = record(output.answer, 'files.answer');
  if (typeof answer.ok !== 'boolean') throw new ProtocolError('a files answer is malformed');
  return value as FilesOutput<P, S, D>;
}

export function checkSnapshot<P, S, D extends DaemonData>(
  value: unknown,
): MachineSnapshot<P, S, D> {
  const snapshot = record(value, 'a machine snapshot');
  const spec = record(snapshot.spec, 'snapshot.spec');
  if (typeof spec.hostname !== 'string') throw new ProtocolError('a snapshot has no hostname');
  count(spec.nodeId, 'spec.nodeId');
  if (!isDaemonState(snapshot.daemon)) throw new ProtocolError('a snapshot has no daemon');
  if (snapshot.storage !== null) record(snapshot.storage, 'snapshot.storage');
  count(snapshot.prngState, 'snapshot.prngState');
  count(snapshot.bootCount, 'snapshot.bootCount');
  record(snapshot.raftOptions, 'snapshot.raftOptions');
  if (snapshot.files !== undefined)
    record(record(snapshot.files, 'snapshot.files').nodes, 'files.nodes');
  return value as MachineSnapshot<P, S, D>;
}

const isDurableKind = kindGuard<DurableChange<unknown, unknown, DaemonData>['kind']>({
  files: true,
  storage: true,
  append: true,
  'hard-state': true,
  'install-snapshot': true,
  sealed: true,
  'disk-key': true,
  disk: true,
  counters: true,
});

function checkDurable(value: unknown): void {
  const change = record(value, 'a disk write');
  if (!isDurableKind(change.kind)) {
    throw new ProtocolError(`unknown disk write ${String(change.kind)}`);
  }
}

/**
 * A moved machine's state. Its Raft half is checked by `RawNode.fromState` (assertions on every
 * invariant it relies on); here, the shape the worker needs before it gets that far.
 */
export function checkState<P, S, D extends DaemonData>(value: unknown): MachineState<P, S, D> {
  const state = record(value, 'a machine state');
  checkSnapshot(state.snapshot);
  if (state.raft !== null) record(state.raft, 'state.raft');
  count(state.appliedIndex, 'state.appliedIndex');
  if (state.daemonState !== null) record(state.daemonState, 'state.daemonState');
  return value as MachineState<P, S, D>;
}

export function checkSource<P, S, D extends DaemonData>(value: unknown): MachineSource<P, S, D> {
  const source = record(value, 'a machine source');
  if (source.kind === 'disk') checkSnapshot(source.snapshot);
  else if (source.kind === 'moved') checkState(source.state);
  else throw new ProtocolError(`unknown machine source ${String(source.kind)}`);
  return value as MachineSource<P, S, D>;
}

export function checkCallInput(value: unknown): CallInput {
  const input = record(value, 'a daemon call');
  count(input.nowMs, 'call.nowMs');
  if (typeof input.callId !== 'string') throw new ProtocolError('a daemon call has no id');
  record(input.request, 'call.request');
  return value as CallInput;
}
