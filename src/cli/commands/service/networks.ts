import type { NetworkAttachmentConfig, ServiceSpec, TaskSpec } from '../../../api/service';
import type { DockerCli } from '../../command/cli';
import { CliError } from '../../command/errors';
import type { NetworkAttachmentOpts } from '../../flags';

/**
 * A service's `--network` attachments (docker/cli service/opts.go `convertNetworks`, update.go
 * `updateNetworks`). `create` sends them as typed and the daemon resolves each; `update` looks
 * them up first, as swarm networks, by ID.
 */
export function convertNetworks(
  values: readonly NetworkAttachmentOpts[],
): NetworkAttachmentConfig[] {
  return values.map((value) => ({
    Target: value.target,
    ...(value.aliases === null ? {} : { Aliases: value.aliases }),
    ...(value.driverOpts === null ? {} : { DriverOpts: value.driverOpts }),
  }));
}

/** docker's `resolveNetworkID`: the network's ID as the daemon finds it in the swarm scope. */
async function resolveNetworkId(cli: DockerCli, reference: string): Promise<string> {
  const network = await cli.engine.networkInspect({ id: reference, scope: 'swarm' }, cli.cancel);
  return network.Id;
}

/**
 * `--network-rm` then `--network-add`: the removed ones looked up and dropped, each added one
 * looked up (`service is already attached to network x` when it is), the list sorted by ID.
 */
export async function updateNetworks(
  cli: DockerCli,
  spec: ServiceSpec,
  toRemove: readonly string[],
  toAdd: readonly NetworkAttachmentOpts[],
): Promise<ServiceSpec> {
  const removed = new Set<string>();
  for (const reference of new Set(toRemove)) removed.add(await resolveNetworkId(cli, reference));
  const networks: NetworkAttachmentConfig[] = [];
  const existing = new Set<string>();
  for (const network of spec.TaskTemplate.Networks ?? []) {
    if (removed.has(network.Target ?? '')) continue;
    networks.push(network);
    existing.add(network.Target ?? '');
  }
  for (const network of convertNetworks(toAdd)) {
    const id = await resolveNetworkId(cli, network.Target ?? '');
    if (existing.has(id)) {
      throw new CliError(`service is already attached to network ${network.Target ?? ''}`);
    }
    networks.push({ ...network, Target: id });
    existing.add(id);
  }
  networks.sort((a, b) => ((a.Target ?? '') < (b.Target ?? '') ? -1 : 1));
  return { ...spec, TaskTemplate: withNetworks(spec.TaskTemplate, networks) };
}

/** The template with its networks in their place in moby's `TaskSpec` key order. */
export function withNetworks(template: TaskSpec, networks: NetworkAttachmentConfig[]): TaskSpec {
  const { ContainerSpec, Resources, RestartPolicy, Placement, LogDriver, ForceUpdate, Runtime } =
    template;
  return {
    ...(ContainerSpec === undefined ? {} : { ContainerSpec }),
    ...(Resources === undefined ? {} : { Resources }),
    ...(RestartPolicy === undefined ? {} : { RestartPolicy }),
    ...(Placement === undefined ? {} : { Placement }),
    ...(networks.length === 0 ? {} : { Networks: networks }),
    ...(LogDriver === undefined ? {} : { LogDriver }),
    ForceUpdate,
    ...(Runtime === undefined ? {} : { Runtime }),
  };
}
