import { Prng } from '../../lib/prng';
import type { NodeId, RaftOptions } from '../../raft';
import { AvailabilityChecker, LivenessChecker, type Violation } from '../checkers';
import type { LinkOptions } from '../network';
import type { TraceSink } from '../trace';
import { TICK_MS } from '../coordinator';
import { RaftRun } from './raft-run';
import {
  historyLink,
  historyOf,
  historyRaftOptions,
  runHistory,
  type HistoryKind,
} from './histories';

/**
 * A seeded fault schedule (the VOPR shape): one seed draws the options of the run and every
 * fault. A safety phase injects faults while the checkers watch; then a heal phase restarts
 * every member, heals the network and checks liveness. One seed in four begins its safety phase
 * with a targeted history (`historyOf`): Figure 8, or a leader cut off while clients write.
 */
export interface ScheduleOptions {
  readonly seed: number;
  readonly managers: number;
  /** Inject faults; without them the run only makes proposals on a healthy network. */
  readonly faults: boolean;
  readonly trace?: TraceSink;
  readonly traceRpcs?: boolean;
  /** Virtual length of the safety phase; drawn from the seed when absent. */
  readonly safetyPhaseMs?: number;
  /** The budgets of the run (`STEP_BUDGET` and `MESSAGE_BUDGET` when absent). */
  readonly stepBudget?: number;
  readonly messageBudget?: number;
}

export interface ScheduleSummary {
  readonly seed: number;
  readonly managers: number;
  readonly preVote: boolean;
  readonly snapshotIntervalEntries: number;
  readonly safetyPhaseMs: number;
  /** The targeted history the safety phase began with, if any, and whether it ran to its end. */
  readonly history: { readonly kind: HistoryKind; readonly completed: boolean } | undefined;
  readonly actions: number;
  readonly proposals: number;
  readonly acknowledged: number;
  /** Virtual ms from healing to a stable leader, if one was elected. */
  readonly electedAfterHealMs: number | undefined;
  readonly endMs: number;
  /** Deliveries and ticks the run took (bounded by `STEP_BUDGET`). */
  readonly steps: number;
  /** Messages its machines sent (bounded by `MESSAGE_BUDGET`). */
  readonly messages: number;
  readonly violations: readonly Violation[];
}

/**
 * The most steps (host calls: one per machine per instant it has work, or per input) one
 * schedule may take. Healthy schedules take about a thousand (2,100 schedules: mean 934, p99
 * 2,779, largest 5,310); a broken core that floods itself with appends ran one for 503 s, so a
 * schedule that passes about 19 times the largest seen is stopped and reported with its seed.
 */
export const STEP_BUDGET = 100_000;

/**
 * The most messages one schedule's machines may send. A core that floods itself can stay under
 * the step budget for minutes while each step carries more messages than the last (a follower
 * that truncates what matches sent one schedule from 3,000 messages to 6 million in 6 virtual
 * seconds). Healthy schedules send far fewer (2,100 schedules: mean 713, p99 2,639, largest
 * 4,795); this is about 40 times the largest.
 */
export const MESSAGE_BUDGET = 200_000;

/** Liveness bounds, in election timeouts (10 s each with swarmkit's settings). */
export const ELECTION_BOUND_TIMEOUTS = 10;
export const APPLY_BOUND_TIMEOUTS = 6;
/**
 * How long a leader cut off from its majority may go on leading, in election timeouts: etcd's
 * CheckQuorum looks once per timeout, so up to two pass; one tick more for the ticks' phase.
 */
export const STEP_DOWN_BOUND_TIMEOUTS = 2;

type Action =
  | 'propose'
  | 'crash'
  | 'crash-leader'
  | 'restart'
  | 'partition'
  | 'isolate'
  | 'isolate-leader'
  | 'block-link'
  | 'heal'
  | 'add-member'
  | 'remove-member'
  | 'transfer'
  | 'link-weather';

const faultWeights: readonly (readonly [Action, number])[] = [
  ['propose', 36],
  ['crash', 5],
  ['crash-leader', 5],
  ['restart', 10],
  ['partition', 4],
  ['isolate', 3],
  ['isolate-leader', 4],
  ['block-link', 4],
  ['heal', 8],
  ['add-member', 3],
  ['remove-member', 3],
  ['transfer', 4],
  ['link-weather', 3],
];

