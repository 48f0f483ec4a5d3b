import type { PendingTaskView } from '../../machine-api';
import { pendingTaskViews } from '../scheduler';
import type { StoreState } from '../store';

/**
 * The leader's unplaceable tasks as the graph shows them (`pendingTaskViews`), worked out again
 * only when the tasks or the nodes changed: a store with a thousand tasks is not walked at every
 * tick for nothing, and an unchanged list keeps its identity, so the machine's status does too.
 */
export class PendingViews {
  #views: readonly PendingTaskView[] | null = null;
  #from: { readonly tasks: StoreState['tasks']; readonly nodes: StoreState['nodes'] } | null = null;

  /** Replaced, never mutated: a caller may keep it. */
  get views(): readonly PendingTaskView[] | null {
    return this.#views;
  }

  refresh(store: StoreState): void {
    const from = this.#from;
    if (from !== null && from.tasks === store.tasks && from.nodes === store.nodes) return;
    this.#from = { tasks: store.tasks, nodes: store.nodes };
    const views = pendingTaskViews(store);
    // Nothing pending before nor now: keep the empty list that is already out.
    if (views.length === 0 && this.#views?.length === 0) return;
    this.#views = views;
  }

  /** The list a moved daemon had; worked out afresh at the next refresh. */
  load(views: readonly PendingTaskView[] | null): void {
    this.#views = views;
    this.#from = null;
  }

  /** Not the leader (any more): nothing to explain. */
  reset(): void {
    this.#views = null;
    this.#from = null;
  }
}
