import type { ContainerSpec, HealthConfig } from '../../../../api/service';
import { CliError } from '../../../command/errors';
import type { UpdateOptions } from '../update';
import { anyChanged, normalizeCapability, type Changed } from './parts';
import { editEnv, editLabels, editMounts, editSysctls, editUlimits } from './update-lists';

/**
 * docker's updateService for the container spec: each field changes only when its flag was
 * given; the mounts and ulimits are rebuilt (and so sorted) on every update, as docker does.
 */

/** A list flag's values when it was given, else null (`flags.Changed` false). */
export function given<T>(
  changed: Changed,
  flag: string,
  values: readonly T[],
): readonly T[] | null {
  return changed(flag) ? values : null;
}

/** Labels, image, command, args, environment, dir, user, hostname, init, isolation. */
export function updateContainerBasics(
  container: ContainerSpec,
  options: UpdateOptions,
  changed: Changed,
): ContainerSpec {
  const labels = editLabels(
    container.Labels,
    given(changed, 'container-label-rm', options.containerLabelRm.values),
    given(changed, 'container-label-add', options.containerLabelAdd.values),
  );
  return {
    ...container,
    ...(labels === undefined ? {} : { Labels: labels }),
    ...(changed('image') ? { Image: options.image } : {}),
    ...(changed('args') ? { Args: options.args.words } : {}),
    ...(changed('entrypoint') ? { Command: options.entrypoint.words } : {}),
    Env: editEnv(
      container.Env,
      given(changed, 'env-rm', options.envRm.values),
      given(changed, 'env-add', options.envAdd.values),
    ),
    ...(changed('workdir') ? { Dir: options.workdir } : {}),
    ...(changed('user') ? { User: options.user } : {}),
    ...(changed('hostname') ? { Hostname: options.hostname } : {}),
    ...(changed('init') ? { Init: options.init } : {}),
    ...(changed('isolation') ? { Isolation: options.isolation } : {}),
  };
}

/** Mounts (which may fail: `duplicate mount target`), sysctls and ulimits. */
export function updateContainerMounts(
  container: ContainerSpec,
  options: UpdateOptions,
  changed: Changed,
): ContainerSpec {
  const mounts = editMounts(
    container.Mounts,
    given(changed, 'mount-rm', options.mountRm.values),
    given(changed, 'mount-add', options.mountAdd.mounts),
  );
  const sysctls = editSysctls(
    container.Sysctls,
    given(changed, 'sysctl-rm', options.sysctlRm.values),
    given(changed, 'sysctl-add', options.sysctlAdd.values),
  );
  const ulimits = editUlimits(
    container.Ulimits,
    given(changed, 'ulimit-rm', options.ulimitRm.values),
    given(changed, 'ulimit-add', options.ulimitAdd.list()),
  );
  // An empty list is left out when the spec is written back (canonical.ts).
  return {
    ...container,
    Mounts: mounts,
    ...(sysctls === undefined ? {} : { Sysctls: sysctls }),
    Ulimits: ulimits ?? [],
  };
}

const HEALTH_UPDATE_FLAGS = [
  'health-cmd',
  'health-interval',
  'health-retries',
  'health-timeout',
  'health-start-period',
] as const;

/**
 * updateHealthcheck: `--no-healthcheck` alone sets NONE; with any --health-* it is an error;
 * otherwise the given settings replace those in place (a NONE test is dropped first).
 * docker does not look at --health-start-interval here.
 */
