import type { NodeAvailability } from '../../../api/swarm';
import { CliError } from '../../command/errors';
import { goQuote } from '../../flags/go-strconv';

/**
 * `--availability` of `swarm init` and `swarm join`: checked by the CLI, case-insensitively,
 * only when the flag was given (otherwise '' goes to the daemon, which reads it as active).
 */
export function checkedAvailability(given: boolean, value: string): NodeAvailability | '' {
  if (!given) return '';
  const lower = value.toLowerCase();
  if (lower === 'active' || lower === 'pause' || lower === 'drain') return lower;
  throw new CliError(
    `invalid availability ${goQuote(value)}, only active, pause and drain are supported`,
  );
}
