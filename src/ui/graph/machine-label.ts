import type { MachineView } from '../../sim/read-model';
import { chipTone, CHIPS_SHOWN_MAX, visibleChips, type ChipTone } from './task-chips';

/**
 * What the graph writes on and under a machine, as data: the graph draws these texts, and the
 * machine's accessible name is made of the same ones, so what a screen reader says is what a
 * sighted learner reads there, never a copy that could drift from it.
 */
export interface MachineText {
  readonly hostname: string;
  /** `term 3 · commit 12` on a Raft member; its address elsewhere. */
  readonly detail: string;
  /** The swarm role (`manager`, `worker`, `not in a swarm`) or `daemon stopped`. */
  readonly role: string;
  /** STATUS as `docker node ls` on the leader shows it (`Ready`); null when nobody knows. */
  readonly nodeStatus: string | null;
  /** MANAGER STATUS (`Leader`, `Reachable`, `Unreachable`); null on a worker or unknown. */
  readonly managerStatus: string | null;
  /** AVAILABILITY when it is not Active (`Drain`, `Pause`). */
  readonly availability: string | null;
  /** The status line under the machine: `Ready · Reachable`, `⚠ Down`; null when unknown. */
  readonly statusLine: string | null;
  /** Down and Unreachable are what a learner must notice after breaking something. */
  readonly alarm: boolean;
  /** `+3 more` when more chips run than the graph draws. */
  readonly more: string | null;
}

const STATE_LABELS = {
  ready: 'Ready',
  down: 'Down',
  unknown: 'Unknown',
  disconnected: 'Disconnected',
} as const;
const MANAGER_LABELS = {
  leader: 'Leader',
  reachable: 'Reachable',
  unreachable: 'Unreachable',
} as const;

export function machineText(machine: MachineView): MachineText {
  const nodeStatus = machine.nodeStatus != null ? STATE_LABELS[machine.nodeStatus] : null;
  const managerStatus =
    nodeStatus !== null && machine.managerStatus != null
      ? MANAGER_LABELS[machine.managerStatus]
      : null;
  const availability =
    nodeStatus !== null && machine.availability != null && machine.availability !== 'active'
      ? machine.availability === 'drain'
        ? 'Drain'
        : 'Pause'
      : null;
  const alarm = machine.nodeStatus === 'down' || machine.managerStatus === 'unreachable';
  const parts = [nodeStatus, managerStatus, availability].filter((part) => part !== null);
  const statusLine = nodeStatus === null ? null : `${alarm ? '⚠ ' : ''}${parts.join(' · ')}`;
  const chips = visibleChips(machine.tasks ?? []);
  return {
    hostname: machine.hostname,
    detail:
      machine.raft === null
        ? machine.address
        : `term ${machine.raft.term} · commit ${machine.raft.commitIndex}`,
    role:
      machine.daemon !== 'running'
        ? `daemon ${machine.daemon}`
        : (machine.swarmRole ?? 'not in a swarm'),
    nodeStatus,
    managerStatus,
    availability,
    statusLine,
    alarm,
    more: chips.length > CHIPS_SHOWN_MAX ? `+${chips.length - CHIPS_SHOWN_MAX} more` : null,
  };
}

/** The order a task summary names the chips' colours in: what runs first. */
const TONE_ORDER: readonly ChipTone[] = [
  'running',
  'starting',
  'pending',
  'complete',
  'failed',
  'stopped',
];

/**
 * The machine's accessible name: "manager2, manager, Reachable, Ready, term 3, commit 12", then
 * what the drawing says without words (the crown of a leader with no status yet, a candidate's
 * colour, the task chips). The texts themselves are hidden from assistive technology, which
 * reads this instead.
 */
export function machineName(machine: MachineView): string {
  const text = machineText(machine);
  const parts: string[] = [text.hostname, text.role];
  for (const part of [text.managerStatus, text.nodeStatus, text.availability]) {
    if (part !== null) parts.push(part);
  }
  if (machine.raft === null) parts.push(`address ${machine.address}`);
  else parts.push(`term ${machine.raft.term}`, `commit ${machine.raft.commitIndex}`);
  const raftRole = machine.raft?.role;
  if (raftRole === 'leader' && text.managerStatus !== 'Leader') parts.push('Raft leader');
  if (raftRole === 'candidate' || raftRole === 'pre-candidate') parts.push('Raft candidate');
  const tasks = taskSummary(machine);
  if (tasks !== null) parts.push(tasks);
  return parts.join(', ');
}

/** `3 tasks: 2 running, 1 starting`, over the chips the graph draws; null with none. */
function taskSummary(machine: MachineView): string | null {
  const chips = visibleChips(machine.tasks ?? []);
  if (chips.length === 0) return null;
  const counts = new Map<ChipTone, number>();
  for (const chip of chips) counts.set(chipTone(chip), (counts.get(chipTone(chip)) ?? 0) + 1);
  const tones = TONE_ORDER.filter((tone) => counts.has(tone)).map(
    (tone) => `${String(counts.get(tone))} ${tone}`,
  );
  return `${String(chips.length)} ${chips.length === 1 ? 'task' : 'tasks'}: ${tones.join(', ')}`;
}
