import type { HealthConfig, RestartPolicy, UpdateConfig } from '../../../../api/service';
import type { GenericResource } from '../../../../api/swarm';
import { CliError } from '../../../command/errors';
import { float32Value } from '../opts/go-text';
import type { ServiceOptions } from '../service-flags';

/**
 * Pieces of docker's ToService that `service create` and `service update` share
 * (cli/command/service/opts.go): the defaults swarmkit documents, key=value lists as maps,
 * the health check, capabilities, hosts and generic resources.
 */

/** Whether the user gave a flag (pflag's Changed). */
export type Changed = (flag: string) => boolean;

export function anyChanged(changed: Changed, ...flags: readonly string[]): boolean {
  return flags.some((flag) => changed(flag));
}

const SECOND_NS = 1_000_000_000;

/** swarmkit's defaults.Service.Update (and .Rollback, which is the same). */
export function defaultUpdateConfig(): UpdateConfig {
  return {
    Parallelism: 1,
    FailureAction: 'pause',
    Monitor: 5 * SECOND_NS,
    MaxFailureRatio: 0,
    Order: 'stop-first',
  };
}

/** docker's defaultRestartPolicy: condition any, 5 s delay, no attempt limit. */
export function defaultRestartPolicy(): RestartPolicy {
  return { Condition: 'any', Delay: 5 * SECOND_NS, MaxAttempts: 0 };
}

/** opts.ConvertKVStringsToMap, keys sorted as Go's encoding/json writes a map. */
export function kvMap(values: readonly string[]): Record<string, string> {
  const map = new Map<string, string>();
  for (const value of values) {
    const equals = value.indexOf('=');
    map.set(equals < 0 ? value : value.slice(0, equals), equals < 0 ? '' : value.slice(equals + 1));
  }
  return sortedRecord(map);
}

export function sortedRecord(map: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The key of `KEY=value` (the whole text when there is no `=`). */
export function envKey(value: string): string {
  const equals = value.indexOf('=');
  return equals < 0 ? value : value.slice(0, equals);
}

/** serviceOptions.makeEnv: later values replace earlier ones with the same key. */
export function makeEnv(values: readonly string[]): string[] {
  const env: string[] = [];
  for (const value of values) {
    const key = envKey(value);
    const kept = env.filter((current) => current === value || !current.startsWith(`${key}=`));
    env.splice(0, env.length, ...kept, value);
  }
  return env;
}

/** convertExtraHostsToSwarmHosts: `host:ip` becomes swarmkit's `ip host`. */
export function swarmHosts(values: readonly string[]): string[] {
  return values.flatMap((value) => {
    const colon = value.indexOf(':');
    return colon < 0 ? [] : [`${value.slice(colon + 1)} ${value.slice(0, colon)}`];
  });
}

/** healthCheckOptions.toHealthConfig (create): NONE, the given settings, or nothing. */
export function healthConfig(options: ServiceOptions): HealthConfig | undefined {
  const have =
    options.healthCmd !== '' ||
    options.healthInterval.value !== null ||
    options.healthTimeout.value !== null ||
    options.healthStartPeriod.value !== null ||
    options.healthStartInterval.value !== null ||
    options.healthRetries !== 0;
  if (options.noHealthcheck) {
    if (have) throw new CliError('--no-healthcheck conflicts with --health-* options');
    return { Test: ['NONE'] };
  }
  if (!have) return undefined;
  const nanos = (value: bigint | null): number => Number(value ?? 0n);
  const durations: [string, number][] = [
    ['Interval', nanos(options.healthInterval.value)],
    ['Timeout', nanos(options.healthTimeout.value)],
    ['StartPeriod', nanos(options.healthStartPeriod.value)],
    ['StartInterval', nanos(options.healthStartInterval.value)],
  ];
  return {
    ...(options.healthCmd === '' ? {} : { Test: ['CMD-SHELL', options.healthCmd] }),
    ...Object.fromEntries(durations.filter(([, value]) => value !== 0)),
    ...(options.healthRetries === 0 ? {} : { Retries: options.healthRetries }),
  };
}

/** opts.NormalizeCapability. */
export function normalizeCapability(capability: string): string {
  const upper = capability.trim().toUpperCase();
  if (upper === 'ALL' || upper === 'RESET' || upper.startsWith('CAP_')) return upper;
  return `CAP_${upper}`;
}

function sortedStrings(values: Iterable<string>): string[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** opts.EffectiveCapAddCapDrop: normalized, sorted; adding wins; ALL trumps the rest. */
export function effectiveCapabilities(
  add: readonly string[],
  drop: readonly string[],
): { add: string[]; drop: string[] } {
  let adds = new Set(add.map(normalizeCapability));
  let drops = new Set(drop.map(normalizeCapability));
  if (adds.has('ALL')) adds = new Set(['ALL']);
  if (drops.has('ALL')) drops = new Set(['ALL']);
  return {
    add: sortedStrings([...adds].filter((cap) => cap !== 'RESET')),
    drop: sortedStrings([...drops].filter((cap) => !adds.has(cap) && cap !== 'RESET')),
  };
}

/** ParseGenericResources: only discrete (integer) resources may be asked for by a service. */
export function parseGenericResources(values: readonly string[]): GenericResource[] {
  return values.map((value) => {
    const parts = value.split('=');
    if (parts.length !== 2) {
      throw new CliError(
        `invalid generic resource specification: could not parse GenericResource: incorrect term ${value}, missing '=' or malformed expression`,
      );
    }
    const kind = (parts[0] ?? '').trim();
    const text = (parts[1] ?? '').trim();
    if (!/^[+-]?\d+$/.test(text)) {
      throw new CliError(
        `invalid generic-resource request \`${kind}=${text}\`, Named Generic Resources is not supported for service create or update`,
      );
    }
    const count = Number(text);
    if (count < 0) {
      throw new CliError(
        `invalid generic resource specification: could not parse GenericResource: cannot ask for negative resource ${kind}`,
      );
    }
    return { DiscreteResourceSpec: { Kind: kind, Value: count } };
  });
}

/** floatValue: docker keeps the failure ratios as float32. */
export function failureRatio(value: number): number {
  return float32Value(value);
}

/** Go's `omitempty` test: false, 0, an empty string, slice or map, or nothing at all. */
export function isGoEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') {
    return true;
  }
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** One `omitempty` field: `{ [key]: value }`, or nothing when the value is empty. */
export function omitEmpty<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  const field: { [P in K]?: V } = {};
  if (value !== undefined && !isGoEmpty(value)) field[key] = value;
  return field;
}
