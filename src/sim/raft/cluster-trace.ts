import type { NodeId, ProposalResult } from '../../raft';
import type { DropReason, TraceEvent, TraceSink } from '../trace';
import type { RaftMessage } from './cluster';

/**
 * The harness's side of the trace. Everything here is a no-op without a sink, so sweeps and
 * benchmarks build no event objects; RPC events are opt-in because they dominate the volume.
 */
export class ClusterTrace {
  readonly #sink: TraceSink | undefined;
  readonly #rpcs: boolean;

  constructor(sink: TraceSink | undefined, rpcs: boolean) {
    this.#sink = sink;
    this.#rpcs = rpcs;
  }

  get enabled(): boolean {
    return this.#sink !== undefined;
  }

  emit(event: TraceEvent): void {
    this.#sink?.emit(event);
  }

  rpc(type: 'rpc-sent' | 'rpc-delivered', timeMs: number, message: RaftMessage): void {
    if (!this.#rpcs || this.#sink === undefined) return;
    this.#sink.emit({
      type,
      timeMs,
      member: message.from,
      to: message.to,
      rpc: message.type,
      term: message.term,
    });
  }

  drop(timeMs: number, message: RaftMessage, reason: DropReason): void {
    if (!this.#rpcs || this.#sink === undefined) return;
    this.#sink.emit({
      type: 'rpc-dropped',
      timeMs,
      member: message.from,
      to: message.to,
      rpc: message.type,
      term: message.term,
      reason,
    });
  }

  proposal(timeMs: number, member: NodeId, proposal: string, result: ProposalResult): void {
    if (this.#sink === undefined) return;
    this.#sink.emit({
      type: 'proposal',
      timeMs,
      member,
      proposal,
      accepted: result.ok,
      index: result.ok ? result.index : 0,
      reason: result.ok ? '' : result.reason,
    });
  }
}
