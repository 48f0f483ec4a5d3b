import type { NodeInfo } from './node-info';
import { constraintFilter } from './filters/constraint';
import type { Candidate, Filter } from './filters/filter';
import { hostPortFilter } from './filters/host-port';
import { maxReplicasFilter } from './filters/max-replicas';
import { platformFilter } from './filters/platform';
import { readyFilter } from './filters/ready';
import { resourceFilter } from './filters/resources';

/**
 * swarmkit scheduler/pipeline.go's filters, in its order. The plugin filter (networks, log
 * drivers, volume plugins) and the CSI volumes filter have nothing to check here yet.
 */
const FILTERS: readonly Filter[] = [
  readyFilter,
  resourceFilter,
  constraintFilter,
  platformFilter,
  hostPortFilter,
  maxReplicasFilter,
];

/** The filters that apply to one task, and how many nodes failed each (each node counts once). */
export class Pipeline {
  readonly #candidate: Candidate;
  readonly #filters: readonly Filter[];
  readonly #failures: number[];

  constructor(candidate: Candidate) {
    this.#candidate = candidate;
    this.#filters = FILTERS.filter((filter) => filter.applies(candidate));
    this.#failures = this.#filters.map(() => 0);
  }

  /** Whether the node passes every filter; the first it fails is counted against it. */
  process(node: NodeInfo): boolean {
    for (const [i, filter] of this.#filters.entries()) {
      if (!filter.check(this.#candidate, node)) {
        this.#failures[i] = (this.#failures[i] ?? 0) + 1;
        return false;
      }
    }
    return true;
  }

  /** The reason of the first filter `node` fails, or null when it passes them all; counts nothing. */
  firstFailure(node: NodeInfo): string | null {
    const failed = this.#filters.find((filter) => !filter.check(this.#candidate, node));
    return failed?.reason ?? null;
  }

  /**
   * `Pipeline.Explain`: one part per filter that failed nodes, most failures first, joined with
   * `; `; empty when nothing failed.
   */
  explain(): string {
    return this.#filters
      .map((filter, i) => ({ filter, count: this.#failures[i] ?? 0 }))
      .filter((entry) => entry.count > 0)
      .sort((a, b) => b.count - a.count)
      .map((entry) => entry.filter.explain(entry.count))
      .join('; ');
  }
}
