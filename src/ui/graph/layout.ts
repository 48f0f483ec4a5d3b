import {
  forceCollide,
  forceManyBody,
  forceRadial,
  forceSimulation,
  type SimulationNodeDatum,
} from 'd3-force';
import type { MachineView } from '../../api/read-model';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export const GRAPH_WIDTH = 800;
export const GRAPH_HEIGHT = 560;
const MANAGER_RING_RADIUS = 140;
const WORKER_RING_RADIUS = 245;
const NODE_SPACING = 92;
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
  const nodes: LayoutNode[] = machines.map((machine, index) => {
    const ring = isManagerLike(machine) ? MANAGER_RING_RADIUS : WORKER_RING_RADIUS;
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
    .force('charge', forceManyBody().strength(-120))
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
