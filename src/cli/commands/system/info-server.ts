import type { SystemInfo } from '../../../api/system';
import { bytesSize } from './go-units';
import { swarmInfoLines } from './info-swarm';

/** docker/cli prettyPrintServerInfo for Docker 27.5.1, as lines (the last one empty). */
export function serverInfoLines(info: SystemInfo, clientDebug: boolean): string[] {
  const lines: string[] = [];
  const nonEmpty = (label: string, value: string): void => {
    if (value !== '') lines.push(`${label} ${value}`);
  };
  lines.push(
    ` Containers: ${info.Containers}`,
    `  Running: ${info.ContainersRunning}`,
    `  Paused: ${info.ContainersPaused}`,
    `  Stopped: ${info.ContainersStopped}`,
    ` Images: ${info.Images}`,
  );
  nonEmpty(' Server Version:', info.ServerVersion);
  nonEmpty(' Storage Driver:', info.Driver);
  for (const [key, value] of info.DriverStatus) lines.push(`  ${key}: ${value}`);
  nonEmpty(' Logging Driver:', info.LoggingDriver);
  nonEmpty(' Cgroup Driver:', info.CgroupDriver);
  nonEmpty(' Cgroup Version:', info.CgroupVersion);
  lines.push(...pluginLines(info));
  lines.push(` Swarm: ${info.Swarm.LocalNodeState}`, ...swarmInfoLines(info.Swarm));
  lines.push(...runtimeLines(info));
  nonEmpty(' Kernel Version:', info.KernelVersion);
  nonEmpty(' Operating System:', info.OperatingSystem);
  nonEmpty(' OSType:', info.OSType);
  nonEmpty(' Architecture:', info.Architecture);
  lines.push(` CPUs: ${info.NCPU}`, ` Total Memory: ${bytesSize(info.MemTotal)}`);
  nonEmpty(' Name:', info.Name);
  nonEmpty(' ID:', info.ID);
  lines.push(` Docker Root Dir: ${info.DockerRootDir}`, ` Debug Mode: ${String(info.Debug)}`);
  if (info.Debug || clientDebug) {
    lines.push(
      `  File Descriptors: ${info.NFd}`,
      `  Goroutines: ${info.NGoroutines}`,
      `  System Time: ${info.SystemTime}`,
      `  EventsListeners: ${info.NEventsListener}`,
    );
  }
  nonEmpty(' HTTP Proxy:', info.HttpProxy);
  nonEmpty(' HTTPS Proxy:', info.HttpsProxy);
  nonEmpty(' No Proxy:', info.NoProxy);
  if (info.Labels.length > 0) lines.push(' Labels:', ...info.Labels.map((label) => `  ${label}`));
  lines.push(` Experimental: ${String(info.ExperimentalBuild)}`);
  lines.push(...registryLines(info));
  lines.push(` Live Restore Enabled: ${String(info.LiveRestoreEnabled)}`, '');
  return lines;
}

function pluginLines(info: SystemInfo): string[] {
  const lines = [
    ' Plugins:',
    `  Volume: ${info.Plugins.Volume.join(' ')}`,
    `  Network: ${info.Plugins.Network.join(' ')}`,
  ];
  const authorization = info.Plugins.Authorization ?? [];
  if (authorization.length > 0) lines.push(`  Authorization: ${authorization.join(' ')}`);
  lines.push(`  Log: ${info.Plugins.Log.join(' ')}`);
  if (info.CDISpecDirs.length > 0) {
    lines.push(' CDI spec directories:', ...info.CDISpecDirs.map((dir) => `  ${dir}`));
  }
  return lines;
}

/** `name=seccomp,profile=builtin` → `seccomp` with a `Profile: builtin` line. */
function securityOptionLines(options: readonly string[]): string[] {
  const lines = [' Security Options:'];
  for (const option of options) {
    const pairs = new Map(
      option.split(',').map((pair) => {
        const equals = pair.indexOf('=');
        return [pair.slice(0, equals), pair.slice(equals + 1)] as const;
      }),
    );
    lines.push(`  ${pairs.get('name') ?? ''}`);
    const profile = pairs.get('profile');
    if (profile !== undefined) lines.push(`   Profile: ${profile}`);
  }
  return lines;
}

function runtimeLines(info: SystemInfo): string[] {
  const lines: string[] = [];
  const runtimes = Object.keys(info.Runtimes);
  if (runtimes.length > 0) {
    lines.push(` Runtimes: ${runtimes.join(' ')}`, ` Default Runtime: ${info.DefaultRuntime}`);
  }
  if (info.OSType === 'linux') {
    lines.push(
      ` Init Binary: ${info.InitBinary}`,
      ` containerd version: ${info.ContainerdCommit.ID}`,
      ` runc version: ${info.RuncCommit.ID}`,
      ` init version: ${info.InitCommit.ID}`,
    );
    if (info.SecurityOptions.length > 0) lines.push(...securityOptionLines(info.SecurityOptions));
  }
  return lines;
}

function registryLines(info: SystemInfo): string[] {
  const config = info.RegistryConfig;
  const indexConfigs = Object.values(config.IndexConfigs);
  const lines: string[] = [];
  if (config.InsecureRegistryCIDRs.length > 0 || indexConfigs.length > 0) {
    lines.push(' Insecure Registries:');
    for (const index of indexConfigs) if (!index.Secure) lines.push(`  ${index.Name}`);
    for (const cidr of config.InsecureRegistryCIDRs) lines.push(`  ${cidr}`);
  }
  const mirrors = config.Mirrors ?? [];
  if (mirrors.length > 0)
    lines.push(' Registry Mirrors:', ...mirrors.map((mirror) => `  ${mirror}`));
  return lines;
}
