/**
 * Paces virtual time against the wall clock. The UI decides only how fast time runs; what
 * happens in that time is the simulation's business (docs/architecture.md: Time).
 */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 25, 50] as const;
export type Speed = (typeof SPEEDS)[number];

/** One Raft tick: what the Step button advances (`AppState.step`). */
export const STEP_MS = 1000;

/** A frame longer than this (a background tab, a debugger pause) does not fast-forward time. */
const MAX_FRAME_MS = 250;

export class Playback {
  speed = $state<Speed>(1);
  paused = $state(false);

  #frame = 0;
  #lastWallMs: number | null = null;
  #advance: (virtualMs: number) => void = () => undefined;

  /** Starts the frame loop; returns a disposer. */
  run(advance: (virtualMs: number) => void): () => void {
    this.#advance = advance;
    const loop = (wallMs: number) => {
      if (this.#lastWallMs !== null && !this.paused) {
        const elapsed = Math.min(wallMs - this.#lastWallMs, MAX_FRAME_MS);
        if (elapsed > 0) this.#advance(elapsed * this.speed);
      }
      this.#lastWallMs = wallMs;
      this.#frame = requestAnimationFrame(loop);
    };
    this.#frame = requestAnimationFrame(loop);
    return () => {
      cancelAnimationFrame(this.#frame);
      this.#lastWallMs = null;
    };
  }

  togglePause(): void {
    this.paused = !this.paused;
  }
}
