import type { ChipFile, MachineView } from '../../sim/read-model';
import type { FileGlyph } from './chip-files';
import { FlightAnimator, interleave, type FlightEnds } from './flight-animator';
import type { Point } from './layout';
import { chipCentre, chipKey } from './task-flights';

/**
 * How long a secret's key (or a config's page) takes from the leader to the container, in wall
 * milliseconds: a little longer than a chip's flight, since it has further to be followed.
 */
export const FILE_FLIGHT_WALL_MS = 600;
/** A rotation of a 100-replica service at 50× mounts more files at once than an eye can follow. */
export const MAX_FILE_FLIGHTS = 24;

/**
 * A file a task's container just mounted: its glyph flies from the leader, whose Raft log holds
 * the secret (encrypted at rest), to the node the dispatcher sent it to, onto the task's chip.
 */
export interface FileFlight {
  /** `hostname/taskId/path`: one flight per file. */
  readonly key: string;
  /** The chip it settles on (chipKey), whose badge waits for it. */
  readonly chip: string;
  /** `web.1`, for the flying glyph's `data-task`. */
  readonly task: string;
  readonly from: string;
  readonly to: string;
  readonly glyph: FileGlyph;
  readonly name: string;
  readonly path: string;
}

/**
 * The files that appear on the chips of a node between two views, each flying from the
 * current leader. Like the chips' flights (task-flights.ts): nothing flies on the first view,
 * without a leader, or onto a machine that was not a running swarm member in the previous view
 * (what a restarted node shows, nobody mounted just now). A file a chip already held does not
 * fly again; one the chip holds in its first view flies with it. Interleaved node by node.
 */
export function newFileFlights(
  previous: readonly MachineView[] | null,
  next: readonly MachineView[],
): FileFlight[] {
  if (previous === null) return [];
  const leader = next.find((machine) => machine.raft?.role === 'leader');
  if (leader === undefined) return [];
  const before = new Map(previous.map((machine) => [machine.hostname, machine]));
  const perNode: FileFlight[][] = [];
  for (const machine of next) {
    const old = before.get(machine.hostname);
    if (old === undefined || old.daemon !== 'running' || old.swarmRole === null) continue;
    const held = new Map((old.tasks ?? []).map((chip) => [chip.taskId, paths(chip.files)]));
    const flights: FileFlight[] = [];
    for (const chip of machine.tasks ?? []) {
      const had = held.get(chip.taskId);
      for (const file of chip.files) {
        if (had?.has(file.path) === true) continue;
        const key = chipKey(machine.hostname, chip.taskId);
        flights.push({
          key: `${key}/${file.path}`,
          chip: key,
          task: chip.name,
          from: leader.hostname,
          to: machine.hostname,
          glyph: file.source,
          name: file.name,
          path: file.path,
        });
      }
    }
    if (flights.length > 0) perNode.push(flights);
  }
  return interleave(perNode);
}

function paths(files: readonly ChipFile[]): Set<string> {
  return new Set(files.map((file) => file.path));
}

/**
 * From the leader's centre to the centre of the chip it settles on; null when the leader's
 * place, the machine or the chip is gone (the task was removed before it landed).
 */
export function fileFlightEnds(
  flight: FileFlight,
  machines: ReadonlyMap<string, MachineView>,
  positions: ReadonlyMap<string, Point>,
): { readonly from: Point; readonly to: Point } | null {
  const from = positions.get(flight.from);
  const to = chipCentre(flight.chip, machines.get(flight.to), positions);
  if (from === undefined || to === null) return null;
  return { from, to };
}

/** A file's glyph in the air, as the graph draws it. */
export interface FlyingFile {
  readonly key: string;
  readonly task: string;
  readonly glyph: FileGlyph;
  readonly x: number;
  readonly y: number;
}

/** Moves mounted files' glyphs from the leader to their chips, at most MAX_FILE_FLIGHTS. */
export class FileFlightAnimator {
  readonly #flights = new FlightAnimator<FileFlight>(MAX_FILE_FLIGHTS, FILE_FLIGHT_WALL_MS);

  add(flights: readonly FileFlight[], wallMs: number): void {
    this.#flights.add(flights, wallMs);
  }

  clear(): void {
    this.#flights.clear();
  }

  get active(): boolean {
    return this.#flights.active;
  }

  /** The glyphs to draw at `wallMs`; one that landed, or whose chip is gone, is forgotten. */
  glyphs(wallMs: number, ends: FlightEnds<FileFlight>): FlyingFile[] {
    return this.#flights.positions(wallMs, ends).map(({ flight, x, y }) => ({
      key: flight.key,
      task: flight.task,
      glyph: flight.glyph,
      x,
      y,
    }));
  }

  /** The chips (chipKey) whose badges wait for a glyph still in the air. */
  awaited(): Set<string> {
    return new Set(this.#flights.flights().map((flight) => flight.chip));
  }
}
