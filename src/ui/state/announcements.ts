import type { ClusterView, MachineView } from '../../sim/read-model';
import { summariseQuorum, type QuorumSummary } from '../graph/quorum';

type Seen = Pick<ClusterView, 'machines' | 'partition'>;

/**
 * What a screen reader is told as the cluster changes: a new Raft leader, the quorum lost or
 * regained, a machine going Down, the network split or healed. The event log can add dozens of
 * lines in one instant (an election, a rescheduling), which read one by one would drown the
 * learner; so each view of the cluster is compared with the one before, and what changed
 * between the two is said in one sentence. Pure apart from the memory of the last view.
 */
export class ChangeAnnouncer {
  #seen = false;
  #leader: { readonly hostname: string; readonly term: number } | null = null;
  #quorum: boolean | null = null;
  #everHeld = false;
  #statuses = new Map<string, MachineView['nodeStatus']>();
  #partitioned = false;

  /**
   * Takes the next view; returns what to announce, or null when nothing worth it changed. The
   * first view only sets what later ones are compared with: what a page opens on is read on
   * the page, not announced.
   */
  observe(view: Seen): string | null {
    const quorum = summariseQuorum(view.machines);
    const said = [
      ...this.#downs(view.machines),
      ...this.#newLeader(view.machines, quorum),
      ...this.#quorumChange(quorum),
      ...this.#partitionChange(view.partition !== null),
    ];
    const first = !this.#seen;
    this.#seen = true;
    return first || said.length === 0 ? null : `${said.join('. ')}.`;
  }

  #downs(machines: readonly MachineView[]): string[] {
    const said = machines
      .filter(
        (machine) =>
          machine.nodeStatus === 'down' && this.#statuses.get(machine.hostname) !== 'down',
      )
      .map((machine) => `${machine.hostname} is Down`);
    this.#statuses = new Map(machines.map((m) => [m.hostname, m.nodeStatus ?? null]));
    return said;
  }

  #newLeader(machines: readonly MachineView[], quorum: QuorumSummary | null): string[] {
    const term = machines.find((machine) => machine.hostname === quorum?.leader)?.raft?.term;
    const leader =
      quorum?.leader != null && term !== undefined ? { hostname: quorum.leader, term } : null;
    const before = this.#leader;
    this.#leader = leader;
    if (leader === null) return [];
    if (leader.hostname === before?.hostname && leader.term === before.term) return [];
    return [`${leader.hostname} became the Raft leader in term ${String(leader.term)}`];
  }

  #quorumChange(quorum: QuorumSummary | null): string[] {
    const holds = quorum === null ? null : quorum.holds;
    const before = this.#quorum;
    this.#quorum = holds;
    if (quorum === null || holds === before) return [];
    if (!quorum.holds) {
      // Lost only once it held: a swarm still electing its first leader never had it.
      if (before !== true) return [];
      return [
        `Quorum lost: ${String(quorum.withLeader)} of ${String(quorum.managers)} managers with a leader, ${String(quorum.majority)} needed`,
      ];
    }
    const again = this.#everHeld;
    this.#everHeld = true;
    return again ? ['Quorum regained'] : [];
  }

  #partitionChange(partitioned: boolean): string[] {
    const before = this.#partitioned;
    this.#partitioned = partitioned;
    if (partitioned === before) return [];
    return [partitioned ? 'Network partitioned' : 'Network healed'];
  }
}
