import type { UpdateConfig } from '../../../../api/service';
import type { CreateOptions } from '../create';
import { anyChanged, defaultUpdateConfig, failureRatio, omitEmpty, type Changed } from './parts';

/**
 * docker's updateOptions.updateConfig and rollbackConfig (cli/command/service/opts.go): an
 * UpdateConfig is sent only when one of its flags is given, and then in full, from swarmkit's
 * defaults (create) or the service's own config (update) with the given flags applied.
 */

export const UPDATE_FLAGS = [
  'update-parallelism',
  'update-delay',
  'update-monitor',
  'update-failure-action',
  'update-max-failure-ratio',
  'update-order',
] as const;

export const ROLLBACK_FLAGS = [
  'rollback-parallelism',
  'rollback-delay',
  'rollback-monitor',
  'rollback-failure-action',
  'rollback-max-failure-ratio',
  'rollback-order',
] as const;

interface UpdateFlagValues {
  readonly parallelism: number;
  readonly delay: bigint;
  readonly monitor: bigint;
  readonly failureAction: string;
  readonly maxFailureRatio: number;
  readonly order: string;
}

/** An UpdateConfig as its flags give it, the action and order still as typed. */
interface UpdateDraft {
  Parallelism: number;
  Delay?: number;
  FailureAction?: string;
  Monitor?: number;
  MaxFailureRatio: number;
  Order: string;
}

/** updateOptions.updateConfig / rollbackConfig: the defaults with the given flags applied. */
export function configFromFlags(
  prefix: 'update' | 'rollback',
  values: UpdateFlagValues,
  changed: Changed,
  base: UpdateConfig = defaultUpdateConfig(),
): UpdateConfig {
  const config: UpdateDraft = { ...base };
  if (changed(`${prefix}-parallelism`)) config.Parallelism = values.parallelism;
  if (changed(`${prefix}-delay`)) config.Delay = Number(values.delay);
  if (changed(`${prefix}-monitor`)) config.Monitor = Number(values.monitor);
  if (changed(`${prefix}-failure-action`)) config.FailureAction = values.failureAction;
  if (changed(`${prefix}-max-failure-ratio`)) {
    config.MaxFailureRatio = failureRatio(values.maxFailureRatio);
  }
  if (changed(`${prefix}-order`)) config.Order = values.order;
  return inGoOrder(config);
}

/** An UpdateConfig in moby's field order, zero Delay and Monitor and empty action left out. */
function inGoOrder(config: UpdateDraft): UpdateConfig {
  return {
    Parallelism: config.Parallelism,
    ...omitEmpty('Delay', config.Delay),
    ...omitEmpty('FailureAction', config.FailureAction ?? ''),
    ...omitEmpty('Monitor', config.Monitor),
    MaxFailureRatio: config.MaxFailureRatio,
    Order: config.Order,
  };
}

export function updateFlagValues(options: CreateOptions | UpdateLike): {
  update: UpdateFlagValues;
  rollback: UpdateFlagValues;
} {
  return {
    update: {
      parallelism: options.updateParallelism,
      delay: options.updateDelay,
      monitor: options.updateMonitor,
      failureAction: options.updateFailureAction,
      maxFailureRatio: options.updateMaxFailureRatio,
      order: options.updateOrder,
    },
    rollback: {
      parallelism: options.rollbackParallelism,
      delay: options.rollbackDelay,
      monitor: options.rollbackMonitor,
      failureAction: options.rollbackFailureAction,
      maxFailureRatio: options.rollbackMaxFailureRatio,
      order: options.rollbackOrder,
    },
  };
}

type UpdateLike = Pick<
  CreateOptions,
  | 'updateParallelism'
  | 'updateDelay'
  | 'updateMonitor'
  | 'updateFailureAction'
  | 'updateMaxFailureRatio'
  | 'updateOrder'
  | 'rollbackParallelism'
  | 'rollbackDelay'
  | 'rollbackMonitor'
  | 'rollbackFailureAction'
  | 'rollbackMaxFailureRatio'
  | 'rollbackOrder'
>;

/** Whether an update (or rollback) flag was given. */
export function updateConfigChanged(prefix: 'update' | 'rollback', changed: Changed): boolean {
  return anyChanged(changed, ...(prefix === 'update' ? UPDATE_FLAGS : ROLLBACK_FLAGS));
}
