import { describe, expect, it } from 'vitest';
import { FocusExit, type KeyPress } from '../../../src/ui/terminal/focus-exit';

function key(name: string, extra: Partial<KeyPress> = {}): KeyPress {
  return {
    type: 'keydown',
    key: name,
    shiftKey: false,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    ...extra,
  };
}

describe('FocusExit', () => {
  it('keeps Tab alone for completion', () => {
    const exit = new FocusExit();
    expect(exit.decide(key('Tab'))).toBe('terminal');
    expect(exit.decide(key('Tab'))).toBe('terminal');
  });

  it('lets Escape then Tab leave, and the Escape still reaches the terminal', () => {
    const exit = new FocusExit();
    expect(exit.decide(key('Escape'))).toBe('terminal');
    expect(exit.armed).toBe(true);
    expect(exit.decide(key('Tab'))).toBe('page');
    // Once out and back, Tab completes again.
    expect(exit.decide(key('Tab'))).toBe('terminal');
  });

  it('lets Escape then Shift+Tab leave backwards: holding Shift does not disarm it', () => {
    const exit = new FocusExit();
    exit.decide(key('Escape'));
    expect(exit.decide(key('Shift', { shiftKey: true }))).toBe('terminal');
    expect(exit.decide(key('Tab', { shiftKey: true }))).toBe('page');
  });

  it('is disarmed by any other key between Escape and Tab', () => {
    const exit = new FocusExit();
    exit.decide(key('Escape'));
    exit.decide(key('a'));
    expect(exit.decide(key('Tab'))).toBe('terminal');
  });

  it('is not armed by a modified Escape, nor left by Ctrl+Tab', () => {
    const exit = new FocusExit();
    exit.decide(key('Escape', { ctrlKey: true }));
    expect(exit.decide(key('Tab'))).toBe('terminal');
    exit.decide(key('Escape'));
    expect(exit.decide(key('Tab', { ctrlKey: true }))).toBe('terminal');
  });

  it('gives F6 to the page, pressed or released, and ignores key-ups otherwise', () => {
    const exit = new FocusExit();
    expect(exit.decide(key('F6'))).toBe('page');
    expect(exit.decide(key('F6', { type: 'keyup' }))).toBe('page');
    exit.decide(key('Escape'));
    expect(exit.decide(key('Escape', { type: 'keyup' }))).toBe('terminal');
    expect(exit.decide(key('Tab'))).toBe('page');
  });
});
