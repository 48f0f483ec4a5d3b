import { assert } from '../../lib/assert';
import type { Message, NodeId } from '../../raft';
import type { DaemonWire } from '../../machine-api';
import type {
  Answer,
  DurableMirror,
  MachineOutput,
  MachineHost,
  MachineSpec,
  MachineStatusData,
  Placement,
} from '../machine';
import type { DaemonData } from '../../machine-api';
import type { Settled } from './host-calls';

/** The coordinator's view of one machine. */
export interface Slot<P, S, D extends DaemonData> {
  readonly spec: MachineSpec;
  /** Undefined after the host failed, until the daemon is started again. */
  host: MachineHost<P, S, D> | undefined;
  status: MachineStatusData;
  /** Infinity while the daemon is down: a stopped machine never ticks. */
  nextTickMs: number;
  /** The machine's disk as its host reported it: what rebuilds it after its host failed. */
  readonly mirror: DurableMirror<P, S, D>;
  /** Where the host runs the machine now. */
  placement: Placement;
  /** A placement a host could not be built for; not tried again until the role changes. */
  placementRefused: Placement | null;
  /** The host came from the replay's factory and moves to the run's as soon as it can. */
  rehost: boolean;
  failure: string | null;
  /**
   * What the fabric delivers to this machine at the current instant, Raft's and the daemon's
   * apart; empty between instants. On the slot rather than in a map per instant: most instants
   * deliver to one or two machines, and the loop visits every slot anyway.
   */
  inbox: Inbox<P, S>;
  /**
   * What the host answered to this instant's step, from the stepping until the routing (which
   * takes the answers in node-id order); undefined otherwise. On the slot for the same reason.
   */
  stepped: Answer<Settled<MachineOutput<P, S, D>>> | undefined;
}

export interface Inbox<P, S> {
  messages: Message<P, S>[];
  wires: DaemonWire[];
}

export function emptyInbox<P, S>(): Inbox<P, S> {
  return { messages: [], wires: [] };
}

/**
 * The table's names as plain data: which hostname each node id had, removed machines'
 * included and in node-id order, which node id each address reaches, and the next node id.
 * Which node id a hostname names is the last one that had it, so it is not saved.
 */
export interface SlotNames {
  readonly names: readonly (readonly [NodeId, string])[];
  readonly addresses: readonly (readonly [string, NodeId])[];
  readonly nextNodeId: NodeId;
}

/** Read through a function so that TypeScript does not keep a narrowing across an await. */
export function isRunning<P, S, D extends DaemonData>(slot: Slot<P, S, D>): boolean {
  return slot.status.daemon === 'running';
}

/**
 * Every machine's slot, in node-id order (the order the loop calls and absorbs them in), and the
 * names that reach them. A removed machine leaves the slots but keeps its name for its node id
 * (a flight from it still shows its hostname) and its address until another machine takes it:
 * its traffic then finds the node id of a member that is gone, and is dropped there. A machine
 * added later may take the same hostname and address, as a new VM in a lab does; it gets a new
 * node id, and traffic sent to the address from then on reaches it.
 */
export class SlotTable<P, S, D extends DaemonData> {
  readonly #slots = new Map<NodeId, Slot<P, S, D>>();
  /**
   * The slots in install order, for the loops that visit every machine at every instant. A new
   * array on each add or remove, so a loop over the old one is never disturbed by either.
   */
  #list: readonly Slot<P, S, D>[] = [];
  readonly #ids = new Map<string, NodeId>();
  readonly #names = new Map<NodeId, string>();
  readonly #addresses = new Map<string, NodeId>();
  #nextNodeId: NodeId = 1;

  /** The names, for a checkpoint; the slots themselves are saved one by one. */
  names(): SlotNames {
    return {
      names: [...this.#names],
      addresses: [...this.#addresses],
      nextNodeId: this.#nextNodeId,
    };
  }

  /** Takes back the names of a checkpoint, before its slots are added again. */
  restoreNames(names: SlotNames): void {
    for (const [id, hostname] of names.names) {
      this.#names.set(id, hostname);
      this.#ids.set(hostname, id);
    }
    for (const [address, id] of names.addresses) this.#addresses.set(address, id);
    this.#nextNodeId = names.nextNodeId;
  }

  /** Node ids follow the order machines are installed in (1, 2, …); they are the Raft ids. */
  takeNodeId(): NodeId {
    return this.#nextNodeId++;
  }

  /** Whether a machine in the run has this hostname now (a removed one frees it). */
  isTaken(hostname: string): boolean {
    const id = this.#ids.get(hostname);
    return id !== undefined && this.#slots.has(id);
  }

  add(slot: Slot<P, S, D>): void {
    const { spec } = slot;
    assert(!this.#slots.has(spec.nodeId), `node id ${spec.nodeId} is taken`);
    this.#ids.set(spec.hostname, spec.nodeId);
    this.#names.set(spec.nodeId, spec.hostname);
    this.#addresses.set(spec.address, spec.nodeId);
    this.#slots.set(spec.nodeId, slot);
    this.#list = [...this.#list, slot];
  }

  remove(id: NodeId): void {
    this.#slots.delete(id);
    this.#list = this.#list.filter((slot) => slot.spec.nodeId !== id);
  }

  /** Every slot, in install order (node-id order). */
  list(): readonly Slot<P, S, D>[] {
    return this.#list;
  }

  get(id: NodeId): Slot<P, S, D> | undefined {
    return this.#slots.get(id);
  }

  has(id: NodeId): boolean {
    return this.#slots.has(id);
  }

  require(hostname: string): Slot<P, S, D> {
    const id = this.#ids.get(hostname);
    const slot = id === undefined ? undefined : this.#slots.get(id);
    if (slot === undefined) throw new Error(`no machine named ${hostname}`);
    return slot;
  }

  name(id: NodeId): string | null {
    return this.#names.get(id) ?? null;
  }

  /** The node id daemon traffic to `address` goes to, if any machine ever had it. */
  nodeAt(address: string): NodeId | undefined {
    return this.#addresses.get(address);
  }
}
