import type { SwarmNetwork } from '../../api/network';
import type { Filters } from '../../api/swarm';
import { daemonError } from '../errors';
import { fail, ok, type Outcome } from '../result';

/**
 * moby daemon/prune.go's filters of `docker network prune`: `until` (a Go duration before now,
 * or a Unix timestamp in seconds) and `label` / `label!` (moby `matchLabels`: all of `label`
 * hold, none of `label!`). What the filters keep, as a predicate; the keys were checked by the
 * node that took the call.
 */
export function pruneKeeps(
  filters: Filters,
  nowMs: number,
): Outcome<(network: SwarmNetwork) => boolean> {
  let untilMs: number | null = null;
  for (const value of filters.until ?? []) {
    const parsed = untilOf(value, nowMs);
    if (parsed === null) {
      return fail(
        daemonError('invalid-argument', `failed to parse value as time or duration: "${value}"`),
      );
    }
    untilMs = parsed;
  }
  const wanted = filters.label ?? [];
  const unwanted = filters['label!'] ?? [];
  return ok((network) => {
    if (untilMs !== null && Date.parse(network.CreatedAt) > untilMs) return true;
    const labels = network.Spec.Labels;
    if (!wanted.every((filter) => hasLabel(labels, filter))) return true;
    return unwanted.some((filter) => hasLabel(labels, filter));
  });
}

function hasLabel(labels: Readonly<Record<string, string>>, filter: string): boolean {
  const [key = '', ...rest] = filter.split('=');
  if (!Object.hasOwn(labels, key)) return false;
  return rest.length === 0 || labels[key] === rest.join('=');
}

const UNITS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** A Go duration (`24h`, `1h30m`) back from now, or Unix seconds; null when neither. */
function untilOf(value: string, nowMs: number): number | null {
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== value) return null;
  let ms = 0;
  for (const part of parts) ms += Number(part[1]) * (UNITS[part[2] ?? ''] ?? 0);
  return nowMs - ms;
}