/** Draws the per-run Raft options: PreVote both ways, and small snapshot intervals. */
function drawRaftOptions(prng: Prng, faults: boolean): Partial<RaftOptions> {
  return {
    preVote: faults ? prng.chance(0.5) : false,
    snapshotIntervalEntries: prng.intInclusive(8, 60),
    logEntriesForSlowFollowers: prng.intInclusive(0, 12),
    entriesPerMessageMax: prng.intInclusive(1, 16),
    inflightMessagesMax: prng.intInclusive(1, 8),
  };
}

function drawLink(prng: Prng, faults: boolean): LinkOptions {
  if (!faults) {
    return { ...calmLink, latencyMsMax: prng.intInclusive(2, 50) };
  }
  const latencyMsMin = prng.intInclusive(1, 20);
  return {
    latencyMsMin,
    latencyMsMax: latencyMsMin + prng.intInclusive(0, 400),
    lossProbability: prng.chance(0.3) ? 0 : prng.nextFloat() * 0.25,
    duplicationProbability: prng.nextFloat() * 0.1,
    delaySpikeProbability: prng.nextFloat() * 0.05,
    delaySpikeMsMax: prng.intInclusive(0, 8000),
  };
}

const calmLink: LinkOptions = {
  latencyMsMin: 1,
  latencyMsMax: 20,
  lossProbability: 0,
  duplicationProbability: 0,
  delaySpikeProbability: 0,
  delaySpikeMsMax: 0,
};

export async function runSchedule(options: ScheduleOptions): Promise<ScheduleSummary> {
  const prng = new Prng(options.seed);
  const history = options.faults ? historyOf(options.seed) : undefined;
  const drawnOptions = drawRaftOptions(prng, options.faults);
  const raftOptions =
    history === undefined ? drawnOptions : { ...drawnOptions, ...historyRaftOptions(history) };
  const safetyPhaseMs = options.safetyPhaseMs ?? prng.intInclusive(40, 120) * TICK_MS;
  const seed = prng.nextUint32();
  const link = drawLink(prng, options.faults);
  const cluster = await RaftRun.start({
    seed,
    managers: options.managers,
    raftOptions,
    link: history === undefined ? link : historyLink,
    ...(options.trace === undefined ? {} : { trace: options.trace }),
    traceRpcs: options.traceRpcs ?? false,
    stepBudget: options.stepBudget ?? STEP_BUDGET,
    messageBudget: options.messageBudget ?? MESSAGE_BUDGET,
  });
  const runner = new ScheduleRunner(cluster, prng, options);
  cluster.emit({ type: 'phase', timeMs: 0, member: 0, phase: 'safety' });
  let historyRun: ScheduleSummary['history'];
  if (history !== undefined) {
    historyRun = { kind: history, completed: await runner.history(history) };
    await cluster.setLinkWeather(link);
  }
  const actions = await runner.safetyPhase(safetyPhaseMs);
  const electedAfterHealMs = cluster.overBudget ? undefined : await runner.healPhase();
  if (cluster.overBudget) {
    cluster.report({
      invariant: 'budget',
      timeMs: cluster.nowMs,
      member: 0,
      detail:
        `the schedule took more than ${cluster.stepBudget} steps (host calls) or sent more ` +
        `than ${cluster.messageBudget} messages (${cluster.steps} steps, ${cluster.messages} ` +
        'messages): a runaway',
    });
  }
  cluster.emit({ type: 'phase', timeMs: cluster.nowMs, member: 0, phase: 'done' });
  cluster.dispose();
  return {
    seed: options.seed,
    managers: options.managers,
    preVote: cluster.raftOptions.preVote,
    snapshotIntervalEntries: cluster.raftOptions.snapshotIntervalEntries,
    safetyPhaseMs,
    history: historyRun,
    actions,
    proposals: runner.proposals,
    acknowledged: cluster.acknowledged,
    electedAfterHealMs,
    endMs: cluster.nowMs,
    steps: cluster.steps,
    messages: cluster.messages,
    violations: cluster.violations,
  };
}

class ScheduleRunner {
  proposals = 0;
  readonly #cluster: RaftRun;
  readonly #prng: Prng;
  readonly #options: ScheduleOptions;
  readonly #weightTotal: number;
  readonly #availability: AvailabilityChecker;
  /** The slowest a message can be of any link weather so far: one sent before a cut may land. */
  #inFlightMsMax = 0;

