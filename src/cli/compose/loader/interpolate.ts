/**
 * The casts docker/cli applies after substitution (cli/compose/loader/interpolate.go, 27.5.1):
 * the paths whose schema type is not a string.
 */
import { goQuote } from '../../../lib/template/quote';
import { parseGoFloat } from '../../flags/go-strconv';
import {
  PATH_MATCH_ALL as ALL,
  PATH_MATCH_LIST as LIST,
  type Cast,
  type Path,
} from '../interpolation/interpolation';
import type { DictValue } from '../types/dict';

/** strconv.Atoi: base 10, an optional sign, int64. */
export function toInt(value: string): DictValue {
  const fail = (reason: string): Error =>
    new Error(`strconv.Atoi: parsing ${goQuote(value)}: ${reason}`);
  if (!/^[+-]?\d+$/.test(value)) throw fail('invalid syntax');
  const parsed = BigInt(value);
  if (parsed > (1n << 63n) - 1n || parsed < -(1n << 63n)) throw fail('value out of range');
  return Number(parsed);
}

export function toFloat(value: string): DictValue {
  return parseGoFloat(value);
}

/** As http://yaml.org/type/bool.html, case-insensitive. */
export function toBoolean(value: string): DictValue {
  switch (value.toLowerCase()) {
    case 'y':
    case 'yes':
    case 'true':
    case 'on':
      return true;
    case 'n':
    case 'no':
    case 'false':
    case 'off':
      return false;
    default:
      throw new Error(`invalid boolean: ${value}`);
  }
}

const service = (...parts: string[]): Path => ['services', ALL, ...parts].join('.');
const top = (...parts: string[]): Path => parts.join('.');

export const INTERPOLATE_TYPE_CAST_MAPPING: ReadonlyMap<Path, Cast> = new Map<Path, Cast>([
  [service('configs', LIST, 'mode'), toInt],
  [service('secrets', LIST, 'mode'), toInt],
  [service('healthcheck', 'retries'), toInt],
  [service('healthcheck', 'disable'), toBoolean],
  [service('deploy', 'replicas'), toInt],
  [service('deploy', 'update_config', 'parallelism'), toInt],
  [service('deploy', 'update_config', 'max_failure_ratio'), toFloat],
  [service('deploy', 'rollback_config', 'parallelism'), toInt],
  [service('deploy', 'rollback_config', 'max_failure_ratio'), toFloat],
  [service('deploy', 'restart_policy', 'max_attempts'), toInt],
  [service('deploy', 'placement', 'max_replicas_per_node'), toInt],
  [service('ports', LIST, 'target'), toInt],
  [service('ports', LIST, 'published'), toInt],
  [service('ulimits', ALL), toInt],
  [service('ulimits', ALL, 'hard'), toInt],
  [service('ulimits', ALL, 'soft'), toInt],
  [service('privileged'), toBoolean],
  [service('oom_score_adj'), toInt],
  [service('read_only'), toBoolean],
  [service('stdin_open'), toBoolean],
  [service('tty'), toBoolean],
  [service('volumes', LIST, 'read_only'), toBoolean],
  [service('volumes', LIST, 'volume', 'nocopy'), toBoolean],
  [top('networks', ALL, 'external'), toBoolean],
  [top('networks', ALL, 'internal'), toBoolean],
  [top('networks', ALL, 'attachable'), toBoolean],
  [top('volumes', ALL, 'external'), toBoolean],
  [top('secrets', ALL, 'external'), toBoolean],
  [top('configs', ALL, 'external'), toBoolean],
]);
