import type { Outcome } from '../../src/swarm';

/** The error message of an outcome that must have failed; throws when it succeeded. */
export function errorOf<T>(outcome: Outcome<T>): string {
  if (outcome.ok) throw new Error('expected an error');
  return outcome.error.message;
}

/** The value of an outcome that must have succeeded; throws with its error otherwise. */
export function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}
