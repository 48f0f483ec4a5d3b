import {
  MemoryStorage,
  type Entry,
  type HardState,
  type Snapshot,
  type StorageData,
} from '../../raft';
import type { FileRequest, FileSystem } from '../../lib/filesystem';
import { hostFiles, type MachineRole, type MachineSnapshot } from './types';
import type { DaemonData, DiskKey } from '../../machine-api';
import type { SealedStorageData } from './sealed-storage';

/**
 * One write to what a machine keeps on disk, in the order the machine made it. A host reports
 * its machine's writes with every output, so the coordinator holds an exact copy of each disk
 * (`DurableMirror`): when a worker dies outright and can no longer be asked, the machine restarts
 * from the disk it had, as a real host does after a power cut, not from the day it was installed.
 */
export type DurableChange<P, S, D extends DaemonData> =
  /** The storage was created, replaced (force-new-cluster, compaction) or erased (leave). */
  | { readonly kind: 'storage'; readonly data: StorageData<P, S> | null }
  | { readonly kind: 'append'; readonly entries: readonly Entry<P>[] }
  | { readonly kind: 'hard-state'; readonly hardState: HardState }
  | { readonly kind: 'install-snapshot'; readonly snapshot: Snapshot<S> }
  /** The open storage came to rest sealed (the daemon stopped): only the ciphertext is left. */
  | { readonly kind: 'sealed'; readonly data: SealedStorageData }
  /** The daemon set the keys its storage is sealed with (null: the storage went). */
  | { readonly kind: 'disk-key'; readonly key: DiskKey | null }
  | { readonly kind: 'disk'; readonly disk: D['disk'] | null }
  /**
   * A change to the host's files, as asked (`nowMs` on the machine's wall clock): the mirror
   * applies the same request with the same code, so a write costs its own bytes, not the tree's.
   */
  | { readonly kind: 'files'; readonly request: FileRequest; readonly nowMs: number }
  /** The machine's seed and boot counter moved on (a boot, a key or an ID was drawn). */
  | { readonly kind: 'counters'; readonly prngState: number; readonly bootCount: number };

/** What an observer may read of a mirrored Raft log: nothing that changes it. */
export type DiskLog<P, S> = Pick<
  MemoryStorage<P, S>,
  'hardState' | 'snapshot' | 'firstIndex' | 'lastIndex' | 'term'
>;

/**
 * The coordinator's copy of one machine's disk, kept by replaying the writes its host reports.
 * It applies them with the same `MemoryStorage` code the machine uses, so both copies agree
 * entry for entry (tests/scenarios/machine-move.test.ts compares them after a whole lab).
 */
export class DurableMirror<P, S, D extends DaemonData> {
  readonly #base: MachineSnapshot<P, S, D>;
  #storage: MemoryStorage<P, S> | null;
  #sealed: SealedStorageData | null;
  #diskKey: DiskKey | null;
  #disk: D['disk'] | null;
  #prngState: number;
  #bootCount: number;
  /** Built on first use: most machines' files are never touched. */
  #files: FileSystem | null = null;

  constructor(snapshot: MachineSnapshot<P, S, D>) {
    this.#base = snapshot;
    this.#storage = snapshot.storage === null ? null : new MemoryStorage(snapshot.storage);
    this.#sealed = snapshot.sealed ?? null;
    this.#diskKey = snapshot.diskKey ?? null;
    this.#disk = snapshot.disk ?? null;
    this.#prngState = snapshot.prngState;
    this.#bootCount = snapshot.bootCount;
  }

  apply(changes: readonly DurableChange<P, S, D>[]): void {
    for (let i = 0; i < changes.length; i++) {
      const change = changes[i];
      if (change !== undefined) this.applyOne(change);
    }
  }

  /** One write; an observed run mirrors its writes one at a time, between the events. */
  applyOne(change: DurableChange<P, S, D>): void {
    switch (change.kind) {
      case 'storage':
        this.#storage = change.data === null ? null : new MemoryStorage(change.data);
        this.#sealed = null;
        if (change.data === null) this.#diskKey = null;
        break;
      case 'sealed':
        this.#storage = null;
        this.#sealed = change.data;
        this.#diskKey = null;
        break;
      case 'disk-key':
        this.#diskKey = change.key;
        break;
      case 'append':
        this.#storage?.append(change.entries);
        break;
      case 'hard-state':
        this.#storage?.setHardState(change.hardState);
        break;
      case 'install-snapshot':
        this.#storage?.applySnapshot(change.snapshot);
        break;
      case 'disk':
        this.#disk = change.disk;
        break;
      case 'files':
        this.files.apply(change.request, change.nowMs);
        break;
      case 'counters':
        this.#prngState = change.prngState;
        this.#bootCount = change.bootCount;
        break;
    }
  }

  /** The machine as its disk would rebuild it, with its daemon down as `daemon` says. */
  snapshot(daemon: MachineSnapshot<P, S, D>['daemon']): MachineSnapshot<P, S, D> {
    const base = this.#base;
    return {
      spec: base.spec,
      daemon,
      raftOptions: base.raftOptions,
      storage: this.#storage === null ? null : this.#storage.toData(),
      ...(this.#sealed === null ? {} : { sealed: this.#sealed }),
      ...(this.#diskKey === null || this.#storage === null ? {} : { diskKey: this.#diskKey }),
      prngState: this.#prngState,
      bootCount: this.#bootCount,
      ...(this.#disk === null ? {} : { disk: this.#disk }),
      ...(this.#files === null
        ? base.files === undefined
          ? {}
          : { files: base.files }
        : { files: this.#files.toData() }),
    };
  }

  /** The machine's files as its last reported writes left them (reads need no host call). */
  get files(): FileSystem {
    this.#files ??= hostFiles(this.#base);
    return this.#files;
  }

  /** The mirrored Raft log, for observers (checkers); null without open Raft storage. */
  get log(): DiskLog<P, S> | null {
    return this.#storage;
  }

  /** A disk with Raft storage, open or sealed, is a manager's, up or down (as `Machine.status()` says). */
  get role(): MachineRole {
    return this.#storage === null && this.#sealed === null ? 'worker' : 'manager';
  }
}
