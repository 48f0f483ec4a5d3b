import type { PingResult } from '../../api/system';
import type { Command } from './command';

/**
 * docker's hideUnsupportedFeatures (cmd/docker/docker.go): before help is shown, subcommands the
 * daemon cannot serve are hidden. Swarm groups need a manager, `swarm leave` an active node, and
 * experimental commands an experimental daemon (never, here). Without an answer from the daemon
 * nothing swarm-related is hidden.
 */
export function hideUnsupportedFeatures(command: Command, ping: PingResult | null): void {
  const nodeState = ping?.swarm.split('/')[0];
  const controlAvailable = ping?.swarm === 'active/manager';
  const unsupported = (sub: Command): boolean => {
    if (sub.annotations.has('experimental')) return true;
    if (ping === null) return false;
    const swarm = sub.annotations.get('swarm');
    if (swarm === 'manager') return !controlAvailable;
    if (swarm === 'active') return nodeState === 'inactive';
    return false;
  };
  for (const sub of command.commands()) {
    if (!sub.hidden && unsupported(sub)) sub.hidden = true;
  }
  for (const flag of command.mergedFlags().all()) {
    if (flag.annotations.get('swarm') === 'manager' && ping !== null && !controlAvailable) {
      flag.hidden = true;
    }
  }
}
