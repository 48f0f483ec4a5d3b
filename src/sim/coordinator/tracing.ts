import type { NodeId } from '../../raft';
import type { InFlight } from '../network';
import type { DropReason, TraceEvent } from '../trace';
import type { Packet } from './packets';
import { EMPTY_TRACE_HASH, TraceLog } from './trace-log';
import type { RpcFlight } from './types';

const TRACE_BUFFER_MAX = 200_000;
const FLIGHT_BUFFER_MAX = 50_000;

type Envelope<P, S> = InFlight<Packet<P, S>, NodeId>;

/**
 * Where a trace stood, as plain data: its count, its hash, and the events the page had not
 * drained yet (so that a restored page still shows them in its event log).
 */
export interface TraceResume {
  readonly count: number;
  readonly hash: string;
  readonly undrained: readonly TraceEvent[];
}

/**
 * A checkpoint keeps at most this many undrained events, so that a page that never drains (a
 * hidden tab) does not grow its save.
 */
const UNDRAINED_KEPT_MAX = 2_000;

/**
 * The run's trace and the RPC flights for the graph's dots. Every event goes through here into
 * the hashed trace; a message's trip is traced when it is sent, then again with its flight when
 * it is delivered or dropped, unless the config turned RPC tracing off.
 */
export class RunTrace<P, S> {
  readonly #log: TraceLog;
  readonly #traceRpcs: boolean;
  /** Hostnames for the flights; the fabric knows node ids only. */
  readonly #nameOf: (id: NodeId) => string | null;
  #flights: RpcFlight[] = [];

  constructor(options: {
    readonly traceRpcs: boolean;
    /** Keep the running hash (see `CoordinatorOptions.hashTrace`). */
    readonly hashing: boolean;
    readonly nameOf: (id: NodeId) => string | null;
    /** Where a restored checkpoint's trace stood; a fresh run starts empty. */
    readonly resume?: TraceResume;
  }) {
    const resume = options.resume;
    this.#log = new TraceLog({
      hash: options.hashing ? (resume?.hash ?? EMPTY_TRACE_HASH) : null,
      count: resume?.count ?? 0,
      bufferMax: TRACE_BUFFER_MAX,
      undrained: resume?.undrained ?? [],
    });
    this.#traceRpcs = options.traceRpcs;
    this.#nameOf = options.nameOf;
  }

  get hash(): string {
    return this.#log.hash;
  }

  get count(): number {
    return this.#log.count;
  }

  /** Where the trace stands now, to resume it from a checkpoint. */
  resumePoint(): TraceResume {
    return {
      count: this.#log.count,
      hash: this.#log.hash,
      undrained: this.#log.undrained().slice(-UNDRAINED_KEPT_MAX),
    };
  }

  emit(event: TraceEvent): void {
    this.#log.emit(event);
  }

  drainEvents(): TraceEvent[] {
    return this.#log.drain();
  }

  drainFlights(): RpcFlight[] {
    const flights = this.#flights;
    this.#flights = [];
    return flights;
  }

  sent(message: Packet<P, S>, nowMs: number): void {
    if (!this.#traceRpcs) return;
    this.emit(rpcEvent('rpc-sent', message, nowMs));
  }

  delivered(envelope: Envelope<P, S>, nowMs: number): void {
    if (!this.#traceRpcs) return;
    this.emit(rpcEvent('rpc-delivered', envelope.message, nowMs));
    this.#flight(envelope, 'delivered', null, nowMs);
  }

  dropped(envelope: Envelope<P, S>, reason: DropReason, nowMs: number): void {
    if (!this.#traceRpcs) return;
    const { message } = envelope;
    this.emit({
      type: 'rpc-dropped',
      timeMs: nowMs,
      member: message.from,
      to: message.to,
      rpc: message.type,
      term: message.term,
      reason,
    });
    this.#flight(envelope, 'dropped', reason, nowMs);
  }

  #flight(
    envelope: Envelope<P, S>,
    outcome: RpcFlight['outcome'],
    reason: DropReason | null,
    nowMs: number,
  ): void {
    this.#flights.push({
      sequence: envelope.sequence,
      from: this.#nameOf(envelope.from) ?? String(envelope.from),
      to: this.#nameOf(envelope.to) ?? String(envelope.to),
      rpc: envelope.message.type,
      term: envelope.message.term,
      sentAtMs: envelope.sentAtMs,
      resolvedAtMs: nowMs,
      outcome,
      reason,
    });
    // A page that stops draining (a hidden tab) must not grow memory without bound.
    if (this.#flights.length > FLIGHT_BUFFER_MAX) this.#flights.splice(0, FLIGHT_BUFFER_MAX >> 1);
  }
}

function rpcEvent<P, S>(
  type: 'rpc-sent' | 'rpc-delivered',
  message: Packet<P, S>,
  nowMs: number,
): TraceEvent {
  return {
    type,
    timeMs: nowMs,
    member: message.from,
    to: message.to,
    rpc: message.type,
    term: message.term,
  };
}
