import { isReadRequest, type AnyFileAnswer, type FileRequest } from '../../lib/filesystem';
import type { CoordinatorState } from './coordinator-state';
import { fail, invoke } from './host-calls';
import { absorb } from './routing';
import type { DaemonData } from '../../machine-api';

/**
 * The host's own files, asked by its shell. A read is answered from the coordinator's mirror of
 * the machine's disk, which every reported write keeps exact: no host call, so reads are not
 * inputs and cost nothing to a replay. A change is an input, made on the machine itself (the
 * files are the machine's: its daemon reads them, they move and are saved with it), and the
 * mirror follows from the write the machine reports. A machine whose host failed has only its
 * mirrored disk, so a change is made there, where its rebuilt host will read it.
 */
export async function fileRequest<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  hostname: string,
  request: FileRequest,
): Promise<AnyFileAnswer> {
  const slot = sim.slots.require(hostname);
  if (isReadRequest(request))
    return slot.mirror.files.apply(request, wallMs(sim, slot.spec.epochMs));
  sim.inputs.record({ type: 'files', atMs: sim.nowMs, hostname, request });
  if (slot.host !== undefined) {
    const input = { nowMs: sim.nowMs, request };
    const result = await invoke(sim, slot, 'files', (host) => host.files(input));
    if (result.ok) {
      absorb(sim, slot, result.value);
      return result.value.answer;
    }
    fail(sim, slot, 'files', result.error);
  }
  return slot.mirror.files.apply(request, wallMs(sim, slot.spec.epochMs));
}

function wallMs<P, S, D extends DaemonData>(
  sim: CoordinatorState<P, S, D>,
  epochMs?: number,
): number {
  return (epochMs ?? 0) + sim.nowMs;
}
