import type { ContainerSpec, ServiceSpec, TaskSpec } from '../../../../api/service';
import type { UpdateOptions } from '../update';
import { canonicalServiceSpec } from './canonical';
import { anyChanged, type Changed } from './parts';
import {
  given,
  updateCapabilities,
  updateContainerBasics,
  updateContainerFlags,
  updateContainerMounts,
  updateCredentialSpec,
  updateHealthcheck,
} from './update-container';
import { editDns, editHosts, editLabels, editPorts, editSortedList } from './update-lists';
import {
  updateConfigs,
  updateEndpointMode,
  updateGenericResources,
  updateLogDriver,
  updateMaxReplicas,
  updatePlacement,
  updateReplicas,
  updateResources,
  updateRestartPolicy,
} from './update-task';

/**
 * docker's updateService (cli/command/service/update.go): the flags given, applied to the spec
 * the service has, in docker's order (so the first error is docker's first error), then the
 * secrets and configs kept after `--secret-rm` / `--config-rm`. Networks, and secrets and
 * configs to add, need lookups the caller refuses before this runs.
 */

function onContainer(
  spec: ServiceSpec,
  edit: (container: ContainerSpec) => ContainerSpec,
): ServiceSpec {
  const template = spec.TaskTemplate;
  return {
    ...spec,
    TaskTemplate: { ...template, ContainerSpec: edit(template.ContainerSpec ?? {}) },
  };
}

function onTemplate(spec: ServiceSpec, edit: (template: TaskSpec) => TaskSpec): ServiceSpec {
  return { ...spec, TaskTemplate: edit(spec.TaskTemplate) };
}

/** Resources to the stop grace period: the middle of updateService. */
function resourcesToGrace(
  spec: ServiceSpec,
  options: UpdateOptions,
  changed: Changed,
): ServiceSpec {
  let next = onTemplate(spec, (template) => updateResources(template, options, changed));
  next = onContainer(next, (container) =>
    changed('oom-score-adj') ? { ...container, OomScoreAdj: options.oomScoreAdj } : container,
  );
  next = onTemplate(next, (template) => updateGenericResources(template, options, changed));
  return onContainer(next, (container) =>
    changed('stop-grace-period')
      ? { ...container, StopGracePeriod: Number(options.stopGracePeriod) }
      : container,
  );
}

/** Groups, published ports, DNS and hosts: the list edits near the end of updateService. */
function listEdits(spec: ServiceSpec, options: UpdateOptions, changed: Changed): ServiceSpec {
  let next = spec;
  if (anyChanged(changed, 'group-add', 'group-rm')) {
    next = onContainer(next, (container) => ({
      ...container,
      Groups: editSortedList(
        container.Groups,
        given(changed, 'group-rm', options.groupRm.values),
        given(changed, 'group-add', options.groupAdd.values),
      ),
    }));
  }
  if (anyChanged(changed, 'publish-add', 'publish-rm')) {
    const endpoint = next.EndpointSpec ?? {};
    const ports = editPorts(
      endpoint.Ports,
      options.publishRm.ports,
      given(changed, 'publish-add', options.publishAdd.ports),
    );
    next = { ...next, EndpointSpec: { ...endpoint, Ports: ports } };
  }
  return onContainer(next, (container) => dnsAndHosts(container, options, changed));
}

function dnsAndHosts(
  container: ContainerSpec,
  options: UpdateOptions,
  changed: Changed,
): ContainerSpec {
  let next = container;
  const dnsFlags = [
    'dns-add',
    'dns-rm',
    'dns-option-add',
    'dns-option-rm',
    'dns-search-add',
    'dns-search-rm',
  ];
  if (anyChanged(changed, ...dnsFlags)) {
    next = {
      ...next,
      DNSConfig: editDns(next.DNSConfig, {
        Nameservers: {
          remove: given(changed, 'dns-rm', options.dnsRm.values),
          add: given(changed, 'dns-add', options.dnsAdd.values),
        },
        Search: {
          remove: given(changed, 'dns-search-rm', options.dnsSearchRm.values),
          add: given(changed, 'dns-search-add', options.dnsSearchAdd.values),
        },
        Options: {
          remove: given(changed, 'dns-option-rm', options.dnsOptionRm.values),
          add: given(changed, 'dns-option-add', options.dnsOptionAdd.values),
        },
      }),
    };
  }
  if (anyChanged(changed, 'host-add', 'host-rm')) {
    next = {
      ...next,
      Hosts: editHosts(
        next.Hosts,
        given(changed, 'host-rm', options.hostRm.values),
        given(changed, 'host-add', options.hostAdd.values),
      ),
    };
  }
  return next;
}

/** Secrets and configs after their `-rm` flags (by name). */
function referenceEdits(spec: ServiceSpec, options: UpdateOptions, changed: Changed): ServiceSpec {
  const secretsRemoved = new Set(changed('secret-rm') ? options.secretRm.values : []);
  const configsRemoved = new Set(changed('config-rm') ? options.configRm.values : []);
  return onContainer(spec, (container) => ({
    ...container,
    Secrets: (container.Secrets ?? []).filter((secret) => !secretsRemoved.has(secret.SecretName)),
    Configs: (container.Configs ?? []).filter((config) => !configsRemoved.has(config.ConfigName)),
  }));
}

export function updateServiceSpec(
  current: ServiceSpec,
  options: UpdateOptions,
  changed: Changed,
): ServiceSpec {
  const labels = editLabels(
    current.Labels,
    given(changed, 'label-rm', options.labelRm.values),
    given(changed, 'label-add', options.labelAdd.values),
  );
  let spec: ServiceSpec = { ...current, Labels: labels ?? current.Labels };
  spec = onContainer(spec, (container) => updateContainerBasics(container, options, changed));
  spec = onContainer(spec, (container) => updateContainerMounts(container, options, changed));
  spec = resourcesToGrace(spec, options, changed);
  spec = onTemplate(spec, (template) => updateRestartPolicy(template, options, changed));
  spec = onTemplate(spec, (template) => updatePlacement(template, options, changed));
  spec = { ...spec, Mode: updateReplicas(spec.Mode, options, changed) };
  spec = onTemplate(spec, (template) => updateMaxReplicas(template, options, changed));
  spec = updateEndpointMode(updateConfigs(spec, options, changed), options, changed);
  spec = listEdits(spec, options, changed);
  spec = onTemplate(spec, (template) => updateLogDriver(template, options, changed));
  if (options.force) {
    spec = onTemplate(spec, (template) => ({ ...template, ForceUpdate: template.ForceUpdate + 1 }));
  }
  spec = onContainer(spec, (container) => updateHealthcheck(container, options, changed));
  spec = onContainer(spec, (container) => updateContainerFlags(container, options, changed));
  spec = onContainer(spec, (container) => updateCapabilities(container, options, changed));
  spec = referenceEdits(spec, options, changed);
  spec = onContainer(spec, (container) => updateCredentialSpec(container, options, changed));
  return canonicalServiceSpec(spec);
}
