import { Prng } from '../../lib/prng';

/**
 * The seeded network fabric (docs/architecture.md, "Lockstep coordinator and network fabric").
 * Every message between members goes through it. Per directed link it draws latency, loss and duplication from
 * one Prng; it holds symmetric partitions and one-way blocks; it delivers in a fixed order
 * (delivery time, then send sequence), so the same seed and inputs give the same run.
 *
 * Reordering falls out of the latency jitter: two messages on one link can overtake each other
 * when the second draws a shorter delay. A delay spike occasionally holds a message for seconds.
 * The fabric is generic in the message type `M` and the node id type `N`, and its whole state is
 * plain data (`snapshot()` / `Network.restore`).
 */

export interface LinkOptions {
  readonly latencyMsMin: number;
  readonly latencyMsMax: number;
  readonly lossProbability: number;
  readonly duplicationProbability: number;
  /** Chance that a message is held back by an extra delay up to `delaySpikeMsMax`. */
  readonly delaySpikeProbability: number;
  readonly delaySpikeMsMax: number;
}

export const defaultLinkOptions: LinkOptions = {
  latencyMsMin: 1,
  latencyMsMax: 10,
  lossProbability: 0,
  duplicationProbability: 0,
  delaySpikeProbability: 0,
  delaySpikeMsMax: 0,
};

export interface InFlight<M, N> {
  readonly from: N;
  readonly to: N;
  readonly message: M;
  readonly sentAtMs: number;
  readonly deliverAtMs: number;
  readonly sequence: number;
}

export type SendOutcome =
  | { readonly kind: 'queued'; readonly copies: number }
  | { readonly kind: 'dropped'; readonly reason: 'loss' | 'partition' };

export type DeliveryOutcome<M, N> =
  | { readonly kind: 'delivered'; readonly envelope: InFlight<M, N> }
  | { readonly kind: 'dropped'; readonly envelope: InFlight<M, N>; readonly reason: 'partition' };

/** The fabric's whole state as plain data. */
export interface NetworkSnapshot<M, N> {
  readonly prngState: number;
  readonly nextSequence: number;
  readonly defaultLink: LinkOptions;
  readonly links: readonly { readonly from: N; readonly to: N; readonly options: LinkOptions }[];
  readonly blocked: readonly { readonly from: N; readonly to: N }[];
  readonly inFlight: readonly InFlight<M, N>[];
}

export class Network<M, N extends number | string> {
  #prng: Prng;
  #nextSequence = 0;
  #defaultLink: LinkOptions;
  readonly #links = new Map<string, { from: N; to: N; options: LinkOptions }>();
  readonly #blocked = new Map<string, { from: N; to: N }>();
  readonly #queue = new DeliveryQueue<M, N>();

