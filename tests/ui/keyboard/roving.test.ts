import { describe, expect, it } from 'vitest';
import { rovingStop, rovingTarget } from '../../../src/ui/keyboard/roving';

const machines = ['manager1', 'manager2', 'manager3', 'worker1'];

describe('rovingTarget', () => {
  it('moves forward with Right and Down, back with Left and Up, wrapping at both ends', () => {
    expect(rovingTarget(machines, 'manager1', 'ArrowRight')).toBe('manager2');
    expect(rovingTarget(machines, 'manager1', 'ArrowDown')).toBe('manager2');
    expect(rovingTarget(machines, 'manager2', 'ArrowLeft')).toBe('manager1');
    expect(rovingTarget(machines, 'manager2', 'ArrowUp')).toBe('manager1');
    expect(rovingTarget(machines, 'worker1', 'ArrowRight')).toBe('manager1');
    expect(rovingTarget(machines, 'manager1', 'ArrowLeft')).toBe('worker1');
  });

  it('jumps to the first and last with Home and End', () => {
    expect(rovingTarget(machines, 'manager3', 'Home')).toBe('manager1');
    expect(rovingTarget(machines, 'manager1', 'End')).toBe('worker1');
  });

  it('leaves other keys alone', () => {
    expect(rovingTarget(machines, 'manager1', 'Enter')).toBeNull();
    expect(rovingTarget(machines, 'manager1', 'a')).toBeNull();
    expect(rovingTarget([], 'manager1', 'ArrowRight')).toBeNull();
  });

  it('starts from the first when the current item is gone (a removed machine)', () => {
    expect(rovingTarget(machines, 'worker9', 'ArrowRight')).toBe('manager1');
  });
});

describe('rovingStop', () => {
  it('is the item moved to, else the selected one, else the first', () => {
    expect(rovingStop(machines, 'manager3', 'manager1')).toBe('manager3');
    expect(rovingStop(machines, null, 'manager2')).toBe('manager2');
    expect(rovingStop(machines, 'gone', 'gone too')).toBe('manager1');
    expect(rovingStop([], null, 'manager1')).toBeUndefined();
  });
});
