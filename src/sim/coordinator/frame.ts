import type { TraceEvent } from '../trace';
import type { Coordinator } from './coordinator';
import type { MachineStatus, RpcFlight } from './types';
import type { DaemonData } from '../../machine-api';

/** Everything the page needs for one frame, in one round trip. */
export interface SimulationFrame {
  readonly nowMs: number;
  readonly machines: readonly MachineStatus[];
  /** The trace events since the last frame; the last of them is the run's `traceCount`th. */
  readonly events: readonly TraceEvent[];
  readonly traceCount: number;
  readonly rpcs: readonly RpcFlight[];
  readonly traceHash: string;
}

/** Drains the trace and the RPC flights and reads every status at once. */
export function takeFrame<P, S, D extends DaemonData>(
  coordinator: Coordinator<P, S, D>,
): SimulationFrame {
  return {
    nowMs: coordinator.nowMs,
    machines: coordinator.status(),
    events: coordinator.drainTrace(),
    rpcs: coordinator.drainRpcs(),
    traceHash: coordinator.traceHash(),
    traceCount: coordinator.traceCount,
  };
}
