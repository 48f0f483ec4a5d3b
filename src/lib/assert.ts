/**
 * Asserts a programmer's invariant. A failure here is a bug in the playground, never a user
 * error: user errors are returned as values and printed the way Docker prints them.
 */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new Error(`assertion failed: ${message}`);
  }
}

/** Marks a switch as exhaustive: the compiler rejects a call that can be reached. */
export function unreachable(value: never): never {
  throw new Error(`unreachable: ${JSON.stringify(value)}`);
}
