import type { DaemonData } from '../../machine-api';
import { sealStorage } from './sealed-storage';
import type { MachineSnapshot } from './types';

/**
 * A machine's disk as it rests, whatever its daemon does: open Raft storage with its keys is
 * sealed, and the keys, which live only in a running daemon's memory, are left out. This is
 * what a look at the disk sees (the graph's view of a manager's log), and what a checkpoint
 * keeps of a machine whose host failed.
 */
export async function restingSnapshot<P, S, D extends DaemonData>(
  snapshot: MachineSnapshot<P, S, D>,
): Promise<MachineSnapshot<P, S, D>> {
  const { storage, diskKey } = snapshot;
  if (storage === null || diskKey === undefined) return snapshot;
  const sealed = await sealStorage(storage, diskKey);
  const resting: MachineSnapshot<P, S, D> = {
    spec: snapshot.spec,
    daemon: snapshot.daemon,
    raftOptions: snapshot.raftOptions,
    storage: null,
    sealed,
    prngState: snapshot.prngState,
    bootCount: snapshot.bootCount,
  };
  return {
    ...resting,
    ...(snapshot.disk === undefined ? {} : { disk: snapshot.disk }),
    ...(snapshot.files === undefined ? {} : { files: snapshot.files }),
  };
}