  constructor(options: { seed: number; defaultLink?: LinkOptions }) {
    this.#prng = new Prng(options.seed);
    this.#defaultLink = options.defaultLink ?? defaultLinkOptions;
    validateLink(this.#defaultLink);
  }

  static restore<M, N extends number | string>(snapshot: NetworkSnapshot<M, N>): Network<M, N> {
    const network = new Network<M, N>({ seed: 0, defaultLink: snapshot.defaultLink });
    network.#prng = Prng.fromState(snapshot.prngState);
    network.#nextSequence = snapshot.nextSequence;
    for (const link of snapshot.links) network.setLink(link.from, link.to, link.options);
    for (const link of snapshot.blocked) network.blockLink(link.from, link.to);
    for (const envelope of snapshot.inFlight) network.#queue.push(envelope);
    return network;
  }

  snapshot(): NetworkSnapshot<M, N> {
    return {
      prngState: this.#prng.state,
      nextSequence: this.#nextSequence,
      defaultLink: this.#defaultLink,
      links: [...this.#links.values()],
      blocked: [...this.#blocked.values()],
      inFlight: this.#queue.sorted(),
    };
  }

  setDefaultLink(options: LinkOptions): void {
    validateLink(options);
    this.#defaultLink = options;
  }

  /** The options of every link without options of its own. */
  get defaultLink(): LinkOptions {
    return this.#defaultLink;
  }

  /** Overrides the options of one directed link. */
  setLink(from: N, to: N, options: LinkOptions): void {
    validateLink(options);
    this.#links.set(linkKey(from, to), { from, to, options });
  }

  clearLinks(): void {
    this.#links.clear();
  }

  link(from: N, to: N): LinkOptions {
    // Every send asks; most runs set no per-link weather, so skip building the key.
    if (this.#links.size === 0) return this.#defaultLink;
    return this.#links.get(linkKey(from, to))?.options ?? this.#defaultLink;
  }

  /** One-way block: `from` can no longer reach `to` (an asymmetric partition). */
  blockLink(from: N, to: N): void {
    this.#blocked.set(linkKey(from, to), { from, to });
  }

  /**
   * Symmetric partition: members in different groups cannot reach each other. Members in no
   * group keep every link. Replaces nothing: it adds blocks to those already in place.
   */
  partition(groups: readonly (readonly N[])[]): void {
    for (const [i, group] of groups.entries()) {
      for (const other of groups.slice(i + 1)) {
        for (const a of group) {
          for (const b of other) {
            this.blockLink(a, b);
            this.blockLink(b, a);
          }
        }
      }
    }
  }

  /** Removes every partition and block (link options stay). */
  heal(): void {
    this.#blocked.clear();
  }

  isBlocked(from: N, to: N): boolean {
    return this.#blocked.size > 0 && this.#blocked.has(linkKey(from, to));
  }

  /** Hands a message to the fabric at `nowMs`; it may be lost, duplicated or delayed. */
  send(from: N, to: N, message: M, nowMs: number): SendOutcome {
    if (this.isBlocked(from, to)) return { kind: 'dropped', reason: 'partition' };
    const link = this.link(from, to);
    if (link.lossProbability > 0 && this.#prng.chance(link.lossProbability)) {
      return { kind: 'dropped', reason: 'loss' };
    }
    let copies = 1;
    if (link.duplicationProbability > 0 && this.#prng.chance(link.duplicationProbability)) {
      copies = 2;
    }
    for (let copy = 0; copy < copies; copy++) {
      this.#queue.push({
        from,
        to,
        message,
        sentAtMs: nowMs,
        deliverAtMs: nowMs + this.drawLatencyMs(link),
        sequence: this.#nextSequence++,
      });
    }
    return { kind: 'queued', copies };
  }

  private drawLatencyMs(link: LinkOptions): number {
    let latencyMs = this.#prng.intInclusive(link.latencyMsMin, link.latencyMsMax);
    if (link.delaySpikeProbability > 0 && this.#prng.chance(link.delaySpikeProbability)) {
      latencyMs += this.#prng.intInclusive(0, link.delaySpikeMsMax);
    }
    return latencyMs;
  }

  /** When the next message is due, if any. */
  nextDeliveryMs(): number | undefined {
    return this.#queue.peek()?.deliverAtMs;
  }

  get inFlightCount(): number {
    return this.#queue.size;
  }

  /**
   * Takes the next message due at or before `nowMs`. A partition that started while it was in
   * flight drops it on arrival.
   */
  deliverNext(nowMs: number): DeliveryOutcome<M, N> | undefined {
    const head = this.#queue.peek();
    if (head === undefined || head.deliverAtMs > nowMs) return undefined;
    this.#queue.pop();
    if (this.isBlocked(head.from, head.to)) {
      return { kind: 'dropped', envelope: head, reason: 'partition' };
    }
    return { kind: 'delivered', envelope: head };
  }

  /** Forgets every message in flight, for example when the whole simulation is reset. */
  clearInFlight(): void {
    this.#queue.clear();
  }
}

function linkKey<N extends number | string>(from: N, to: N): string {
  return `${String(from)}>${String(to)}`;
}

function validateLink(options: LinkOptions): void {
  const probabilities = [
    options.lossProbability,
    options.duplicationProbability,
    options.delaySpikeProbability,
  ];
  if (probabilities.some((p) => !(p >= 0 && p <= 1))) {
    throw new Error('network: probabilities must be in [0, 1]');
  }
  if (!(options.latencyMsMin >= 0 && options.latencyMsMax >= options.latencyMsMin)) {
    throw new Error('network: latency needs 0 <= latencyMsMin <= latencyMsMax');
  }
  if (!(options.delaySpikeMsMax >= 0)) throw new Error('network: delaySpikeMsMax must be >= 0');
}

/** A binary min-heap on (deliverAtMs, sequence): the fixed delivery order. */
class DeliveryQueue<M, N> {
  readonly #heap: InFlight<M, N>[] = [];

  get size(): number {
    return this.#heap.length;
  }

  peek(): InFlight<M, N> | undefined {
    return this.#heap[0];
  }

  clear(): void {
    this.#heap.length = 0;
  }

  sorted(): InFlight<M, N>[] {
    return [...this.#heap].sort(compare);
  }

  push(item: InFlight<M, N>): void {
    const heap = this.#heap;
    heap.push(item);
    let at = heap.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const above = heap[parent];
      if (above === undefined || compare(above, item) <= 0) break;
      heap[at] = above;
      at = parent;
    }
    heap[at] = item;
  }

  pop(): InFlight<M, N> | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const leftItem = heap[left];
      const rightItem = heap[right];
      if (leftItem === undefined) break;
      const child = rightItem !== undefined && compare(rightItem, leftItem) < 0 ? right : left;
      const childItem = heap[child];
      if (childItem === undefined || compare(last, childItem) <= 0) break;
      heap[at] = childItem;
      at = child;
    }
    heap[at] = last;
    return top;
  }
}

function compare<M, N>(a: InFlight<M, N>, b: InFlight<M, N>): number {
  return a.deliverAtMs - b.deliverAtMs || a.sequence - b.sequence;
}
