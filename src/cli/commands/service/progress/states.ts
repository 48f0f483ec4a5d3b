import type { Task } from '../../../../api/task';
import type { Progress } from './output';

/**
 * The task states as docker's progress display numbers them (progress.go `numberedStates`):
 * the bar of a task is its state out of 9 (running); the rest order terminal states. States
 * not listed (remove, orphaned) count as 0 and are skipped.
 */
const NUMBERED_STATES: ReadonlyMap<string, number> = new Map([
  ['new', 1],
  ['allocated', 2],
  ['pending', 3],
  ['assigned', 4],
  ['accepted', 5],
  ['preparing', 6],
  ['ready', 7],
  ['starting', 8],
  ['running', 9],
  ['complete', 10],
  ['shutdown', 11],
  ['failed', 12],
  ['rejected', 13],
]);

export const MAX_PROGRESS = 9;
export const MAX_JOB_PROGRESS = 10;
export const MAX_PROGRESS_BARS = 20;
/** The longest state shown (`allocated`, `preparing`): every state is padded to it. */
export const LONGEST_STATE = 9;

export function stateNumber(state: string | undefined): number {
  return NUMBERED_STATES.get(state ?? '') ?? 0;
}

export function isTerminal(state: string | undefined): boolean {
  return stateNumber(state) > stateNumber('running');
}

export function taskState(task: Task): string {
  return task.Status.State ?? '';
}

export function desiredState(task: Task): string {
  return task.DesiredState ?? '';
}

/** progress.go's truncError: one line, at most 74 bytes and an ellipsis. */
export function truncError(message: string): string {
  const line = message.replaceAll('\n', ' ');
  return line.length > 75 ? `${line.slice(0, 74)}…` : line;
}

/** A slot's or node's line: its error, or its state and bar. */
export function taskProgress(id: string, task: Task, total: number): Progress | null {
  const error = task.Status.Err ?? '';
  if (error !== '') return { id, action: truncError(error) };
  if (isTerminal(desiredState(task)) || isTerminal(taskState(task))) return null;
  return {
    id,
    action: taskState(task).padEnd(LONGEST_STATE),
    current: stateNumber(taskState(task)),
    total,
  };
}

/** writeOverallProgress. */
export function overallProgress(running: number, desired: number, rollback: boolean): Progress {
  const counts = `${running} out of ${desired} tasks`;
  return { id: 'overall progress', action: rollback ? `rolling back update: ${counts}` : counts };
}

/**
 * Which of several tasks on one slot (or node) the display follows: the one with the lowest
 * desired state, then the lowest observed state (restarts and start-first updates).
 */
export function preferred(existing: Task | undefined, task: Task): boolean {
  if (existing === undefined) return true;
  const existingDesired = stateNumber(desiredState(existing));
  const desired = stateNumber(desiredState(task));
  if (existingDesired < desired) return false;
  return !(
    existingDesired === desired && stateNumber(taskState(existing)) <= stateNumber(taskState(task))
  );
}

/** Whether the display knows both states of the task. */
export function isNumbered(task: Task): boolean {
  return stateNumber(desiredState(task)) !== 0 && stateNumber(taskState(task)) !== 0;
}
