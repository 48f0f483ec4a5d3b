import { isPresetId } from '../sim/presets';
import type { AppState } from './state/app-state.svelte';
import type { PlaygroundApi } from './automation-api';

/**
 * Builds `window.playground`. Everything it does goes through the same paths as a user: `exec`
 * types into the machine's terminal, `advance` moves the same virtual clock as the Play button.
 */
export function createPlaygroundApi(app: AppState): PlaygroundApi {
  return {
    exec(line, options = {}) {
      if (typeof line !== 'string')
        return Promise.reject(new TypeError('exec: line must be a string'));
      const machine = options.machine ?? app.selected;
      return app.runtime.exec(line, machine);
    },
    advance(seconds) {
      if (!Number.isFinite(seconds) || seconds < 0) {
        return Promise.reject(new RangeError('advance: seconds must be a finite number ≥ 0'));
      }
      // "As fast as possible": the whole span at once, not paced by animation frames.
      return app.runtime.advance(seconds * 1000);
    },
    state() {
      // The view is replaced whole, never mutated; a clone keeps callers from holding live state.
      return structuredClone(app.runtime.view);
    },
    reset(options = {}) {
      const current = app.runtime.view;
      const preset = options.preset ?? current.preset;
      if (!isPresetId(preset))
        return Promise.reject(new RangeError(`reset: unknown preset ${preset}`));
      const seed = options.seed ?? current.seed;
      if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
        return Promise.reject(
          new RangeError('reset: seed must be an integer from 0 to 4294967295'),
        );
      }
      return app.reset({ preset, seed });
    },
  };
}
