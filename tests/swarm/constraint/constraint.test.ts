import { describe, expect, it } from 'vitest';
import { nodeMatches, parseConstraints } from '../../../src/swarm/constraint';
import { swarmOf } from '../../support/builders';

describe('parseConstraints', () => {
  it.each([
    ['node.role=manager', 'constraint expected one operator from ==, !='],
    ['node.role==', "value '' is invalid"],
    ['==manager', "key '' is invalid"],
    ['9node==x', "key '9node' is invalid"],
    ['node.labels.zone==a,b', "value 'a,b' is invalid"],
  ])("refuses %s with swarmkit's text", (expression, message) => {
    expect(parseConstraints([expression])).toEqual({ ok: false, message });
  });

  it('trims spaces around the operator', () => {
    expect(parseConstraints([' node.role != worker '])).toEqual({
      ok: true,
      constraints: [{ key: 'node.role', equal: false, value: 'worker' }],
    });
  });
});

describe('nodeMatches', () => {
  const swarm = swarmOf(1, 1);
  const manager = swarm.node('manager1');
  const worker = swarm.node('worker1');
  const matches = (expression: string, record = manager): boolean => {
    const parsed = parseConstraints([expression]);
    if (!parsed.ok) throw new Error(parsed.message);
    return nodeMatches(parsed.constraints, record);
  };

  it('matches the role and the hostname without regard to case', () => {
    expect(matches('node.role==MANAGER')).toBe(true);
    expect(matches('node.role==manager', worker)).toBe(false);
    expect(matches('node.hostname==Manager1')).toBe(true);
    expect(matches('node.hostname!=manager1', worker)).toBe(true);
  });

  it('takes a missing label as the empty string, and an unknown key as no match', () => {
    expect(matches('node.labels.zone==east')).toBe(false);
    expect(matches('node.labels.zone!=east')).toBe(true);
    expect(matches('node.colour==red')).toBe(false);
    expect(matches('node.colour!=red')).toBe(false);
  });

  it('matches node.ip against an address or a CIDR', () => {
    const address = manager.node.Status.Addr ?? '';
    expect(address).not.toBe('');
    expect(matches(`node.ip==${address}`)).toBe(true);
    expect(matches(`node.ip==${address.split('.').slice(0, 3).join('.')}.0/24`)).toBe(true);
    expect(matches('node.ip==10.99.0.0/16')).toBe(false);
    expect(matches('node.ip!=10.99.0.0/16')).toBe(true);
  });
});
