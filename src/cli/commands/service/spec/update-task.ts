import type {
  ResourceRequirements,
  RestartPolicy,
  ServiceMode,
  ServiceSpec,
  TaskSpec,
} from '../../../../api/service';
import type { GenericResource } from '../../../../api/swarm';
import { CliError } from '../../../command/errors';
import type { UpdateOptions } from '../update';
import { RESTART_FLAGS } from './create-spec';
import { configFromFlags, updateConfigChanged, updateFlagValues } from './update-config';
import {
  anyChanged,
  defaultRestartPolicy,
  kvMap,
  parseGenericResources,
  type Changed,
} from './parts';
import { given } from './update-container';
import { editSortedList } from './update-lists';

/**
 * docker's updateService for the task template and the service: resources, restart policy,
 * placement, replicas, update and rollback configs, endpoint mode, log driver, --force.
 */

/** taskResources(): Resources with both Limits and Reservations, created when missing. */
function fullResources(
  template: TaskSpec,
): Required<Pick<ResourceRequirements, 'Limits' | 'Reservations'>> {
  return {
    Limits: template.Resources?.Limits ?? {},
    Reservations: template.Resources?.Reservations ?? {},
  };
}

export function updateResources(
  template: TaskSpec,
  options: UpdateOptions,
  changed: Changed,
): TaskSpec {
  let resources = template.Resources;
  if (anyChanged(changed, 'limit-cpu', 'limit-memory', 'limit-pids')) {
    const full = fullResources(template);
    resources = {
      ...full,
      Limits: {
        ...full.Limits,
        ...(changed('limit-cpu') ? { NanoCPUs: options.limitCpu.nanoCpus } : {}),
        ...(changed('limit-memory') ? { MemoryBytes: options.limitMemory.value } : {}),
        ...(changed('limit-pids') ? { Pids: options.limitPids } : {}),
      },
    };
  }
  if (anyChanged(changed, 'reserve-cpu', 'reserve-memory')) {
    const full = fullResources({
      ...template,
      ...(resources === undefined ? {} : { Resources: resources }),
    });
    resources = {
      ...full,
      Reservations: {
        ...full.Reservations,
        ...(changed('reserve-cpu') ? { NanoCPUs: options.reserveCpu.nanoCpus } : {}),
        ...(changed('reserve-memory') ? { MemoryBytes: options.reserveMemory.value } : {}),
      },
    };
  }
  return resources === undefined ? template : { ...template, Resources: resources };
}

/** buildGenericResourceMap: discrete resources by kind; anything else is an error. */
function genericByKind(resources: readonly GenericResource[]): Map<string, GenericResource> {
  const byKind = new Map<string, GenericResource>();
  for (const resource of resources) {
    const discrete = resource.DiscreteResourceSpec;
    if (discrete === undefined) {
      throw new CliError(
        `invalid generic-resource \`${JSON.stringify(resource)}\` for service task`,
      );
    }
    if (byKind.has(discrete.Kind)) {
      throw new CliError(`duplicate generic-resource \`${discrete.Kind}\` for service task`);
    }
    byKind.set(discrete.Kind, resource);
  }
  return byKind;
}

/** addGenericResources, then removeGenericResources (a kind not there is an error). */
export function updateGenericResources(
  template: TaskSpec,
  options: UpdateOptions,
  changed: Changed,
): TaskSpec {
  let current = template;
  const withGeneric = (generic: readonly GenericResource[]): TaskSpec => {
    const resources = current.Resources ?? {};
    return {
      ...current,
      Resources: {
        ...resources,
        Reservations: { ...(resources.Reservations ?? {}), GenericResources: generic },
      },
    };
  };
  if (changed('generic-resource-add')) {
    const added = parseGenericResources(options.genericResourceAdd.values);
    const byKind = genericByKind(current.Resources?.Reservations?.GenericResources ?? []);
    for (const resource of added) byKind.set(resource.DiscreteResourceSpec?.Kind ?? '', resource);
    current = withGeneric([...byKind.values()]);
  }
  if (changed('generic-resource-rm')) {
    const byKind = genericByKind(current.Resources?.Reservations?.GenericResources ?? []);
    for (const kind of options.genericResourceRm.values) {
      if (!byKind.delete(kind)) {
        throw new CliError(`could not find generic-resource \`${kind}\` to remove it`);
      }
    }
    current = withGeneric([...byKind.values()]);
  }
  return current;
}

