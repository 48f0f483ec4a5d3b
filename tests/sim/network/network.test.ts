import { describe, expect, it } from 'vitest';
import { Network, type LinkOptions, type NetworkSnapshot } from '../../../src/sim/network';

const link: LinkOptions = {
  latencyMsMin: 5,
  latencyMsMax: 50,
  lossProbability: 0,
  duplicationProbability: 0,
  delaySpikeProbability: 0,
  delaySpikeMsMax: 0,
};

function drain(network: Network<string, number>, nowMs: number): string[] {
  const out: string[] = [];
  for (;;) {
    const outcome = network.deliverNext(nowMs);
    if (outcome === undefined) return out;
    out.push(`${outcome.kind}:${outcome.envelope.message}@${outcome.envelope.deliverAtMs}`);
  }
}

function sendMany(network: Network<string, number>, count: number): void {
  for (let i = 0; i < count; i++) network.send(1 + (i % 3), 1 + ((i + 1) % 3), `m${i}`, i);
}

describe('Network', () => {
  it('delivers the same messages at the same times for the same seed', () => {
    const a = new Network<string, number>({
      seed: 7,
      defaultLink: { ...link, lossProbability: 0.2, duplicationProbability: 0.2 },
    });
    const b = new Network<string, number>({
      seed: 7,
      defaultLink: { ...link, lossProbability: 0.2, duplicationProbability: 0.2 },
    });
    sendMany(a, 200);
    sendMany(b, 200);
    expect(drain(a, 10_000)).toEqual(drain(b, 10_000));
  });

  it('delivers in order of arrival time, then send order, and reorders by latency', () => {
    const network = new Network<string, number>({ seed: 3, defaultLink: link });
    sendMany(network, 100);
    const times = drain(network, 10_000).map((line) => Number(line.split('@')[1]));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    const order = drain(network, 0);
    expect(order).toEqual([]);
  });

  it('holds messages until they are due', () => {
    const network = new Network<string, number>({
      seed: 1,
      defaultLink: { ...link, latencyMsMin: 100, latencyMsMax: 100 },
    });
    network.send(1, 2, 'late', 0);
    expect(network.deliverNext(99)).toBeUndefined();
    expect(network.nextDeliveryMs()).toBe(100);
    expect(network.deliverNext(100)?.kind).toBe('delivered');
  });

  it('loses and duplicates messages at about the configured rates', () => {
    const network = new Network<string, number>({
      seed: 11,
      defaultLink: { ...link, lossProbability: 0.3, duplicationProbability: 0.1 },
    });
    let lost = 0;
    let copies = 0;
    for (let i = 0; i < 10_000; i++) {
      const outcome = network.send(1, 2, 'x', 0);
      if (outcome.kind === 'dropped') lost++;
      else copies += outcome.copies;
    }
    expect(lost / 10_000).toBeGreaterThan(0.27);
    expect(lost / 10_000).toBeLessThan(0.33);
    expect(copies / (10_000 - lost)).toBeGreaterThan(1.07);
    expect(copies / (10_000 - lost)).toBeLessThan(1.13);
  });

  it('blocks both directions across a symmetric partition and heals', () => {
    const network = new Network<string, number>({ seed: 1, defaultLink: link });
    network.partition([[1], [2, 3]]);
    expect(network.send(1, 2, 'a', 0)).toEqual({ kind: 'dropped', reason: 'partition' });
    expect(network.send(3, 1, 'b', 0)).toEqual({ kind: 'dropped', reason: 'partition' });
    expect(network.send(2, 3, 'c', 0).kind).toBe('queued');
    network.heal();
    expect(network.send(1, 2, 'd', 0).kind).toBe('queued');
  });

  it('blocks one direction only for an asymmetric block', () => {
    const network = new Network<string, number>({ seed: 1, defaultLink: link });
    network.blockLink(1, 2);
    expect(network.send(1, 2, 'a', 0).kind).toBe('dropped');
    expect(network.send(2, 1, 'b', 0).kind).toBe('queued');
  });

  it('drops a message in flight when a partition starts before it arrives', () => {
    const network = new Network<string, number>({ seed: 1, defaultLink: link });
    network.send(1, 2, 'a', 0);
    network.partition([[1], [2]]);
    expect(network.deliverNext(1000)?.kind).toBe('dropped');
  });

  it('applies per-link options', () => {
    const network = new Network<string, number>({ seed: 1, defaultLink: link });
    network.setLink(1, 2, { ...link, lossProbability: 1 });
    expect(network.send(1, 2, 'a', 0)).toEqual({ kind: 'dropped', reason: 'loss' });
    expect(network.send(2, 1, 'b', 0).kind).toBe('queued');
  });

  it('continues identically after a snapshot is restored from plain data', () => {
    const options = {
      seed: 5,
      defaultLink: { ...link, lossProbability: 0.1, duplicationProbability: 0.1 },
    };
    const original = new Network<string, number>(options);
    sendMany(original, 50);
    original.blockLink(2, 3);
    const plain = JSON.parse(JSON.stringify(original.snapshot())) as NetworkSnapshot<
      string,
      number
    >;
    const copy = Network.restore<string, number>(plain);
    sendMany(original, 50);
    sendMany(copy, 50);
    expect(drain(copy, 10_000)).toEqual(drain(original, 10_000));
  });

  it('rejects probabilities outside [0, 1]', () => {
    expect(() => new Network({ seed: 1, defaultLink: { ...link, lossProbability: 2 } })).toThrow();
  });
});
