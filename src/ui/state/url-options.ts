import type { PresetId } from '../../sim/read-model';
import { DEFAULT_PRESET, isPresetId } from '../../sim/presets';

export interface StartOptions {
  readonly preset: PresetId;
  readonly seed: number;
}

/** The default seed when the URL gives none: fixed, so a fresh page is the same for everyone. */
export const DEFAULT_SEED = 1;

/**
 * Reads `?preset=ID&seed=N`. A bad value is ignored with a warning in the result, never thrown:
 * a typo in a shared link must still open a working playground.
 */
export function readStartOptions(search: string): {
  options: StartOptions;
  warnings: string[];
  /** The URL named a preset or a seed: start that cluster rather than the saved one. */
  chosen: boolean;
} {
  const params = new URLSearchParams(search);
  const warnings: string[] = [];
  let preset: PresetId = DEFAULT_PRESET;
  let seed = DEFAULT_SEED;
  const presetParam = params.get('preset');
  if (presetParam !== null) {
    if (isPresetId(presetParam)) preset = presetParam;
    else warnings.push(`unknown preset "${presetParam}", using ${DEFAULT_PRESET}`);
  }
  const seedParam = params.get('seed');
  if (seedParam !== null) {
    const parsed = parseSeed(seedParam);
    if (parsed === null) warnings.push(`seed must be a whole number from 0 to 4294967295`);
    else seed = parsed;
  }
  const chosen = params.has('preset') || params.has('seed');
  return { options: { preset, seed }, warnings, chosen };
}

export function parseSeed(text: string): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const value = Number(text);
  return value <= 0xffff_ffff ? value : null;
}
