import {
  forceCollide,
  forceManyBody,
  forceRadial,
  forceSimulation,
  type SimulationNodeDatum,
} from 'd3-force';
import type { MachineView } from '../../sim/read-model';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export const GRAPH_WIDTH = 800;
export const GRAPH_HEIGHT = 560;
/** Room a machine needs: a manager box is 112 px wide, with two status lines under it. */
const NODE_SPACING = 135;
const MANAGER_RING_MIN = 130;
const RING_GAP = 120;
const LAYOUT_TICKS = 240;

interface LayoutNode extends SimulationNodeDatum {
  readonly hostname: string;
  readonly ring: number;
}

/**
 * Places machines with d3-force: managers on an inner ring, workers on an outer one, kept apart
 * by collision. The simulation is ticked by hand and d3-force seeds its own jitter, so the same
 * machines always get the same places: the picture never jumps between reloads.
 */
export function layoutMachines(machines: readonly MachineView[]): Map<string, Point> {
  // Each ring is wide enough for its machines side by side, so seven managers never overlap.
  const managers = machines.filter(isManagerLike).length;
  const managerRing = Math.max(MANAGER_RING_MIN, (managers * NODE_SPACING) / (2 * Math.PI));
  const workerRing = Math.max(
    managerRing + RING_GAP,
    ((machines.length - managers) * NODE_SPACING) / (2 * Math.PI),
  );
  const nodes: LayoutNode[] = machines.map((machine, index) => {
    const ring = isManagerLike(machine) ? managerRing : workerRing;
    const angle = (2 * Math.PI * index) / Math.max(machines.length, 1) - Math.PI / 2;
    return {
      hostname: machine.hostname,
      ring,
      x: ring * Math.cos(angle),
      y: ring * Math.sin(angle),
    };
  });
  if (nodes.length === 1) nodes[0] = { ...nodes[0], ring: 0, x: 0, y: 0 } as LayoutNode;
  const simulation = forceSimulation(nodes)
    .force('charge', forceManyBody().strength(-60))
    .force('collide', forceCollide(NODE_SPACING / 2))
    .force('ring', forceRadial<LayoutNode>((node) => node.ring).strength(0.9))
    .stop();
  simulation.tick(LAYOUT_TICKS);
  const positions = new Map<string, Point>();
  for (const node of nodes) {
    positions.set(node.hostname, {
      x: GRAPH_WIDTH / 2 + (node.x ?? 0),
      y: GRAPH_HEIGHT / 2 + (node.y ?? 0),
    });
  }
  return positions;
}

/** In a swarm the real role decides; before one, the role the machine's name promises. */
export function isManagerLike(machine: MachineView): boolean {
  return (machine.swarmRole ?? machine.intendedRole) === 'manager';
}

export interface ViewBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Room around each machine's centre for its box and the two lines of text under it. */
const MARGIN_X = 90;
const MARGIN_TOP = 70;
const MARGIN_BOTTOM = 90;

/**
 * The part of the plane the graph shows: at least the default canvas, grown to hold every
 * machine with its labels, so a large preset is scaled down rather than cut off.
 */
export function viewBoxFor(positions: ReadonlyMap<string, Point>): ViewBox {
  let minX = 0;
  let minY = 0;
  let maxX = GRAPH_WIDTH;
  let maxY = GRAPH_HEIGHT;
  for (const { x, y } of positions.values()) {
    minX = Math.min(minX, x - MARGIN_X);
    maxX = Math.max(maxX, x + MARGIN_X);
    minY = Math.min(minY, y - MARGIN_TOP);
    maxY = Math.max(maxY, y + MARGIN_BOTTOM);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
