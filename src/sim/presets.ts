import type { PresetId } from './read-model';

export interface MachineSpec {
  readonly hostname: string;
  readonly address: string;
  readonly intendedRole: 'manager' | 'worker';
}

export interface Preset {
  readonly id: PresetId;
  readonly label: string;
  readonly machines: readonly MachineSpec[];
  /** Whether the swarm is formed on load (the swarm membership issue builds this). */
  readonly formsSwarm: boolean;
}

/**
 * Managers take 192.168.0.11 upwards and workers 192.168.0.21 upwards, so an address never
 * changes between presets and a learner can type `docker swarm join ... 192.168.0.11:2377` from
 * memory. The lab network stays clear of swarm's default address pool, 10.0.0.0/8.
 */
export function labAddress(role: 'manager' | 'worker', index: number): string {
  return `192.168.0.${(role === 'manager' ? 10 : 20) + index}`;
}

/** How many machines of each role the lab network holds: managers .11–.19, workers .21–.254. */
export const MAX_PER_ROLE = { manager: 9, worker: 234 } as const;

function machines(managers: number, workers: number): MachineSpec[] {
  const specs: MachineSpec[] = [];
  for (let i = 1; i <= managers; i++) {
    specs.push({
      hostname: `manager${i}`,
      address: labAddress('manager', i),
      intendedRole: 'manager',
    });
  }
  for (let i = 1; i <= workers; i++) {
    specs.push({
      hostname: `worker${i}`,
      address: labAddress('worker', i),
      intendedRole: 'worker',
    });
  }
  return specs;
}

export const PRESETS: readonly Preset[] = [
  { id: '3m2w', label: '3 managers + 2 workers', machines: machines(3, 2), formsSwarm: true },
  { id: 'no-swarm', label: '5 machines, no swarm', machines: machines(3, 2), formsSwarm: false },
  { id: '1m2w', label: '1 manager + 2 workers', machines: machines(1, 2), formsSwarm: true },
  { id: '5m', label: '5 managers', machines: machines(5, 0), formsSwarm: true },
  { id: '7m3w', label: '7 managers + 3 workers', machines: machines(7, 3), formsSwarm: true },
  // A data centre's worth, for a demo of scheduling at scale (and the graph's benchmark).
  { id: '7m100w', label: '7 managers + 100 workers', machines: machines(7, 100), formsSwarm: true },
];

export const DEFAULT_PRESET: PresetId = '3m2w';

export function isPresetId(value: string): value is PresetId {
  return PRESETS.some((preset) => preset.id === value);
}

export function presetById(id: PresetId): Preset {
  const preset = PRESETS.find((candidate) => candidate.id === id);
  if (preset === undefined) throw new Error(`unknown preset ${id}`);
  return preset;
}
