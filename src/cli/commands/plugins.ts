import type { DockerCli } from '../command/cli';
import { Command } from '../command/command';
import { notSimulated } from '../command/not-simulated';

/**
 * The CLI plugins a docker-ce host on Debian ships (docker-buildx-plugin, docker-compose-plugin).
 * docker lists them among management commands as `buildx*` and `compose*`; the plugins
 * themselves are separate programs, which the playground does not simulate.
 */
export interface PluginInfo {
  readonly name: string;
  readonly shortDescription: string;
  readonly vendor: string;
  readonly version: string;
  readonly path: string;
}

export const INSTALLED_PLUGINS: readonly PluginInfo[] = [
  {
    name: 'buildx',
    shortDescription: 'Docker Buildx',
    vendor: 'Docker Inc.',
    version: 'v0.20.0',
    path: '/usr/libexec/docker/cli-plugins/docker-buildx',
  },
  {
    name: 'compose',
    shortDescription: 'Docker Compose',
    vendor: 'Docker Inc.',
    version: 'v2.32.4',
    path: '/usr/libexec/docker/cli-plugins/docker-compose',
  },
];

/** A plugin stub: every invocation, `--help` included, goes to the plugin binary. */
export function newPluginStubCommand(_cli: DockerCli, plugin: PluginInfo): Command {
  const command = new Command({
    use: plugin.name,
    short: plugin.shortDescription,
    plugin: true,
    run: (invocation) => notSimulated(invocation),
  });
  return command;
}
