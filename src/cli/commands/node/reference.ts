import { CliError } from '../../command/errors';
import type { DockerCli } from '../../command/cli';

/**
 * docker's node.Reference: `self` is this node's ID from `/info`; any other reference goes to
 * the daemon as typed (it resolves full IDs, hostnames and ID prefixes). Outside a swarm the
 * node list is asked first, so that the daemon's "not a swarm manager" error is the one shown.
 */
export async function nodeReference(cli: DockerCli, ref: string): Promise<string> {
  if (ref !== 'self') return ref;
  const info = await cli.engine.info();
  if (info.Swarm.NodeID !== '') return info.Swarm.NodeID;
  await cli.engine.nodeList({ filters: {} }, cli.cancel);
  throw new CliError('node ID not found in /info');
}
