import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../../src/raft';
import type { NoDaemon } from '../../../src/machine-api';
import { Coordinator, type RunObserver } from '../../../src/sim/coordinator';
import { LocalHost, kvStateMachine, type KvCommand, type KvState } from '../../../src/sim/machine';

type Observer = RunObserver<KvCommand, KvState, NoDaemon>;

async function run(
  observer: Observer | undefined,
): Promise<Coordinator<KvCommand, KvState, NoDaemon>> {
  const coordinator = await Coordinator.create(
    {
      machines: [1, 2, 3].map((i) => ({
        hostname: `m${i}`,
        address: `10.0.0.${i}`,
        role: 'manager' as const,
      })),
      seed: 77,
      epochMs: 0,
      stateMachine: kvStateMachine,
      raftOptions: { snapshotIntervalEntries: 8 },
      ...(observer === undefined ? {} : { observer }),
    },
    LocalHost.factory(kvStateMachine),
  );
  await coordinator.advanceBy(25_000);
  for (let i = 0; i < 30; i++) {
    await coordinator.propose(coordinator.leader() ?? 'm1', {
      type: 'kv-set',
      key: `k${i}`,
      value: String(i),
    });
    await coordinator.advanceBy(300);
  }
  await coordinator.stopDaemon(coordinator.leader() ?? 'm1');
  await coordinator.advanceBy(30_000);
  return coordinator;
}

describe('RunObserver', () => {
  it('sees every write, in order, with the log as it stood before it, and changes nothing', async () => {
    const plain = await run(undefined);
    const copies = new Map<number, MemoryStorage<KvCommand, KvState>>();
    let mismatches = 0;
    let writes = 0;
    const observed = await run({
      durable({ member, change, log }) {
        writes++;
        if (log === null) return;
        // The log handed over is the disk before this write: a copy kept from the writes agrees.
        let copy = copies.get(member);
        if (copy === undefined) {
          copy = new MemoryStorage<KvCommand, KvState>({
            hardState: log.hardState,
            snapshot: log.snapshot,
            offsetIndex: log.snapshot.metadata.index,
            offsetTerm: log.snapshot.metadata.term,
            entries: [],
          });
          copies.set(member, copy);
        }
        if (copy.lastIndex() !== log.lastIndex()) mismatches++;
        if (change.kind === 'append') copy.append(change.entries);
        if (change.kind === 'install-snapshot') copy.applySnapshot(change.snapshot);
        if (change.kind === 'storage' && change.data !== null) {
          copies.set(member, new MemoryStorage(change.data));
        }
      },
      event() {
        return;
      },
    });
    expect(writes).toBeGreaterThan(50);
    expect(mismatches).toBe(0);
    expect(observed.traceHash()).toBe(plain.traceHash());
    for (const hostname of ['m1', 'm2', 'm3']) {
      expect(observed.disk(hostname)).toEqual(plain.disk(hostname));
    }
    plain.dispose();
    observed.dispose();
  });

  it('gives each write the events of its own Ready, after it', async () => {
    const followingRoles: string[] = [];
    const coordinator = await run({
      durable({ following }) {
        for (const event of following)
          if (event.type === 'role-changed') followingRoles.push(event.role);
      },
      event() {
        return;
      },
    });
    // Becoming candidate writes a new term and vote; the role change comes with that write.
    expect(followingRoles).toContain('candidate');
    expect(followingRoles).toContain('leader');
    coordinator.dispose();
  });
});
