import type { SwarmError } from './errors';

/**
 * What a leader-side operation returns: a value, or the error the daemon prints. Plain data, so
 * it crosses a worker boundary as it is.
 */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SwarmError };

export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: SwarmError): Outcome<T> {
  return { ok: false, error };
}
