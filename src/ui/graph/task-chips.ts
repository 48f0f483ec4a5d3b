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

/** Chips worth drawing: what runs, starts or just stopped; long history is left to the CLI. */
export function visibleChips(chips: readonly TaskChip[]): readonly TaskChip[] {
  return chips.filter((chip) => chip.state !== 'shutdown' || chip.desiredState !== 'remove');
}

/** The x of each of `count` chips in a row centred under the machine. */
export function chipXs(count: number): number[] {
  const shown = Math.min(count, CHIPS_SHOWN_MAX);
  const width = shown * CHIP_SIZE + (shown - 1) * CHIP_GAP;
  return Array.from({ length: shown }, (_, i) => -width / 2 + i * (CHIP_SIZE + CHIP_GAP));
}

export { CHIP_SIZE };
