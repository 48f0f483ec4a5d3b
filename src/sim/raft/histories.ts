import type { Prng } from '../../lib/prng';
import type { NodeId, RaftOptions } from '../../raft';
import type { LinkOptions } from '../network';
import { TICK_MS } from '../coordinator';
import type { RaftRun } from './raft-run';

/**
 * Targeted fault histories: the few orders of events that random faults almost never produce
 * and that break a core with a known bug. Random crashes rarely land right after a partial
 * replication, and a cut-off leader rarely keeps a client long enough for its stale appends to
 * reach a newer term. Each history steers the run by watching it at every instant, then hands
 * it back to the random fault phase; with a correct core it ends in no violation.
 */
export type HistoryKind = 'figure-8' | 'cut-off-leader';

/** The schedules a seed runs: one seed in eight begins with each targeted history. */
export function historyOf(seed: number): HistoryKind | undefined {
  switch (seed % 8) {
    case 3:
      return 'figure-8';
    case 6:
      return 'cut-off-leader';
    default:
      return undefined;
  }
}

/**
 * The options a history needs, over the drawn ones: no PreVote (a candidate must show itself),
 * one entry per append for Figure 8 (the earlier term's entry must travel alone), and room for
 * appends in flight. The seed still draws everything else.
 */
export function historyRaftOptions(kind: HistoryKind): Partial<RaftOptions> {
  return kind === 'figure-8'
    ? { preVote: false, entriesPerMessageMax: 1 }
    : { preVote: false, inflightMessagesMax: 8 };
}

/** Calm links, slow enough that a history can act between a message's sending and its arrival. */
export const historyLink: LinkOptions = {
  latencyMsMin: 40,
  latencyMsMax: 80,
  lossProbability: 0,
  duplicationProbability: 0,
  delaySpikeProbability: 0,
  delaySpikeMsMax: 0,
};

export interface HistoryContext {
  readonly run: RaftRun;
  readonly prng: Prng;
  /** Called after every instant, so that the availability check watches the history too. */
  readonly watch: () => void;
  /** A client write to member `id`, counted as the schedule's proposals are. */
  readonly propose: (id: NodeId) => Promise<number | undefined>;
  /** How long a connected majority may take to elect a leader, and to commit a write. */
  readonly electionBoundMs: number;
  readonly applyBoundMs: number;
}

/** Runs a history; false when the run went another way (an election lost, say) and it gave up. */
export function runHistory(kind: HistoryKind, context: HistoryContext): Promise<boolean> {
  return kind === 'figure-8' ? figure8(context) : cutOffLeader(context);
}

/** Runs instant by instant until `condition` holds (true) or `withinMs` passes (false). */
async function waitFor(
  context: HistoryContext,
  condition: () => boolean,
  withinMs: number,
): Promise<boolean> {
  const { run } = context;
  const endMs = run.nowMs + withinMs;
  while (!condition()) {
    if (run.nowMs >= endMs || run.overBudget) return false;
    await run.runNextInstant(endMs);
    context.watch();
  }
  return true;
}

/** A stable leader that every member has caught up with; its id and when it was first seen. */
async function settle(
  context: HistoryContext,
): Promise<{ leader: NodeId; since: number } | undefined> {
  const { run } = context;
  let leader: NodeId | undefined;
  let since = run.nowMs;
  const settled = await waitFor(
    context,
    () => {
      const stable = run.stableLeader();
      if (stable !== leader) since = run.nowMs;
      leader = stable;
      if (stable === undefined) return false;
      const last = run.lastIndex(stable);
      return run.memberIds().every((id) => run.appliedIndex(id) === last);
    },
    context.electionBoundMs,
  );
  return settled && leader !== undefined ? { leader, since } : undefined;
}

