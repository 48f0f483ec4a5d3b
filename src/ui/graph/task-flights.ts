import type { MachineView } from '../../sim/read-model';
import { FlightAnimator, interleave, type FlightEnds } from './flight-animator';
import { isManagerLike, type Point } from './layout';
import {
  CHIP_SIZE,
  CHIPS_SHOWN_MAX,
  chipRowY,
  chipXs,
  isLeaving,
  PENDING_ROW_Y,
  SCHEDULER_OFFSET_Y,
  visibleChips,
} from './task-chips';

/** How long a chip takes to fly, in wall milliseconds, whatever the speed of virtual time. */
export const TASK_FLIGHT_WALL_MS = 450;
/**
 * More chips than this in the air at once (1,000 replicas placed at 50×) would be a blur; a
 * task placed while the sky is full just appears in its node.
 */
export const MAX_TASK_FLIGHTS = 40;

/** A task the leader's scheduler just placed on a node: its chip flies there. */
export interface TaskFlight {
  /** `hostname/taskId`: the chip in the node it becomes, hidden while it flies. */
  readonly key: string;
  /** `web.3`, for the flying chip's `data-task`. */
  readonly task: string;
  /** The node it lands on. */
  readonly to: string;
  /** The leader whose scheduler placed it. */
  readonly from: string;
  /**
   * Where it takes off, from the centre of `from`: the leader itself, or the task's spot in the
   * scheduler row above it if it waited there (that row is gone by the time it flies).
   */
  readonly offset: Point;
}

/** The key of the chip a task is on a node, as a flight names it. */
export function chipKey(hostname: string, taskId: string): string {
  return `${hostname}/${taskId}`;
}

/**
 * The chips that appear on a node between two views, each flying from the current leader (or
 * from its spot in the scheduler row, if it waited there). A chip is its task ID on its node,
 * so the replacement of `web.3` is a new flight while the old `web.3` greys out where it was.
 *
 * Nothing flies on the first view (`previous` null: a page load, a reset, a save restored),
 * without a leader, onto a machine that was not a running swarm member in the previous view
 * (a restarted daemon shows again the tasks it had; nobody placed them just now), or for a task
 * that appears already leaving. Flights are interleaved node by node, so that when more are
 * placed than may fly, the ones that do are spread over the cluster.
 */
export function newFlights(
  previous: readonly MachineView[] | null,
  next: readonly MachineView[],
): TaskFlight[] {
  if (previous === null) return [];
  const leader = next.find((machine) => machine.raft?.role === 'leader');
  if (leader === undefined) return [];
  const before = new Map(previous.map((machine) => [machine.hostname, machine]));
  const waiting = waitingTasks(previous);
  const perNode: TaskFlight[][] = [];
  for (const machine of next) {
    const old = before.get(machine.hostname);
    if (old === undefined || old.daemon !== 'running' || old.swarmRole === null) continue;
    const known = new Set((old.tasks ?? []).map((task) => task.taskId));
    const flights = visibleChips(machine.tasks ?? [])
      .filter((chip) => !known.has(chip.taskId) && !isLeaving(chip))
      .map((chip): TaskFlight => {
        const wait = waiting.get(chip.taskId);
        return {
          key: chipKey(machine.hostname, chip.taskId),
          task: chip.name,
          to: machine.hostname,
          from: wait?.hostname ?? leader.hostname,
          offset: wait?.offset ?? { x: 0, y: 0 },
        };
      });
    if (flights.length > 0) perNode.push(flights);
  }
  return interleave(perNode);
}

/** Each task waiting in a scheduler row: whose row, and where in it, from the leader's centre. */
function waitingTasks(
  machines: readonly MachineView[],
): Map<string, { readonly hostname: string; readonly offset: Point }> {
  const waiting = new Map<string, { hostname: string; offset: Point }>();
  for (const machine of machines) {
    const pending = machine.pendingTasks ?? [];
    const xs = chipXs(pending.length);
    pending.forEach((task, index) => {
      // Past the chips shown, a task waited in the row's `N pending` count, at its middle.
      const x = (xs[index] ?? -CHIP_SIZE / 2) + CHIP_SIZE / 2;
      const y = SCHEDULER_OFFSET_Y + PENDING_ROW_Y + CHIP_SIZE / 2;
      waiting.set(task.taskId, { hostname: machine.hostname, offset: { x, y } });
    });
  }
  return waiting;
}

/**
 * Where a flight starts and lands, in graph coordinates (the centre of a chip): from the leader,
 * or from the chip's spot in its scheduler row, to the chip's place in its node (chipCentre).
 * Null when either machine, or the chip, is gone (the task was removed before it landed).
 */
export function flightEnds(
  flight: TaskFlight,
  machines: ReadonlyMap<string, MachineView>,
  positions: ReadonlyMap<string, Point>,
): { readonly from: Point; readonly to: Point } | null {
  const source = positions.get(flight.from);
  const to = chipCentre(flight.key, machines.get(flight.to), positions);
  if (source === undefined || to === null) return null;
  const from = { x: source.x + flight.offset.x, y: source.y + flight.offset.y };
  return { from, to };
}

/**
 * The centre of the chip `key` (`hostname/taskId`) in its node's row, which moves as other
 * chips arrive, or the node's `+N more` if its place is past the chips shown; null when the
 * machine or the chip is gone.
 */
export function chipCentre(
  key: string,
  machine: MachineView | undefined,
  positions: ReadonlyMap<string, Point>,
): Point | null {
  if (machine === undefined) return null;
  const target = positions.get(machine.hostname);
  if (target === undefined) return null;
  const chips = visibleChips(machine.tasks ?? []);
  const index = chips.findIndex((chip) => chipKey(machine.hostname, chip.taskId) === key);
  if (index < 0) return null;
  const half = CHIP_SIZE / 2;
  const rowY = target.y + chipRowY(isManagerLike(machine)) + half;
  return index < CHIPS_SHOWN_MAX
    ? { x: target.x + (chipXs(chips.length)[index] ?? 0) + half, y: rowY }
    : { x: target.x, y: rowY + CHIP_SIZE + 8 };
}

/** A chip in the air, as the graph draws it. */
export interface FlyingChip {
  readonly key: string;
  readonly task: string;
  /** The centre of the chip. */
  readonly x: number;
  readonly y: number;
}

/** Moves placed tasks' chips from the scheduler to their nodes, at most MAX_TASK_FLIGHTS. */
export class TaskFlightAnimator {
  readonly #flights = new FlightAnimator<TaskFlight>(MAX_TASK_FLIGHTS, TASK_FLIGHT_WALL_MS);

  add(flights: readonly TaskFlight[], wallMs: number): void {
    this.#flights.add(flights, wallMs);
  }

  clear(): void {
    this.#flights.clear();
  }

  get active(): boolean {
    return this.#flights.active;
  }

  /** The keys of the chips in the air, whose places in their nodes wait for them. */
  keys(): Set<string> {
    return new Set(this.#flights.flights().map((flight) => flight.key));
  }

  /** The chips to draw at `wallMs`; a flight that landed, or whose ends are gone, is forgotten. */
  chips(wallMs: number, ends: FlightEnds<TaskFlight>): FlyingChip[] {
    return this.#flights.positions(wallMs, ends).map(({ flight, x, y }) => ({
      key: flight.key,
      task: flight.task,
      x,
      y,
    }));
  }
}
