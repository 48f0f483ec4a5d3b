import type { Filters } from '../../api/swarm';
import type { DaemonFailure } from '../../api/operations';

/**
 * What moby's `daemon/cluster/filters.go` checks of a list's filters before swarmkit sees them:
 * every key is one the list accepts (`filters.Args.Validate`), and every value of a filter that
 * names a swarmkit enum is one of its values, in any case (moby upper-cases it). An empty value
 * is no filter at all.
 */
export interface FilterRules {
  readonly keys: ReadonlySet<string>;
  /** Per enum filter, its values in lower case (`role` → worker, manager). */
  readonly enums: readonly (readonly [string, ReadonlySet<string>])[];
}

/** The first filter the daemon refuses, with moby's message; null when all pass. */
export function refusedFilter(filters: Filters, rules: FilterRules): DaemonFailure | null {
  for (const key of Object.keys(filters)) {
    if (!rules.keys.has(key)) return invalidArgument(`invalid filter '${key}'`);
  }
  for (const [key, known] of rules.enums) {
    const unknown = (filters[key] ?? []).find((v) => v !== '' && !known.has(v.toLowerCase()));
    if (unknown !== undefined) return invalidArgument(`Invalid ${key} filter: '${unknown}'`);
  }
  return null;
}

function invalidArgument(message: string): DaemonFailure {
  return { kind: 'invalid-argument', message };
}

/**
 * swarmkit's `filterMatchLabels`: every `label` filter holds, `k` when the key is there, `k=v`
 * when it has that value.
 */
export function labelsMatch(
  labels: Readonly<Record<string, string>>,
  wanted: readonly string[],
): boolean {
  return wanted.every((filter) => {
    const [key = '', ...rest] = filter.split('=');
    if (!Object.hasOwn(labels, key)) return false;
    return rest.length === 0 || labels[key] === rest.join('=');
  });
}