  constructor(cluster: RaftRun, prng: Prng, options: ScheduleOptions) {
    this.#cluster = cluster;
    this.#prng = prng;
    this.#options = options;
    this.#weightTotal = faultWeights.reduce((sum, [, weight]) => sum + weight, 0);
    this.#availability = new AvailabilityChecker({
      report: (violation) => {
        cluster.report(violation);
      },
    });
  }

  /** A targeted history, watched by the availability check at every poll. */
  async history(kind: HistoryKind): Promise<boolean> {
    const electionMs = this.#cluster.raftOptions.electionTimeoutTicks * TICK_MS;
    return runHistory(kind, {
      run: this.#cluster,
      prng: this.#prng,
      watch: () => {
        this.watchAvailability();
      },
      propose: async (id) => {
        const result = await this.#cluster.propose(id);
        if (result?.accepted !== true) return undefined;
        this.proposals++;
        return result.index;
      },
      electionBoundMs: ELECTION_BOUND_TIMEOUTS * electionMs,
      applyBoundMs: APPLY_BOUND_TIMEOUTS * electionMs,
    });
  }

  async safetyPhase(durationMs: number): Promise<number> {
    const cluster = this.#cluster;
    let actions = 0;
    const endMs = cluster.nowMs + durationMs;
    for (;;) {
      // Mostly a few seconds apart, sometimes in quick bursts inside one election.
      const gapMsMax = this.#prng.chance(0.3) ? 600 : 4000;
      const nextMs = cluster.nowMs + this.#prng.intInclusive(50, gapMsMax);
      if (nextMs > endMs) break;
      await cluster.runUntil(nextMs);
      if (cluster.overBudget) return actions;
      this.watchAvailability();
      await this.act(this.#options.faults ? this.drawAction() : 'propose');
      actions++;
    }
    await cluster.runUntil(endMs);
    return actions;
  }

  /** Whether every leader cut off from its majority has stepped down within the bound. */
  private watchAvailability(): void {
    const cluster = this.#cluster;
    const electionMs = cluster.raftOptions.electionTimeoutTicks * TICK_MS;
    const link = cluster.linkWeather;
    this.#inFlightMsMax = Math.max(this.#inFlightMsMax, link.latencyMsMax + link.delaySpikeMsMax);
    const boundMs = STEP_DOWN_BOUND_TIMEOUTS * electionMs + TICK_MS + this.#inFlightMsMax;
    this.#availability.observe(cluster.nowMs, cluster.leaderReach(), boundMs);
  }

  /** Heals everything, then checks liveness within its bounds. */
  async healPhase(): Promise<number | undefined> {
    const cluster = this.#cluster;
    cluster.emit({ type: 'phase', timeMs: cluster.nowMs, member: 0, phase: 'heal' });
    await cluster.heal();
    await cluster.setLinkWeather(calmLink);
    for (const id of cluster.memberIds()) await cluster.restart(id);
    const electionMs = cluster.raftOptions.electionTimeoutTicks * TICK_MS;
    const liveness = new LivenessChecker({
      report: (violation) => {
        cluster.report(violation);
      },
      electionBoundMs: ELECTION_BOUND_TIMEOUTS * electionMs,
      applyBoundMs: APPLY_BOUND_TIMEOUTS * electionMs,
    });
    liveness.onHealed(cluster.nowMs);
    const stepMs = 100;
    for (;;) {
      const leader = cluster.stableLeader();
      const lagging = this.lagging(leader);
      const done = liveness.observe({
        timeMs: cluster.nowMs,
        leader,
        lagging,
        ackedIndexMax: cluster.ackedIndexMax,
      });
      if (done || cluster.overBudget) break;
      if (cluster.nowMs >= liveness.deadlineMs()) {
        liveness.fail({ timeMs: cluster.nowMs, lagging, ackedIndexMax: cluster.ackedIndexMax });
        break;
      }
      await cluster.runForMs(stepMs);
    }
    const { healedAtMs, leaderElectedAtMs } = liveness;
    return leaderElectedAtMs === undefined || healedAtMs === undefined
      ? undefined
      : leaderElectedAtMs - healedAtMs;
  }

  /** Live voters (of the leader's configuration) that have not applied every acknowledged write. */
  private lagging(leader: NodeId | undefined): { member: NodeId; applied: number }[] {
    const cluster = this.#cluster;
    const voters = leader === undefined ? cluster.liveIds() : cluster.voters(leader);
    const lagging: { member: NodeId; applied: number }[] = [];
    for (const id of voters) {
      if (!cluster.isUp(id)) continue;
      const applied = cluster.appliedIndex(id);
      if (applied < cluster.ackedIndexMax) lagging.push({ member: id, applied });
    }
    return lagging;
  }

  private drawAction(): Action {
    let pick = this.#prng.nextFloat() * this.#weightTotal;
    for (const [action, weight] of faultWeights) {
      pick -= weight;
      if (pick < 0) return action;
    }
    return 'propose';
  }

  private pick<T>(items: readonly T[]): T | undefined {
    if (items.length === 0) return undefined;
    return items[this.#prng.intInclusive(0, items.length - 1)];
  }

  private async act(action: Action): Promise<void> {
    const cluster = this.#cluster;
    switch (action) {
      case 'propose':
        await this.propose();
        return;
      case 'crash': {
        const id = this.pick(cluster.liveIds());
        if (id !== undefined) await cluster.crash(id);
        return;
      }
      case 'restart': {
        const down = cluster
          .memberIds()
          .filter((id) => !cluster.isUp(id) && !cluster.isRemoved(id));
        const id = this.pick(down);
        if (id !== undefined) await cluster.restart(id);
        return;
      }
      case 'partition':
        await this.partition();
        return;
      case 'crash-leader': {
        // Leaders that die right after an election, with entries half replicated, are the
        // histories of the paper's Figure 8.
        const id = cluster.leader();
        if (id !== undefined) await cluster.crash(id);
        return;
      }
      case 'isolate':
      case 'isolate-leader': {
        const ids = this.activeIds();
        const id = action === 'isolate' ? this.pick(ids) : cluster.leader();
        if (id !== undefined) await this.repartition([[id], ids.filter((other) => other !== id)]);
        return;
      }
      case 'block-link':
        await this.blockLinks();
        return;
      case 'heal':
        await cluster.heal();
        return;
      case 'add-member':
      case 'remove-member':
      case 'transfer':
        await this.membershipAction(action);
        return;
      case 'link-weather':
        await cluster.setLinkWeather(drawLink(this.#prng, true));
        return;
    }
  }

  private activeIds(): NodeId[] {
    return this.#cluster.memberIds().filter((id) => !this.#cluster.isRemoved(id));
  }

  /** A burst of client writes, sent to the leader (or, sometimes, to whoever is up). */
  private async propose(): Promise<void> {
    const cluster = this.#cluster;
    const target = this.#prng.chance(0.9) ? cluster.leader() : this.pick(cluster.liveIds());
    if (target === undefined) return;
    const count = this.#prng.intInclusive(1, 6);
    for (let i = 0; i < count; i++) {
      if ((await cluster.propose(target)) !== undefined) this.proposals++;
    }
  }

  /** A random split into two sides. */
  private async partition(): Promise<void> {
    const ids = this.activeIds();
    const left: NodeId[] = [];
    const right: NodeId[] = [];
    for (const id of ids) (this.#prng.chance(0.5) ? left : right).push(id);
    if (left.length > 0 && right.length > 0) await this.repartition([left, right]);
  }

  /** A new partition replaces the previous one; one-way blocks pile up until a heal. */
  private async repartition(groups: readonly (readonly NodeId[])[]): Promise<void> {
    await this.#cluster.heal();
    await this.#cluster.partition(groups);
  }

  /** One-way blocks: a member that can send but not receive, or the reverse. */
  private async blockLinks(): Promise<void> {
    const ids = this.activeIds();
    const id = this.pick(ids);
    if (id === undefined) return;
    const outbound = this.#prng.chance(0.5);
    for (const other of ids) {
      if (other === id || this.#prng.chance(0.3)) continue;
      if (outbound) await this.#cluster.blockLink(id, other);
      else await this.#cluster.blockLink(other, id);
    }
  }

  private async membershipAction(
    action: 'add-member' | 'remove-member' | 'transfer',
  ): Promise<void> {
    const cluster = this.#cluster;
    const leader = cluster.leader();
    if (leader === undefined) return;
    const voters = cluster.voters(leader);
    const others = voters.filter((id) => id !== leader);
    const managers = this.#options.managers;
    if (action === 'add-member') {
      if (voters.length < managers + 1) await cluster.addMember(leader);
    } else if (action === 'remove-member') {
      const target = this.pick(others);
      if (target !== undefined && voters.length > Math.max(3, managers - 1)) {
        await cluster.removeMember(leader, target);
      }
    } else {
      const target = this.pick(others);
      if (target !== undefined) await cluster.transferLeadership(leader, target);
    }
  }
}