/** The stop grace period, a container field docker sets among the task ones. */
export function updateRestartPolicy(
  template: TaskSpec,
  options: UpdateOptions,
  changed: Changed,
): TaskSpec {
  if (!anyChanged(changed, ...RESTART_FLAGS)) return template;
  const policy: RestartPolicy = {
    ...(template.RestartPolicy ?? defaultRestartPolicy()),
    ...(changed('restart-condition')
      ? {
          Condition: options.restartCondition,
        }
      : {}),
    ...(changed('restart-delay') ? { Delay: Number(options.restartDelay) } : {}),
    ...(changed('restart-max-attempts') ? { MaxAttempts: options.restartMaxAttempts } : {}),
    ...(changed('restart-window') ? { Window: Number(options.restartWindow) } : {}),
  };
  return { ...template, RestartPolicy: policy };
}

/** Constraints (sorted after the edit) and placement preferences. */
export function updatePlacement(
  template: TaskSpec,
  options: UpdateOptions,
  changed: Changed,
): TaskSpec {
  let placement = template.Placement;
  if (anyChanged(changed, 'constraint-add', 'constraint-rm')) {
    placement = {
      ...(placement ?? {}),
      Constraints: editSortedList(
        placement?.Constraints,
        given(changed, 'constraint-rm', options.constraintRm.values),
        given(changed, 'constraint-add', options.constraintAdd.values),
      ),
    };
  }
  if (anyChanged(changed, 'placement-pref-add', 'placement-pref-rm')) {
    const removed = new Set(
      options.placementPrefRm.prefs.map((preference) => preference.Spread.SpreadDescriptor),
    );
    const existing = placement?.Preferences ?? [];
    const kept = changed('placement-pref-rm')
      ? existing.filter((preference) => !removed.has(preference.Spread.SpreadDescriptor))
      : existing;
    const added = changed('placement-pref-add') ? options.placementPrefAdd.prefs : [];
    placement = { ...(placement ?? {}), Preferences: [...kept, ...added] };
  }
  return placement === undefined ? template : { ...template, Placement: placement };
}

/** updateReplicas: only for a replicated service. */
export function updateReplicas(
  mode: ServiceMode,
  options: UpdateOptions,
  changed: Changed,
): ServiceMode {
  if (!changed('replicas')) return mode;
  if (mode.Replicated === undefined) {
    throw new CliError('replicas can only be used with replicated mode');
  }
  return { ...mode, Replicated: { Replicas: options.replicas } };
}

export function updateMaxReplicas(
  template: TaskSpec,
  options: UpdateOptions,
  changed: Changed,
): TaskSpec {
  if (!changed('replicas-max-per-node')) return template;
  return {
    ...template,
    Placement: { ...(template.Placement ?? {}), MaxReplicas: options.replicasMaxPerNode },
  };
}

/** Update and rollback configs: the spec's own (or swarmkit's defaults) with the flags applied. */
export function updateConfigs(
  spec: ServiceSpec,
  options: UpdateOptions,
  changed: Changed,
): ServiceSpec {
  const values = updateFlagValues(options);
  const touched = (prefix: 'update' | 'rollback'): boolean => updateConfigChanged(prefix, changed);
  return {
    ...spec,
    ...(touched('update')
      ? { UpdateConfig: configFromFlags('update', values.update, changed, spec.UpdateConfig) }
      : {}),
    ...(touched('rollback')
      ? {
          RollbackConfig: configFromFlags(
            'rollback',
            values.rollback,
            changed,
            spec.RollbackConfig,
          ),
        }
      : {}),
  };
}

/** The endpoint mode as typed (update does not lower-case it). */
export function updateEndpointMode(
  spec: ServiceSpec,
  options: UpdateOptions,
  changed: Changed,
): ServiceSpec {
  if (!changed('endpoint-mode')) return spec;
  return {
    ...spec,
    EndpointSpec: {
      ...(spec.EndpointSpec ?? {}),
      Mode: options.endpointMode,
    },
  };
}

/** updateLogDriver: a new driver replaces the old with exactly the options given. */
export function updateLogDriver(
  template: TaskSpec,
  options: UpdateOptions,
  changed: Changed,
): TaskSpec {
  if (!changed('log-driver') || options.logDriver === '') return template;
  const logOptions = kvMap(options.logOpt.values);
  return {
    ...template,
    LogDriver: {
      Name: options.logDriver,
      ...(Object.keys(logOptions).length === 0 ? {} : { Options: logOptions }),
    },
  };
}
