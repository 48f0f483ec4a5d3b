import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LAYOUT,
  SPLIT_MAX,
  SPLIT_MIN,
  clampSplit,
  readLayout,
  writeLayout,
} from '../../../src/ui/state/layout-prefs';
import { memoryStorage } from '../../support/memory-storage';

describe('layout preferences', () => {
  it('keeps a layout across a reload', () => {
    const storage = memoryStorage();
    const layout = { split: 0.5, terminalMaximised: true, logHidden: true };
    writeLayout(storage, layout);
    expect(readLayout(storage)).toEqual(layout);
  });

  it('falls back to the default for a missing, corrupt or foreign value', () => {
    expect(readLayout(null)).toEqual(DEFAULT_LAYOUT);
    expect(readLayout(memoryStorage())).toEqual(DEFAULT_LAYOUT);
    const key = 'swarm-playground:layout:v1';
    expect(readLayout(memoryStorage({ [key]: '{not json' }))).toEqual(DEFAULT_LAYOUT);
    expect(readLayout(memoryStorage({ [key]: '"wide"' }))).toEqual(DEFAULT_LAYOUT);
    expect(readLayout(memoryStorage({ [key]: '{"split":"<b>","logHidden":1}' }))).toEqual(
      DEFAULT_LAYOUT,
    );
  });

  it('keeps the split inside its bounds, whatever was saved or dragged', () => {
    expect(clampSplit(0)).toBe(SPLIT_MIN);
    expect(clampSplit(2)).toBe(SPLIT_MAX);
    expect(clampSplit(Number.NaN)).toBe(DEFAULT_LAYOUT.split);
    const storage = memoryStorage({ 'swarm-playground:layout:v1': '{"split":-5}' });
    expect(readLayout(storage).split).toBe(SPLIT_MIN);
  });

  it('survives a storage that refuses writes', () => {
    const refusing = memoryStorage();
    refusing.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(() => {
      writeLayout(refusing, DEFAULT_LAYOUT);
    }).not.toThrow();
  });
});
