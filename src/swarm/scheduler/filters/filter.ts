import type { Task } from '../../../api/task';
import type { NodeInfo } from '../node-info';

/** A task being placed, with what the scheduler reads of its service: its host-mode ports. */
export interface Candidate {
  readonly task: Task;
  /** `tcp/8080` for each host-mode port with a fixed number. */
  readonly hostPorts: readonly string[];
}

/**
 * One stage of the scheduler's pipeline (swarmkit scheduler/filter.go): whether it applies to a
 * task at all (`SetTask`), whether a node passes it (`Check`), and how the nodes that failed it
 * are explained in `no suitable node (…)` (`Explain`).
 */
export interface Filter {
  applies(candidate: Candidate): boolean;
  check(candidate: Candidate, node: NodeInfo): boolean;
  explain(nodeCount: number): string;
  /** Why one node failed it, for the graph's "why not here" (swarmkit has no such text). */
  readonly reason: string;
}
