import type { PendingTask, TaskChip } from '../../sim/read-model';

/** How many chips a machine shows; the rest are counted in a `+N`. */
export const CHIPS_SHOWN_MAX = 8;
const CHIP_SIZE = 11;
const CHIP_GAP = 4;

export type ChipTone = 'starting' | 'running' | 'complete' | 'stopped' | 'failed' | 'pending';

/** The colour family of a task's state, as `docker service ps` would make a learner read it. */
export function chipTone(chip: TaskChip): ChipTone {
  switch (chip.state) {
    case 'running':
      return 'running';
    case 'complete':
      return 'complete';
    case 'failed':
    case 'rejected':
      return 'failed';
    case 'shutdown':
    case 'orphaned':
    case 'remove':
      return 'stopped';
    case 'new':
    case 'allocated':
    case 'pending':
      return 'pending';
    case 'assigned':
    case 'accepted':
    case 'preparing':
    case 'ready':
    case 'starting':
      return 'starting';
  }
}

/** What a chip says on hover: `web.1: Running` (and where it is meant to go, if elsewhere). */
export function chipTitle(chip: TaskChip): string {
  const state = capitalised(chip.state);
  const desired = capitalised(chip.desiredState);
  const stopping =
    chip.desiredState !== chip.state &&
    ['shutdown', 'remove'].includes(chip.desiredState) &&
    ['running', 'starting', 'ready', 'preparing', 'accepted', 'assigned'].includes(chip.state);
  return stopping ? `${chip.name}: ${state}, to ${desired}` : `${chip.name}: ${state}`;
}

/**
 * What a task no node takes says on hover or focus: its `docker service ps` error, then "why
 * not here" for each node, one line each.
 */
export function pendingTitle(task: PendingTask): string {
  const head = task.error === '' ? `${task.name}: Pending` : `${task.name}: Pending, ${task.error}`;
  const lines = task.nodes.map(
    ({ hostname, reason }) => `${hostname}: ${reason ?? 'passes every filter'}`,
  );
  return [head, ...lines].join('\n');
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Chips worth drawing: what runs, starts or just stopped; long history is left to the CLI. In
 * slot order (`web.2` before `web.10`), and within a slot what is leaving before what replaces
 * it: a rolling update then turns one chip grey and lands its replacement beside it, instead of
 * the row reshuffling as the read model's sort by name and random task ID would have it.
 */
export function visibleChips(chips: readonly TaskChip[]): readonly TaskChip[] {
  return chips
    .filter((chip) => chip.state !== 'shutdown' || chip.desiredState !== 'remove')
    .sort(bySlot);
}

/** Whether the task is being stopped or removed: its chip greys out. */
export function isLeaving(chip: TaskChip): boolean {
  return chip.desiredState === 'shutdown' || chip.desiredState === 'remove';
}

function bySlot(a: TaskChip, b: TaskChip): number {
  const [serviceA, slotA] = splitName(a.name);
  const [serviceB, slotB] = splitName(b.name);
  if (serviceA !== serviceB) return serviceA < serviceB ? -1 : 1;
  if (slotA !== slotB) {
    const numberA = Number(slotA);
    const numberB = Number(slotB);
    // A global service's task is named by its node ID, not a number.
    if (Number.isInteger(numberA) && Number.isInteger(numberB)) return numberA - numberB;
    return slotA < slotB ? -1 : 1;
  }
  const leaving = Number(isLeaving(b)) - Number(isLeaving(a));
  if (leaving !== 0) return leaving;
  return a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0;
}

/** `web.12` → [`web`, `12`]; the slot follows the last dot, as the agent names it. */
function splitName(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? [name, ''] : [name.slice(0, dot), name.slice(dot + 1)];
}

/** The top of a machine's chip row, under its status line; a manager's box is taller. */
export function chipRowY(manager: boolean): number {
  return manager ? 68 : 64;
}

/** Where the leader's scheduler row is drawn, relative to the leader, and its chips in it. */
export const SCHEDULER_OFFSET_Y = -66;
export const PENDING_ROW_Y = 2;

/** The x of each of `count` chips in a row centred under the machine. */
export function chipXs(count: number): number[] {
  const shown = Math.min(count, CHIPS_SHOWN_MAX);
  const width = shown * CHIP_SIZE + (shown - 1) * CHIP_GAP;
  return Array.from({ length: shown }, (_, i) => -width / 2 + i * (CHIP_SIZE + CHIP_GAP));
}

export { CHIP_SIZE };
