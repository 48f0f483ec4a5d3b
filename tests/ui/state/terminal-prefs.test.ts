import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TERMINAL_PREFS,
  readTerminalPrefs,
  writeTerminalPrefs,
} from '../../../src/ui/state/terminal-prefs';
import { memoryStorage } from '../../support/memory-storage';

describe('terminal preferences', () => {
  it('keeps screen-reader mode across a reload', () => {
    const storage = memoryStorage();
    expect(readTerminalPrefs(storage)).toEqual(DEFAULT_TERMINAL_PREFS);
    writeTerminalPrefs(storage, { screenReaderMode: true });
    expect(readTerminalPrefs(storage)).toEqual({ screenReaderMode: true });
  });

  it('falls back to the default on a corrupt value or no storage', () => {
    const storage = memoryStorage();
    storage.setItem('swarm-playground:terminal:v1', '{not json');
    expect(readTerminalPrefs(storage)).toEqual(DEFAULT_TERMINAL_PREFS);
    storage.setItem('swarm-playground:terminal:v1', '{"screenReaderMode":"yes"}');
    expect(readTerminalPrefs(storage)).toEqual(DEFAULT_TERMINAL_PREFS);
    expect(readTerminalPrefs(null)).toEqual(DEFAULT_TERMINAL_PREFS);
    writeTerminalPrefs(null, { screenReaderMode: true });
  });
});