export function updateHealthcheck(
  container: ContainerSpec,
  options: UpdateOptions,
  changed: Changed,
): ContainerSpec {
  if (!anyChanged(changed, 'no-healthcheck', ...HEALTH_UPDATE_FLAGS)) return container;
  if (options.noHealthcheck) {
    if (anyChanged(changed, ...HEALTH_UPDATE_FLAGS)) {
      throw new CliError('--no-healthcheck conflicts with --health-* options');
    }
    return { ...container, Healthcheck: { Test: ['NONE'] } };
  }
  const current: HealthConfig = container.Healthcheck ?? {};
  const test = current.Test?.[0] === 'NONE' ? undefined : current.Test;
  const nanos = (value: bigint | null): number => Number(value ?? 0n);
  let health: HealthConfig = {
    ...current,
    ...(test === undefined ? { Test: [] } : { Test: test }),
    ...(changed('health-interval') ? { Interval: nanos(options.healthInterval.value) } : {}),
    ...(changed('health-timeout') ? { Timeout: nanos(options.healthTimeout.value) } : {}),
    ...(changed('health-start-period')
      ? { StartPeriod: nanos(options.healthStartPeriod.value) }
      : {}),
    ...(changed('health-retries') ? { Retries: options.healthRetries } : {}),
  };
  if (changed('health-cmd')) {
    health = { ...health, Test: options.healthCmd === '' ? [] : ['CMD-SHELL', options.healthCmd] };
  }
  return { ...container, Healthcheck: health };
}

/** TTY, read-only, stop signal. */
export function updateContainerFlags(
  container: ContainerSpec,
  options: UpdateOptions,
  changed: Changed,
): ContainerSpec {
  return {
    ...container,
    ...(changed('tty') ? { TTY: options.tty } : {}),
    ...(changed('read-only') ? { ReadOnly: options.readOnly } : {}),
    ...(changed('stop-signal') ? { StopSignal: options.stopSignal } : {}),
  };
}

function capabilityList(caps: ReadonlySet<string>): string[] | undefined {
  if (caps.size === 0) return undefined;
  if (caps.has('ALL')) return ['ALL'];
  return [...caps].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * updateCapabilities: a tri-state per capability. Adding one that was dropped only undoes the
 * drop (and the reverse); adding wins over dropping the same one; RESET empties a list first.
 */
export function updateCapabilities(
  container: ContainerSpec,
  options: UpdateOptions,
  changed: Changed,
): ContainerSpec {
  if (!anyChanged(changed, 'cap-add', 'cap-drop')) return container;
  let adds = new Set((container.CapabilityAdd ?? []).map(normalizeCapability));
  let drops = new Set((container.CapabilityDrop ?? []).map(normalizeCapability));
  const toAdd = new Set(changed('cap-add') ? options.capAdd.values.map(normalizeCapability) : []);
  const toDrop = new Set(
    changed('cap-drop') ? options.capDrop.values.map(normalizeCapability) : [],
  );
  if (toAdd.delete('RESET')) adds = new Set();
  if (toDrop.delete('RESET')) drops = new Set();
  for (const cap of toDrop) {
    if (toAdd.has(cap)) continue;
    if (adds.has(cap)) adds.delete(cap);
    else drops.add(cap);
  }
  for (const cap of toAdd) {
    if (drops.has(cap)) drops.delete(cap);
    else adds.add(cap);
  }
  return {
    ...container,
    CapabilityAdd: capabilityList(adds) ?? [],
    CapabilityDrop: capabilityList(drops) ?? [],
  };
}

/** The credential spec: an empty value removes it; `config://` is handled by the caller. */
export function updateCredentialSpec(
  container: ContainerSpec,
  options: UpdateOptions,
  changed: Changed,
): ContainerSpec {
  if (!changed('credential-spec')) return container;
  const privileges = container.Privileges;
  if (options.credentialSpec.source === '') {
    return privileges === undefined
      ? container
      : { ...container, Privileges: { ...privileges, CredentialSpec: null } };
  }
  const credentialSpec = options.credentialSpec.spec();
  return {
    ...container,
    Privileges:
      privileges === undefined
        ? { CredentialSpec: credentialSpec, SELinuxContext: null, NoNewPrivileges: false }
        : { ...privileges, CredentialSpec: credentialSpec },
  };
}