function shuffled<T>(prng: Prng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = prng.intInclusive(0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * The Raft paper's Figure 8 (§5.4.2), for any odd cluster. X, a client write of term t, reaches
 * only a minority `holders` (its leader among them). They crash; B wins term t' with the vote of
 * a swing member C, and its first entry Y at X's index reaches B's other voters but not C. B and
 * its voters crash; a holder A wins a later term with C's vote, and its append carries X alone
 * to C, so that a majority holds X while A's own first entry has not reached C. A correct
 * leader does not commit X by counting; a broken one does and applies it. The holders crash, and
 * B, elected again with C's vote, overwrites X: a committed, applied entry lost.
 */
async function figure8(context: HistoryContext): Promise<boolean> {
  const { run, prng } = context;
  const settled = await settle(context);
  if (settled === undefined) return false;
  const members = run.memberIds();
  const majority = Math.floor(members.length / 2) + 1;
  const others = shuffled(
    prng,
    members.filter((id) => id !== settled.leader),
  );
  const holders = [settled.leader, ...others.slice(0, majority - 2)];
  const rest = others.slice(majority - 2);
  // An even cluster leaves the rest one short of electing B on its own.
  if (rest.length < majority) return false;

  await run.partition([holders, rest]);
  const index = await context.propose(settled.leader);
  if (index === undefined) return false;
  if (!(await waitFor(context, () => holders.every((id) => run.lastIndex(id) >= index), 2000))) {
    return false;
  }
  for (const id of holders) await run.crash(id);

  // B campaigns; once C has its vote request, nothing more of B's reaches C.
  let candidate: NodeId | undefined;
  const campaigned = await waitFor(
    context,
    () => (candidate = rest.find((id) => run.isCandidate(id))) !== undefined,
    context.electionBoundMs,
  );
  if (!campaigned || candidate === undefined) return false;
  const b = candidate;
  const termB = run.term(b);
  const swing = shuffled(
    prng,
    rest.filter((id) => id !== b),
  )[0];
  if (swing === undefined) return false;
  if (!(await waitFor(context, () => run.term(swing) >= termB, 1000))) return false;
  if (run.term(swing) !== termB) return false;
  await run.blockLink(b, swing);
  if (!(await waitFor(context, () => run.isLeader(b) && run.lastIndex(b) >= index, 2000)))
    return false;
  if (run.lastIndex(swing) >= index) return false;

  // A holder leads a later term; X alone reaches C, then nothing more from the holders does.
  const voters = rest.filter((id) => id !== b && id !== swing);
  for (const id of [b, ...voters]) await run.crash(id);
  await run.heal();
  for (const id of holders) await run.restart(id);
  const leading = await waitFor(
    context,
    () => holders.some((id) => run.isLeader(id)) && run.lastIndex(swing) >= index,
    context.electionBoundMs,
  );
  if (!leading) return false;
  for (const id of holders) await run.blockLink(id, swing);
  await waitFor(context, () => false, 2 * TICK_MS);

  // B's side again, with C: Y replaces X.
  for (const id of holders) await run.crash(id);
  await run.heal();
  for (const id of [b, ...voters]) await run.restart(id);
  return waitFor(context, () => run.appliedIndex(swing) >= index, context.electionBoundMs);
}

/**
 * A leader cut off from its majority while clients write to both sides. The majority must elect
 * a new leader and commit within the bounds (availability during a fault). The moment it has a
 * leader, the old one, which has not noticed yet, can send again but hears nothing back, and
 * takes writes: its appends, from an earlier term, reach followers that have just accepted the
 * new leader's first entry at the same index, before they learn that it is committed. A core
 * that accepts them overwrites a committed entry and then applies the old leader's in its place.
 */
async function cutOffLeader(context: HistoryContext): Promise<boolean> {
  const { run } = context;
  const settled = await settle(context);
  if (settled === undefined) return false;
  const old = settled.leader;
  const termOld = run.term(old);
  // Cut it off just after a quorum check of its own, so that it leads as long as it may: the
  // check runs once per election timeout from the moment it won.
  const electionMs = run.raftOptions.electionTimeoutTicks * TICK_MS;
  const sinceCheckMs = (run.nowMs - settled.since) % electionMs;
  await waitFor(context, () => false, (electionMs + TICK_MS / 2 - sinceCheckMs) % electionMs);
  const rest = run.memberIds().filter((id) => id !== old);
  await run.partition([[old], rest]);
  const cutAtMs = run.nowMs;

  let leader: NodeId | undefined;
  const elected = await waitFor(
    context,
    () => (leader = rest.find((id) => run.isLeader(id) && run.term(id) > termOld)) !== undefined,
    context.electionBoundMs,
  );
  if (!elected || leader === undefined) {
    run.report({
      invariant: 'availability',
      timeMs: run.nowMs,
      member: old,
      detail: `a connected majority elected no leader within ${context.electionBoundMs} ms of losing its leader (cut off at ${cutAtMs} ms)`,
    });
    return false;
  }
  const newLeader = leader;
  const stillLeading = run.isLeader(old);
  if (stillLeading) {
    // The old leader can send again but hears nothing: it leads until its quorum check.
    await run.heal();
    for (const id of rest) await run.blockLink(id, old);
    const writes = context.prng.intInclusive(1, 3);
    for (let i = 0; i < writes && run.isLeader(old); i++) {
      await context.propose(old);
      await waitFor(context, () => false, 50);
    }
  }

  const index = await context.propose(newLeader);
  const committed =
    index !== undefined &&
    (await waitFor(
      context,
      () => rest.some((id) => id !== newLeader && run.commitIndex(id) >= index),
      context.applyBoundMs,
    ));
  if (!committed && run.isLeader(newLeader)) {
    run.report({
      invariant: 'availability',
      timeMs: run.nowMs,
      member: newLeader,
      detail: `the leader of a connected majority committed no write within ${context.applyBoundMs} ms (cut off at ${cutAtMs} ms)`,
    });
  }
  return stillLeading && committed;
}
