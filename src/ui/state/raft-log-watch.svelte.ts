import type { Playground } from '../../sim/playground';
import type { RaftLogView } from '../../sim/raft-log-view';

/** How often an open log panel looks at the disk again, in wall time. */
const REFRESH_MS = 500;

/**
 * The graph's look at one manager's Raft log: asked of the simulation now and then while the
 * panel is open, one question at a time (sealing the shown entries takes a round trip to the
 * coordinator's worker). A look is not an input: it changes nothing and is not saved.
 */
export class RaftLogWatch {
  view: RaftLogView | null = $state(null);
  hostname: string | null = $state(null);
  #playground: Playground | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #asking = false;
  /** Which watch an answer belongs to: one that comes after a change of machine is dropped. */
  #generation = 0;

  open(playground: Playground, hostname: string): void {
    if (this.#playground === playground && this.hostname === hostname) return;
    this.close();
    this.#playground = playground;
    this.hostname = hostname;
    this.#ask();
    this.#timer = setInterval(() => {
      this.#ask();
    }, REFRESH_MS);
  }

  close(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#playground = undefined;
    this.hostname = null;
    this.view = null;
    this.#generation++;
    this.#asking = false;
  }

  #ask(): void {
    const playground = this.#playground;
    const hostname = this.hostname;
    if (playground === undefined || hostname === null || this.#asking) return;
    this.#asking = true;
    const generation = this.#generation;
    playground.raftLog(hostname).then(
      (view) => {
        if (generation !== this.#generation) return;
        this.#asking = false;
        this.view = view;
      },
      () => {
        // A machine removed while the panel was open: nothing to show.
        if (generation !== this.#generation) return;
        this.#asking = false;
        this.view = null;
      },
    );
  }
}
