import type { Invocation } from './command';
import { NotSimulatedError } from './errors';

/**
 * The run function of a command the playground does not simulate yet. Argument and flag checks
 * have already passed, exactly as docker runs them; this says so in one line and exits 1,
 * never pretending to succeed.
 */
export function notSimulated(invocation: Invocation): Promise<void> {
  return Promise.reject(new NotSimulatedError(invocation.command.commandPath()));
}
