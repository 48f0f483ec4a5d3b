import type { DaemonData } from '../../machine-api';
import type { Answer } from './host';
import type { Machine, MachineEmission, ProposalEmission } from './machine';
import type { MachineStatusData } from './types';

/** A host's answer: what the machine emitted, and its status after it. */
export type WithStatus<R> = R & { readonly status: MachineStatusData };

/** How a host adds the status to what a call emitted (see `emissionWithStatus`). */
export type StatusStamp<R> = (emitted: R, status: MachineStatusData) => WithStatus<R>;

/** Any call's emission with its status: a spread, for the calls that are rare (files). */
export function withStatus<R extends object>(emitted: R, status: MachineStatusData): WithStatus<R> {
  return { ...emitted, status };
}

/**
 * An emission with its status, field by field. A spread of the emissions (several shapes, the
 * shared empty one frozen) takes V8's slow generic copy, and every host call answers one.
 */
export function emissionWithStatus<P, S, D extends DaemonData>(
  emitted: MachineEmission<P, S, D>,
  status: MachineStatusData,
): WithStatus<MachineEmission<P, S, D>> {
  return {
    messages: emitted.messages,
    events: emitted.events,
    wires: emitted.wires,
    answers: emitted.answers,
    durable: emitted.durable,
    durableAfterEvents: emitted.durableAfterEvents,
    status,
  };
}

/** A proposal's emission and answer with its status, field by field (as above). */
export function proposalWithStatus<P, S, D extends DaemonData>(
  emitted: ProposalEmission<P, S, D>,
  status: MachineStatusData,
): WithStatus<ProposalEmission<P, S, D>> {
  return {
    messages: emitted.messages,
    events: emitted.events,
    wires: emitted.wires,
    answers: emitted.answers,
    durable: emitted.durable,
    durableAfterEvents: emitted.durableAfterEvents,
    accepted: emitted.accepted,
    index: emitted.index,
    reason: emitted.reason,
    status,
  };
}

/**
 * Runs host calls on one machine, for both hosts (`LocalHost`, the manager's worker): each call,
 * then the cipher work it leaves (`Machine.runCrypto`), and the output of both as one answer.
 * Almost every call leaves none and is answered at once; a call that arrives while cipher work
 * runs waits for it, so calls never interleave inside the machine.
 */
export class MachineRunner<P, S, D extends DaemonData> {
  readonly machine: Machine<P, S, D>;
  #busy: Promise<unknown> | undefined;

  constructor(machine: Machine<P, S, D>) {
    this.machine = machine;
  }

  /** Whether a call can run at once, with no cipher work before it. */
  get idle(): boolean {
    return this.#busy === undefined && !this.machine.cryptoDue;
  }

  /** One call that emits: `work` runs the machine and drains it; `stamp` adds the status. */
  emit<R extends MachineEmission<P, S, D>>(
    work: () => R,
    stamp: StatusStamp<R>,
  ): Answer<WithStatus<R>> {
    const machine = this.machine;
    if (this.idle) {
      const emitted = work();
      if (!machine.cryptoDue) return stamp(emitted, machine.status());
      return this.#track(this.#finish(emitted));
    }
    return this.#queue(() => {
      const emitted = work();
      return machine.cryptoDue ? this.#finish(emitted) : stamp(emitted, machine.status());
    });
  }

  /** A query (status, snapshot, export): after any cipher work, with nothing emitted. */
  read<T>(work: () => T): Answer<T> {
    if (this.idle) return work();
    return this.#queue(work);
  }

  /** Runs `work` after the calls before it and the cipher work they left. */
  #queue<T>(work: () => T | Promise<T>): Promise<T> {
    const machine = this.machine;
    const before = this.#busy ?? Promise.resolve();
    return this.#track(
      before.then(async () => {
        if (machine.cryptoDue) await machine.runCrypto();
        return work();
      }),
    );
  }

  async #finish<R extends MachineEmission<P, S, D>>(emitted: R): Promise<WithStatus<R>> {
    const machine = this.machine;
    await machine.runCrypto();
    const after = machine.drainAfterCrypto();
    const offset = emitted.events.length;
    return {
      ...emitted,
      messages: [...emitted.messages, ...after.messages],
      events: [...emitted.events, ...after.events],
      wires: [...emitted.wires, ...after.wires],
      answers: [...emitted.answers, ...after.answers],
      durable: [...emitted.durable, ...after.durable],
      durableAfterEvents: [
        ...emitted.durableAfterEvents,
        ...after.durableAfterEvents.map((mark) => mark + offset),
      ],
      status: machine.status(),
    };
  }

  #track<T>(work: Promise<T>): Promise<T> {
    const done = work.then(
      () => undefined,
      () => undefined,
    );
    this.#busy = done;
    void done.then(() => {
      if (this.#busy === done) this.#busy = undefined;
    });
    return work;
  }
}
